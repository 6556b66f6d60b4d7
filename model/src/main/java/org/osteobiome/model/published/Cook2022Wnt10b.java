package org.osteobiome.model.published;

import java.util.ArrayList;
import java.util.List;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.DescribedModel;
import org.osteobiome.model.Observable;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.ParameterSpec;
import org.osteobiome.model.Runs;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.SolverDefaults;
import org.osteobiome.model.Trajectory;
import org.osteobiome.model.bone.GrahamBoneCompartment;
import org.osteobiome.model.ode.EventAction;
import org.osteobiome.model.ode.OdeProblem;
import org.osteobiome.model.ode.OdeSolution;
import org.osteobiome.model.ode.OdeSystem;
import org.osteobiome.model.ode.TimeEvent;

/**
 * Cook, Islam, Smith and Ford Versypt 2022, <i>Mathematical modeling of the effects of
 * Wnt-10b on bone metabolism</i>, AIChE J. 68:e17809 (doi:10.1002/aic.17809); original code
 * {@code ashleefv/Wnt10bBoneCompartment} @ 5a8a7da (BSD-3-Clause, © Ashlee N. Ford Versypt).
 * A constant Wnt-10b fold change x acts on the Graham bone compartment through π = x/(x + K_W);
 * 100-day remodelling cycles, at whose ends every state below 1 is set to 0 and then S ← S − ρ.
 * Parameters are the rounded values used for the paper's figures ({@code GraphsforPaper.m}).
 */
public final class Cook2022Wnt10b extends DescribedModel {
    public static final String ID = "cook2022-wnt10b";
    /** The solver and tolerances of this model's reference checks. */
    private static final SolverDefaults SOLVER = new SolverDefaults("dp853", 1e-10, 1e-12);
    /** Length of one remodelling cycle in the original (days). */
    public static final double CYCLE_DAYS = 100;

    private static final String CODE = "ashleefv/Wnt10bBoneCompartment @ 5a8a7da (Cook et al. 2022)";
    private static final double[] ROUNDED = {0.178, 0.178 + 0.0833, 0.00071, 6.26};
    private static final double[] UNROUNDED = {0.177617716487146, 0.177617716487146 + 0.0833133162733869,
        0.000709650034656732, 6.26349707992014};

    private static final List<ParameterSpec> PARAMETERS = buildParameters();
    private static final List<Observable> OBSERVABLES = List.of(
            new Observable("bone_volume_pct", "%", "trabecular bone volume, % of its initial value (state z)"),
            new Observable("bv_change_pct", "%", "change in BV/TV from normal, z − 100 (the quantity fitted to data)"),
            new Observable("osteocytes", "cells", "osteocytes S"),
            new Observable("preosteoblasts", "cells", "pre-osteoblasts P"),
            new Observable("osteoblasts", "cells", "osteoblasts B"),
            new Observable("osteoclasts", "cells", "osteoclasts C"));

    private static List<ParameterSpec> buildParameters() {
        List<ParameterSpec> p = new ArrayList<>();
        p.add(ParameterSpec.real("wnt_fold", 0, "fold", -1, 1e4,
                "Wnt-10b fold change x, constant during the run (−1 = knock-out, 0 = normal; data at 5 and 50)", CODE));
        p.add(ParameterSpec.integer("cycles", 6, 1, 10_000, "number of 100-day remodelling cycles", CODE));
        p.add(ParameterSpec.choice("parameter_set", List.of("rounded", "unrounded"),
                "rounded: the fitted values as used for the paper's figures; unrounded: the full-precision fit", CODE));
        p.add(ParameterSpec.real("beta1_adj", ROUNDED[0], "1/day", 0, 1e3,
                "Wnt-driven C-independent pre-osteoblast → osteoblast differentiation β1,adj = k(1) (fit SD 0.0080)", CODE));
        p.add(ParameterSpec.real("alpha3_adj", ROUNDED[1], "1/day", 0, 1e3,
                "Wnt-driven pre-osteoblast proliferation α3,adj = k(1) + k(2) (fit SD 0.0154)", CODE));
        p.add(ParameterSpec.real("beta2_adj", ROUNDED[2], "1/day", 0, 1e3,
                "Wnt reduction of osteoblast apoptosis β2,adj = k(3) (fit SD 0.00070)", CODE));
        p.add(ParameterSpec.real("K_W", ROUNDED[3], "fold", 1e-9, 1e6, "Wnt half-saturation K_W = k(4) (fit SD 0.048)", CODE));
        p.addAll(GrahamBoneCompartment.specs(CODE));
        return List.copyOf(p);
    }

    public Cook2022Wnt10b() {
        super(SOLVER, ID,
                "constant Wnt-10b fold change → Graham bone remodelling, 100-day cycles (mouse)",
                "C. V. Cook, M. A. Islam, B. J. Smith, A. N. Ford Versypt. Mathematical modeling of the effects of Wnt-10b "
                    + "on bone metabolism. AIChE J. 2022, 68(12):e17809, doi:10.1002/aic.17809. Original code: "
                    + "github.com/ashleefv/Wnt10bBoneCompartment @ 5a8a7da, BSD-3-Clause, © Ashlee N. Ford Versypt. "
                    + "Bone compartment: Graham et al. 2013, PLoS ONE 8:e63884.",
                PARAMETERS, OBSERVABLES);
    }

