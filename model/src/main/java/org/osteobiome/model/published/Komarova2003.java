package org.osteobiome.model.published;

import java.util.List;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.DescribedModel;
import org.osteobiome.model.Observable;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.ParameterSpec;
import org.osteobiome.model.Runs;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.SolverDefaults;
import org.osteobiome.model.Trajectory;
import org.osteobiome.model.ode.EventAction;
import org.osteobiome.model.ode.OdeProblem;
import org.osteobiome.model.ode.OdeSolution;
import org.osteobiome.model.ode.OdeSystem;
import org.osteobiome.model.ode.StateEvent;

/**
 * Komarova, Smith, Dixon, Sims and Wahl 2003, <i>Mathematical model predicts a critical role
 * for osteoclast autocrine regulation in the control of bone remodeling</i>, Bone 33:206
 * (doi:10.1016/S8756-3282(03)00157-1), with the parameters of BioModels BIOMD0000000148 and its
 * corrected formula for the osteoblast steady state. Osteoclasts x1 and osteoblasts x2 in
 * power-law autocrine/paracrine form; only cells above steady state resorb or form bone.
 */
public final class Komarova2003 extends DescribedModel {
    public static final String ID = "komarova2003";
    /** The solver and tolerances of this model's reference checks. */
    private static final SolverDefaults SOLVER = new SolverDefaults("dp853", 1e-10, 1e-10);

