package org.osteobiome.model.gutbone;

import java.util.ArrayList;
import java.util.List;
import org.osteobiome.model.ode.EventAction;
import org.osteobiome.model.ode.OdeProblem;
import org.osteobiome.model.ode.OdeSystem;
import org.osteobiome.model.ode.Solver;
import org.osteobiome.model.ode.TimeEvent;
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
        derivatives(y, dy, offset, w / (w + kg4), osteoclastDrive);
    }

    /** The bone states' rates for a Wnt-10b effect h and an immune drive of osteoclast formation. */
    private void derivatives(double[] y, double[] dy, int offset, double h, double osteoclastDrive) {
        GrahamBoneCompartment.Modifiers m = new GrahamBoneCompartment.Modifiers(bone.beta1(), kg1 * h, kg2 * h,
                bone.beta2() - kg3 * h, 0, bone.alpha4() * osteoclastDrive, 0, bone.k1(), bone.k2());
        GrahamBoneCompartment.derivatives(bone, m, sigma, y, offset, dy);
    }

    /**
     * The bone volume z of a sham mouse at {@code times}: the bone layer alone at baseline (no Wnt-10b effect, immune
     * drive 1), with the same remodelling cycles and hand-offs. In a sham scenario of the full model the layer sees
     * exactly these inputs, so dividing by this reference gives BV/TV as % of sham at every time, not only at
     * cycle ends where the reference is back at 100.
     */
    double[] shamVolume(double s0, double cycleDays, double start, double[] times, Solver solver) {
        OdeSystem sham = new OdeSystem() {
            @Override
            public int dimension() {
                return SIZE;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dy) {
                MouseBone.this.derivatives(y, dy, 0, 0, 1);
            }

            @Override
            public boolean isAutonomous() {
                return true;
            }
        };
        double[] y0 = new double[SIZE];
        initial(y0, 0, s0);
        double tEnd = Math.max(times[times.length - 1], start + 1e-9);
        List<TimeEvent> handOffs = new ArrayList<>();
        for (double t = cycleDays; t < tEnd; t += cycleDays) {
            if (t > start) {
                handOffs.add(new TimeEvent(t, "remodelling cycle hand-off", EventAction.reset((time, y) -> handOff(y, 0, s0))));
            }
        }
        double[][] states = solver.solve(new OdeProblem(sham, start, y0, tEnd, times, handOffs, List.of())).states();
        double[] z = new double[times.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = states[i][GrahamBoneCompartment.Z];
        }
        return z;
    }

    /** Islam's end-of-cycle hand-off of the bone states at {@code offset}: S back to s0, cells below 1 to 0. */
    static double[] handOff(double[] y, int offset, double s0) {
        y[offset] = s0;
        for (int i = 1; i < SIZE; i++) {
            if (y[offset + i] < 1) {
                y[offset + i] = 0;
            }
        }
        return y;
    }
}
