package org.osteobiome.model.gutbone;

import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.bone.GrahamBoneCompartment;

/**
 * The mouse bone layer: the Graham bone compartment with Islam et al. 2021's Wnt-10b effects (their case 2, 14-day
 * cycles), osteoclast formation α4 multiplied by the immune drive, and resorption per osteoclast scaled by the bone
 * that remains, (z/z_sham)^q_z. Beside it runs a sham reference: the same layer at baseline (no Wnt-10b effect,
 * immune drive 1), which a sham scenario reproduces exactly, so that BV/TV can be read as % of sham at every time.
 *
 * <p>Layout at the layer's offset: the five Graham states of the scenario's mouse, then the five of the sham mouse.
 * With q_z = 0 (couplings off) resorption no longer depends on the bone left and the layer is Islam's case 2.
 */
final class MouseBone {
    static final int SIZE = 2 * GrahamBoneCompartment.SIZE;
    /** Offset of the sham reference's states within the layer. */
    static final int SHAM = GrahamBoneCompartment.SIZE;

    private final GrahamBoneCompartment.Parameters bone;
    private final double kg1;
    private final double kg2;
    private final double kg3;
    private final double kg4;
    private final double sigma;
    private final double qz;

    MouseBone(ParameterSet p, double qz) {
        this.bone = GrahamBoneCompartment.from(p);
        this.kg1 = p.real("k_g1");
        this.kg2 = p.real("k_g2");
        this.kg3 = p.real("k_g3");
        this.kg4 = p.real("k_g4");
        this.sigma = 100.0 / p.real("cycle_days");
        this.qz = qz;
    }

    void initial(double[] y, int offset, double s0) {
        for (int layer : new int[] {offset, offset + SHAM}) {
            y[layer + GrahamBoneCompartment.S] = s0;
            y[layer + GrahamBoneCompartment.Z] = 100;
        }
    }

    /** BV/TV as % of the sham mouse at the same time. */
    static double relativeVolume(double[] y, int offset) {
        return 100 * y[offset + GrahamBoneCompartment.Z] / y[offset + SHAM + GrahamBoneCompartment.Z];
    }

    /** The factor (z/z_sham)^q_z on resorption per osteoclast: bone that is gone cannot be resorbed again. */
    double resorptionScale(double[] y, int offset) {
        if (qz == 0) {
            return 1;
        }
        double ratio = Math.max(y[offset + GrahamBoneCompartment.Z], 0) / y[offset + SHAM + GrahamBoneCompartment.Z];
        return Math.pow(ratio, qz);
    }

    void derivatives(double[] y, double[] dy, int offset, double wnt, double osteoclastDrive) {
        double w = wnt - 1;
        derivatives(y, dy, offset, w / (w + kg4), osteoclastDrive, resorptionScale(y, offset));
        derivatives(y, dy, offset + SHAM, 0, 1, 1);
    }

    /** The rates of the five Graham states at {@code offset} for a Wnt-10b effect h, an immune drive and a resorption scale. */
    private void derivatives(double[] y, double[] dy, int offset, double h, double osteoclastDrive, double resorption) {
        GrahamBoneCompartment.Modifiers m = new GrahamBoneCompartment.Modifiers(bone.beta1(), kg1 * h, kg2 * h,
                bone.beta2() - kg3 * h, 0, bone.alpha4() * osteoclastDrive, 0, bone.k1() * resorption, bone.k2());
        GrahamBoneCompartment.derivatives(bone, m, sigma, y, offset, dy);
    }

    /**
     * Islam's end-of-cycle hand-off of both layers at {@code offset}: S back to s0, cells below 1 to 0. Bone volume is
     * not a cell count and is kept whatever its value (Islam's code applies the rule to z too; it never fires there).
     */
    static double[] handOff(double[] y, int offset, double s0) {
        for (int layer : new int[] {offset, offset + SHAM}) {
            y[layer + GrahamBoneCompartment.S] = s0;
            for (int i : new int[] {GrahamBoneCompartment.P, GrahamBoneCompartment.B, GrahamBoneCompartment.C}) {
                if (y[layer + i] < 1) {
                    y[layer + i] = 0;
                }
            }
        }
        return y;
    }
}
