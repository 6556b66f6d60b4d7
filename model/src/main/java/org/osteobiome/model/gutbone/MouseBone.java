package org.osteobiome.model.gutbone;

import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.published.GrahamBoneCompartment;

/**
 * The mouse bone layer: the Graham bone compartment with Islam et al. 2021's Wnt-10b effects (their case 2,
 * 14-day cycles), and osteoclast formation α4 multiplied by the immune drive.
 */
final class MouseBone {
    static final int SIZE = GrahamBoneCompartment.SIZE;

    private final GrahamBoneCompartment.Parameters bone;
    private final double kg1;
    private final double kg2;
    private final double kg3;
    private final double kg4;
    private final double sigma;

    MouseBone(ParameterSet p, boolean couplings) {
        this.bone = GrahamBoneCompartment.from(p);
        this.kg1 = p.real("k_g1");
        this.kg2 = p.real("k_g2");
        this.kg3 = p.real("k_g3");
        this.kg4 = p.real("k_g4");
        this.sigma = 100.0 / p.real("cycle_days");
    }

    void initial(double[] y, int offset, double s0) {
        y[offset + GrahamBoneCompartment.S] = s0;
        y[offset + GrahamBoneCompartment.Z] = 100;
    }

    void derivatives(double[] y, double[] dy, int offset, double osteoclastDrive) {
        double w = y[GutBoneEquations.WNT] - 1;
        double h = w / (w + kg4);
        GrahamBoneCompartment.Modifiers m = new GrahamBoneCompartment.Modifiers(bone.beta1(), kg1 * h, kg2 * h,
                bone.beta2() - kg3 * h, 0, bone.alpha4() * osteoclastDrive, 0, bone.k1(), bone.k2());
        GrahamBoneCompartment.derivatives(bone, m, sigma, y, offset, dy);
    }
}