    @Override
    public TimeGrid defaultGrid(ParameterSet p) {
        return new TimeGrid(0, p.integer("cycles") * CYCLE_DAYS, 1, Trajectory.TimeDisplay.DAYS);
    }

    @Override
    public Trajectory simulate(ParameterSet p, SimulationSettings settings) {
        double[] times = Runs.outputTimes(defaultGrid(p), settings);
        if (times[0] < 0) {
            throw OsteobiomeException.invalid(ID + " starts at t = 0; the start time must be ≥ 0");
        }
        double tEnd = times[times.length - 1];
        int cycles = (int) Math.ceil(tEnd / CYCLE_DAYS - 1e-9);
        if (p.isSet("cycles") && cycles > p.integer("cycles")) {
            throw OsteobiomeException.invalid("end time " + Numbers.format(tEnd) + " d needs " + cycles
                    + " cycles but cycles=" + p.integer("cycles") + " was set; raise cycles or lower the end time");
        }
        Equations equations = new Equations(p);
        double drop = p.real("rho");
        List<TimeEvent> resets = new ArrayList<>();
        for (int j = 1; j < cycles; j++) {
            if (j * CYCLE_DAYS < tEnd) {
                resets.add(new TimeEvent(j * CYCLE_DAYS, "cycle end", EventAction.reset((t, y) -> endOfCycle(y, drop))));
            }
        }
        OdeSolution s = Runs.solver(settings, SOLVER)
                .solve(new OdeProblem(equations, 0, equations.initialState(), tEnd, times, resets, List.of()));
        double[][] values = new double[times.length][];
        for (int i = 0; i < times.length; i++) {
            double[] y = s.states()[i];
            values[i] = new double[] {y[GrahamBoneCompartment.Z], y[GrahamBoneCompartment.Z] - 100,
                y[GrahamBoneCompartment.S], y[GrahamBoneCompartment.P], y[GrahamBoneCompartment.B], y[GrahamBoneCompartment.C]};
        }
        return new Trajectory(ID, times, OBSERVABLES, values, Trajectory.TimeDisplay.DAYS);
    }

    /** The original's hand-off: every component below 1 becomes 0, then S drops by ρ. */
    static double[] endOfCycle(double[] y, double drop) {
        double[] next = y.clone();
        for (int i = 0; i < next.length; i++) {
            if (next[i] < 1) {
                next[i] = 0;
            }
        }
        next[GrahamBoneCompartment.S] -= drop;
        return next;
    }

    /** The five bone equations with a constant Wnt-10b input. */
    static final class Equations implements OdeSystem {
        private final GrahamBoneCompartment.Parameters bone;
        private final GrahamBoneCompartment.Modifiers modifiers;
        private final double s0;

        Equations(ParameterSet p) {
            this.bone = GrahamBoneCompartment.from(p);
            double[] set = p.choice("parameter_set").equals("rounded") ? ROUNDED : UNROUNDED;
            double beta1Adj = p.realOr("beta1_adj", set[0]);
            double alpha3Adj = p.realOr("alpha3_adj", set[1]);
            double beta2Adj = p.realOr("beta2_adj", set[2]);
            double kW = p.realOr("K_W", set[3]);
            double x = p.real("wnt_fold");
            if (!(x + kW > 0)) {
                throw OsteobiomeException.invalid("wnt_fold = " + Numbers.format(x) + " makes π = x/(x + K_W) singular or"
                        + " sign-reversed beyond the knock-out; use wnt_fold > −K_W = " + Numbers.format(-kW));
            }
            double pi = x / (x + kW);
            this.modifiers = new GrahamBoneCompartment.Modifiers(bone.beta1(), beta1Adj * pi, alpha3Adj * pi,
                    bone.beta2() - beta2Adj * pi, 0, bone.alpha4(), 0, bone.k1(), bone.k2());
            this.s0 = p.real("K_S") - p.real("rho");
            if (!(s0 >= 0)) {
                throw OsteobiomeException.invalid("rho must not exceed K_S (S0 = K_S − rho)");
            }
        }

        double[] initialState() {
            double[] y = new double[GrahamBoneCompartment.SIZE];
            y[GrahamBoneCompartment.S] = s0;
            y[GrahamBoneCompartment.Z] = 100;
            return y;
        }

        @Override
        public int dimension() {
            return GrahamBoneCompartment.SIZE;
        }

        @Override
        public boolean isAutonomous() {
            return true;
        }

        @Override
        public void derivatives(double t, double[] y, double[] dy) {
            GrahamBoneCompartment.derivatives(bone, modifiers, 1.0, y, 0, dy);
        }
    }
}