    private static final String BIOMODELS = "Komarova et al. 2003 as curated in BioModels BIOMD0000000148";
    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.real("alpha1", 3, "cells/day", 1e-12, 1e6, "osteoclast production α1", BIOMODELS),
            ParameterSpec.real("alpha2", 4, "cells/day", 1e-12, 1e6, "osteoblast production α2", BIOMODELS),
            ParameterSpec.real("beta1", 0.2, "1/day", 1e-12, 1e6, "osteoclast removal β1", BIOMODELS),
            ParameterSpec.real("beta2", 0.02, "1/day", 1e-12, 1e6, "osteoblast removal β2", BIOMODELS),
            ParameterSpec.real("g11", 0.5, "1", -10, 10, "osteoclast autocrine exponent g11 (controls the mode: single cycle, oscillations, instability)", BIOMODELS),
            ParameterSpec.real("g21", -0.5, "1", -10, 10, "osteoblast paracrine effect on osteoclasts g21", BIOMODELS),
            ParameterSpec.real("g12", 1, "1", -10, 10, "osteoclast paracrine effect on osteoblasts g12", BIOMODELS),
            ParameterSpec.real("g22", 0, "1", -10, 10, "osteoblast autocrine exponent g22", BIOMODELS),
            ParameterSpec.real("k1", 0.24, "%/(cell·day)", 0, 1e3, "bone resorption per excess osteoclast k1", BIOMODELS),
            ParameterSpec.real("k2", 0.0017, "%/(cell·day)", 0, 1e3, "bone formation per excess osteoblast k2", BIOMODELS),
            ParameterSpec.choice("initial_condition", List.of("biomodels", "exact"),
                    "biomodels: x1 = 11, x2 = 212 (rounded steady state + 10 osteoclasts); exact: x1 = x̄1 + clast_excess, x2 = x̄2",
                    BIOMODELS),
            ParameterSpec.real("clast_excess", 10, "cells", 0, 1e6, "osteoclasts added above steady state at t = 0 (exact start)", BIOMODELS));

    private static final List<Observable> OBSERVABLES = List.of(
            new Observable("osteoclasts", "cells", "osteoclasts x1"),
            new Observable("osteoblasts", "cells", "osteoblasts x2"),
            new Observable("bone_mass_pct", "%", "bone mass z, % of initial"));

    /** Steady state (x̄1, x̄2) of the cell equations, with BioModels' corrected x̄2. */
    public record SteadyState(double osteoclasts, double osteoblasts) {
    }

    /** x̄1 and x̄2 for these parameters. */
    public static SteadyState steadyState(ParameterSet p) {
        double g11 = p.real("g11");
        double g21 = p.real("g21");
        double g12 = p.real("g12");
        double g22 = p.real("g22");
        double gamma = g12 * g21 - (1 - g11) * (1 - g22);
        if (gamma == 0) {
            throw OsteobiomeException.invalid("the exponents give Γ = g12·g21 − (1 − g11)(1 − g22) = 0: no isolated steady state");
        }
        double r1 = p.real("beta1") / p.real("alpha1");
        double r2 = p.real("beta2") / p.real("alpha2");
        return new SteadyState(Math.pow(r1, (1 - g22) / gamma) * Math.pow(r2, g21 / gamma),
                Math.pow(r1, g12 / gamma) * Math.pow(r2, (1 - g11) / gamma));
    }

    public Komarova2003() {
        super(SOLVER, ID,
                "osteoclast–osteoblast autocrine/paracrine power-law model, one remodelling cycle",
                "S. V. Komarova, R. J. Smith, S. J. Dixon, S. M. Sims, L. M. Wahl. Mathematical model predicts a critical role "
                    + "for osteoclast autocrine regulation in the control of bone remodeling. Bone 2003, 33(2):206–215, "
                    + "doi:10.1016/S8756-3282(03)00157-1. Parameters and corrected x̄2: BioModels BIOMD0000000148. No original code.",
                PARAMETERS, OBSERVABLES);
    }

    @Override
    public TimeGrid defaultGrid(ParameterSet p) {
        return new TimeGrid(0, 1000, 1, Trajectory.TimeDisplay.DAYS);
    }

    @Override
    public Trajectory simulate(ParameterSet p, SimulationSettings settings) {
        double[] times = Runs.outputTimes(defaultGrid(p), settings);
        if (times[0] < 0) {
            throw OsteobiomeException.invalid(ID + " starts at t = 0; the start time must be ≥ 0");
        }
        SteadyState ss = steadyState(p);
        double[] y0 = p.choice("initial_condition").equals("biomodels")
                ? new double[] {11, 212, 100}
                : new double[] {ss.osteoclasts() + p.real("clast_excess"), ss.osteoblasts(), 100};
        Equations equations = new Equations(p, ss);
        // The kinks of z' where a cell count crosses its steady state are left to error control: the counts
        // converge to steady state, where switching events would fire endlessly on round-off.
        List<StateEvent> events = List.of(
                new StateEvent("osteoclasts vanish", (t, y) -> y[0] - 1e-9, StateEvent.Direction.FALLING,
                        EventAction.fail("osteoclasts fell to 0, where the power-law terms x1^g are undefined")),
                new StateEvent("osteoblasts vanish", (t, y) -> y[1] - 1e-9, StateEvent.Direction.FALLING,
                        EventAction.fail("osteoblasts fell to 0, where the power-law terms x2^g are undefined")));
        OdeSolution s = Runs.solver(settings, SOLVER)
                .solve(new OdeProblem(equations, 0, y0, times[times.length - 1], times, List.of(), events));
        return new Trajectory(ID, s.times(), OBSERVABLES, s.states(), Trajectory.TimeDisplay.DAYS);
    }

    /** x1' = α1 x1^g11 x2^g21 − β1 x1, x2' = α2 x1^g12 x2^g22 − β2 x2, z' = −k1 y1 + k2 y2. */
    static final class Equations implements OdeSystem {
        private final double alpha1;
        private final double alpha2;
        private final double beta1;
        private final double beta2;
        private final double g11;
        private final double g21;
        private final double g12;
        private final double g22;
        private final double k1;
        private final double k2;
        private final SteadyState steady;

        Equations(ParameterSet p, SteadyState steady) {
            this.alpha1 = p.real("alpha1");
            this.alpha2 = p.real("alpha2");
            this.beta1 = p.real("beta1");
            this.beta2 = p.real("beta2");
            this.g11 = p.real("g11");
            this.g21 = p.real("g21");
            this.g12 = p.real("g12");
            this.g22 = p.real("g22");
            this.k1 = p.real("k1");
            this.k2 = p.real("k2");
            this.steady = steady;
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public boolean isAutonomous() {
            return true;
        }

        @Override
        public void derivatives(double t, double[] y, double[] dy) {
            double x1 = y[0];
            double x2 = y[1];
            dy[0] = alpha1 * Math.pow(x1, g11) * Math.pow(x2, g21) - beta1 * x1;
            dy[1] = alpha2 * Math.pow(x1, g12) * Math.pow(x2, g22) - beta2 * x2;
            dy[2] = -k1 * Math.max(0, x1 - steady.osteoclasts()) + k2 * Math.max(0, x2 - steady.osteoblasts());
        }
    }
}
