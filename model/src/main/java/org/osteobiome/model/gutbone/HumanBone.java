package org.osteobiome.model.gutbone;

import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.published.JorgBoneCompartment;

/**
 * The human bone layer: the Jörg/Nelson cell, sclerostin and bone-density core, with pre-osteoclast → osteoclast
 * differentiation multiplied by the immune drive. With the couplings on, the direct estrogen repression of that
 * step uses the re-partitioned threshold {@code e_PC_coupled}; with them off, Nelson's refitted {@code e_PC}.
 */
final class HumanBone {
    static final int SIZE = JorgBoneCompartment.SIZE;

    private final JorgBoneCompartment.Parameters bone;

    HumanBone(ParameterSet p, boolean couplings) {
        double ePC = couplings ? p.real("e_PC_coupled") : p.real("e_PC");
        this.bone = JorgBoneCompartment.Parameters.from(p, ePC, p.real("e_Sc"));
    }

    void initial(double[] y, int offset) {
        System.arraycopy(JorgBoneCompartment.steadyState(bone), 0, y, offset, SIZE);
    }

    void derivatives(double t, double[] y, double[] dy, int offset, double estrogen, double osteoclastDrive) {
        JorgBoneCompartment.derivatives(bone, estrogen, bone.omegaPC() * osteoclastDrive, bone.etaS(), y, offset, dy);
    }
}
