package org.osteobiome.model.gutbone;

import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.bone.JorgBoneCompartment;

/**
 * The human bone layer: the Jörg/Nelson cell, sclerostin and bone-density core, with pre-osteoclast → osteoclast
 * differentiation multiplied by the immune drive (after a lag, see {@link #derivatives}). With the couplings on, the direct estrogen repression of that
 * step uses the re-partitioned threshold {@code e_PC_coupled} and bone density is at rest before menopause; with
 * them off, Nelson's refitted {@code e_PC} and values.
 */
final class HumanBone {
    /** The Jörg/Nelson states, then the immune drive as it reaches pre-osteoclast differentiation. */
    static final int SIZE = JorgBoneCompartment.SIZE + 1;
    static final int DRIVE = JorgBoneCompartment.SIZE;

    private final JorgBoneCompartment.Parameters bone;
    private final double driveLag;
    private final double kBd;

    HumanBone(ParameterSet p, boolean couplings, double kBd) {
        this.bone = parameters(p, couplings);
        this.driveLag = p.real("tau_drive_h");
        this.kBd = kBd;
    }

    /**
     * The core's parameters: with the couplings on, the re-partitioned threshold e_PC_coupled and λ_C at rest before
     * menopause (so that a premenopausal woman does not lose bone); with them off, Nelson's values unchanged.
     */
    static JorgBoneCompartment.Parameters parameters(ParameterSet p, boolean couplings) {
        JorgBoneCompartment.Parameters published = JorgBoneCompartment.Parameters.from(p,
                couplings ? p.real("e_PC_coupled") : p.real("e_PC"), p.real("e_Sc"));
        return couplings ? published.atRest() : published;
    }

    void initial(double[] y, int offset) {
        System.arraycopy(JorgBoneCompartment.steadyState(bone), 0, y, offset, JorgBoneCompartment.SIZE);
        y[offset + DRIVE] = 1;
    }

    /**
     * The core's rates, with PC → C multiplied by the acting drive, which follows the immune drive with the time
     * constant τ_drive_h (the marrow recruits osteoclast precursors over months): a sudden drive, as after surgical
     * menopause, does not empty the pre-osteoclast pool at once.
     */
    void derivatives(double t, double[] y, double[] dy, int offset, double estrogen, double osteoclastDrive) {
        double acting = y[offset + DRIVE];
        JorgBoneCompartment.derivatives(bone, estrogen, bone.omegaPC() * acting, bone.etaS(), y, offset, dy);
        if (kBd != 0) {
            // Resorption needs bone to resorb: scaled by Bd(1 + K)/(K + Bd), which is 1 at Bd = 1, within 2 % of 1 over
            // the range menopause reaches (K = 0.1), and 0 at Bd = 0, so bone density stays positive by construction.
            double density = Math.max(y[offset + JorgBoneCompartment.BD], 0);
            double resorption = bone.lambdaC() * y[offset + JorgBoneCompartment.C];
            dy[offset + JorgBoneCompartment.BD] += resorption * (1 - density * (1 + kBd) / (kBd + density));
        }
        dy[offset + DRIVE] = (osteoclastDrive - acting) / driveLag;
    }
}
