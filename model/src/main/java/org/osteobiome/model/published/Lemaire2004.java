package org.osteobiome.model.published;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
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
import org.osteobiome.model.ode.EventAction;
import org.osteobiome.model.ode.OdeProblem;
import org.osteobiome.model.ode.OdeSolution;
import org.osteobiome.model.ode.OdeSystem;
import org.osteobiome.model.ode.StateEvent;
import org.osteobiome.model.ode.TimeEvent;

/**
 * Lemaire, Tobin, Greller, Cho and Suva 2004, <i>Modeling the interactions between osteoblast
 * and osteoclast activities in bone remodeling</i>, J. Theor. Biol. 229:293
 * (doi:10.1016/j.jtbi.2004.03.023); checked against the MIT-licensed re-implementation
 * {@code cmodiz/Bone-Models} @ a3567d9 (© Corinna Modiz). Responding osteoblasts (OBp), active
 * osteoblasts (OBa) and active osteoclasts (OCa) in pM, coupled by TGF-β, RANKL/OPG and PTH.
 * The run starts at the steady state without injections; the injection experiments of the
 * paper are the {@code load_case}s, each held from {@code inject_start} to {@code inject_end}.
 */
public final class Lemaire2004 extends DescribedModel {
    public static final String ID = "lemaire2004";
    /** The solver and tolerances of this model's reference checks. */
    private static final SolverDefaults SOLVER = new SolverDefaults("dp853", 1e-10, 1e-16);

    private static final String PAPER = "Lemaire et al. 2004, J. Theor. Biol. 229:293 (as in cmodiz/Bone-Models @ a3567d9)";
    private static final String MODIZ = "load cases of cmodiz/Bone-Models @ a3567d9 after Lemaire et al. 2004";

    /** The injection each load case sets (parameter id and value). */
    private static final String[] CASE_INPUT = {null, "I_B", "I_B", "I_P", "I_C", "I_C", "I_O", "I_R", "I_R", "I_L"};
    private static final double[] CASE_VALUE = {0, 1e-4, -8.3e-5, 1e3, 1e-4, -2.9e-4, 2e5, 1e-4, -1.2e-3, 10};
    private static final List<String> INPUTS = List.of("I_R", "I_B", "I_C", "I_P", "I_O", "I_L");

    private static final List<ParameterSpec> PARAMETERS = buildParameters();
    private static final List<Observable> OBSERVABLES = List.of(
            new Observable("OBp", "pM", "responding (pre-)osteoblasts R"),
            new Observable("OBa", "pM", "active osteoblasts B"),
            new Observable("OCa", "pM", "active osteoclasts C"),
            new Observable("pi_C", "1", "TGF-β receptor occupancy π_C"),
            new Observable("pi_P", "1", "PTH receptor occupancy π_P"),
            new Observable("pi_L", "1", "RANKL–RANK occupancy π_L"));

    private static List<ParameterSpec> buildParameters() {
        List<ParameterSpec> p = new ArrayList<>();
        p.add(ParameterSpec.integer("load_case", 0, 0, 9,
                "0 none; 1 I_B=1e-4; 2 I_B=−8.3e-5; 3 I_P=1e3; 4 I_C=1e-4; 5 I_C=−2.9e-4; 6 I_O=2e5; 7 I_R=1e-4; 8 I_R=−1.2e-3; 9 I_L=10",
                MODIZ));
        p.add(ParameterSpec.real("inject_start", 20, "day", 0, 1e6, "injections start", MODIZ));
        p.add(ParameterSpec.real("inject_end", 80, "day", 0, 1e6, "injections stop", MODIZ));
        p.add(ParameterSpec.real("I_R", 0, "pM/day", -1, 1, "injection of responding osteoblasts (default from load_case)", MODIZ));
        p.add(ParameterSpec.real("I_B", 0, "pM/day", -1, 1, "injection of active osteoblasts (default from load_case)", MODIZ));
        p.add(ParameterSpec.real("I_C", 0, "pM/day", -1, 1, "injection of active osteoclasts (default from load_case)", MODIZ));
        p.add(ParameterSpec.real("I_P", 0, "pM/day", 0, 1e9, "PTH injection (default from load_case)", MODIZ));
        p.add(ParameterSpec.real("I_O", 0, "pM/day", 0, 1e12, "OPG injection (default from load_case)", MODIZ));
        p.add(ParameterSpec.real("I_L", 0, "pM/day", 0, 1e9, "RANKL injection (default from load_case)", MODIZ));
        p.add(ParameterSpec.real("D_R", 7.0e-4, "pM/day", 0, 1, "production of responding osteoblasts", PAPER));
        p.add(ParameterSpec.real("d_B", 0.7, "1/day", 1e-12, 1e3, "R → B differentiation before the f0 correction (D_B = f0·d_B)", PAPER));
        p.add(ParameterSpec.real("D_C", 2.1e-3, "pM/day", 0, 1, "osteoclast formation scale", PAPER));
        p.add(ParameterSpec.real("D_A", 0.7, "1/day", 0, 1e3, "osteoclast apoptosis (×π_C)", PAPER));
        p.add(ParameterSpec.real("k_B", 0.189, "1/day", 0, 1e3, "active osteoblast elimination", PAPER));
        p.add(ParameterSpec.real("f0", 0.05, "1", 1e-12, 1, "correction factor", PAPER));
        p.add(ParameterSpec.real("C_s", 5.0e-3, "pM", 1e-12, 1e3, "osteoclast level for half-maximal TGF-β effect", PAPER));
        p.add(ParameterSpec.real("k1", 1.0e-2, "1/(pM·day)", 0, 1e6, "RANKL–OPG binding", PAPER));
        p.add(ParameterSpec.real("k2", 10, "1/day", 1e-12, 1e6, "RANKL–OPG unbinding", PAPER));
        p.add(ParameterSpec.real("k3", 5.8e-4, "1/(pM·day)", 0, 1e6, "RANKL–RANK binding", PAPER));
        p.add(ParameterSpec.real("k4", 1.7e-2, "1/day", 1e-12, 1e6, "RANKL–RANK unbinding", PAPER));
        p.add(ParameterSpec.real("k5", 0.02, "1/(pM·day)", 1e-12, 1e6, "PTH–receptor binding", PAPER));
        p.add(ParameterSpec.real("k6", 3, "1/day", 0, 1e6, "PTH–receptor unbinding", PAPER));
        p.add(ParameterSpec.real("K_LP", 3.0e6, "pM/pM", 0, 1e12, "maximal RANKL on osteoblasts per pM cells", PAPER));
        p.add(ParameterSpec.real("K_OP", 2.0e5, "pM/day per pM", 0, 1e12, "OPG production per responding osteoblast", PAPER));
        p.add(ParameterSpec.real("k_O", 0.35, "1/day", 1e-12, 1e6, "OPG degradation", PAPER));
        p.add(ParameterSpec.real("K", 10, "pM", 0, 1e6, "RANK (fixed)", PAPER));
        p.add(ParameterSpec.real("r_L", 1.0e3, "pM/day", 1e-12, 1e12, "intrinsic RANKL production (enters the injection factor only)", PAPER));
        p.add(ParameterSpec.real("S_P", 250, "pM/day", 0, 1e9, "intrinsic PTH production", PAPER));
        p.add(ParameterSpec.real("k_P", 86, "1/day", 1e-12, 1e6, "PTH degradation", PAPER));
        return List.copyOf(p);
    }

    public Lemaire2004() {
        super(SOLVER, ID,
                "RANKL/OPG/PTH/TGF-β osteoblast–osteoclast population model with injection experiments",
                "V. Lemaire, F. L. Tobin, L. D. Greller, C. R. Cho, L. J. Suva. Modeling the interactions between osteoblast "
                    + "and osteoclast activities in bone remodeling. J. Theor. Biol. 2004, 229(3):293–309, "
                    + "doi:10.1016/j.jtbi.2004.03.023. Re-implementation checked against: github.com/cmodiz/Bone-Models @ a3567d9, "
                    + "MIT, © Corinna Modiz.",
                PARAMETERS, OBSERVABLES);
    }

    @Override
    public TimeGrid defaultGrid(ParameterSet p) {
        return new TimeGrid(0, 140, 1, Trajectory.TimeDisplay.DAYS);
    }

    @Override
    public Trajectory simulate(ParameterSet p, SimulationSettings settings) {
        double[] times = Runs.outputTimes(defaultGrid(p), settings);
        if (times[0] < 0) {
            throw OsteobiomeException.invalid(ID + " starts at t = 0; the start time must be ≥ 0");
        }
        double tEnd = times[times.length - 1];
        double start = p.real("inject_start");
        double stop = p.real("inject_end");
        if (stop < start) {
            throw OsteobiomeException.invalid("inject_end = " + Numbers.format(stop) + " is before inject_start = "
                    + Numbers.format(start));
        }
        Rates base = Rates.from(p, new double[INPUTS.size()]);
        Rates injected = Rates.from(p, injections(p));
        double[] y0 = steadyState(base);
        // The injection switch is an extra state that only time events change, so no step straddles a switch.
        double[] start0 = {y0[0], y0[1], y0[2], 0};
        List<TimeEvent> switches = new ArrayList<>();
        if (start < tEnd) {
            switches.add(new TimeEvent(start, "injection on", EventAction.reset((t, y) -> withSwitch(y, 1))));
        }
        if (stop < tEnd) {
            switches.add(new TimeEvent(stop, "injection off", EventAction.reset((t, y) -> withSwitch(y, 0))));
        }
        Equations equations = new Equations(base, injected);
        List<StateEvent> guards = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int state = i;
            String name = OBSERVABLES.get(i).id();
            guards.add(new StateEvent(name + " vanishes", (t, y) -> y[state], StateEvent.Direction.FALLING,
                    EventAction.fail(name + " fell to 0: the injections remove more cells than the model has, and its "
                            + "occupancy terms are undefined for negative cell numbers; use a smaller negative injection")));
        }
        OdeSolution s = Runs.solver(settings, SOLVER)
                .solve(new OdeProblem(equations, 0, start0, tEnd, times, switches, guards));
        double[][] values = new double[times.length][];
        for (int i = 0; i < times.length; i++) {
            double[] y = s.states()[i];
            Rates r = y[3] > 0.5 ? injected : base;
            values[i] = new double[] {y[0], y[1], y[2], r.piC(y[2]), r.piP(), r.piL(y[0], y[1])};
        }
        return new Trajectory(ID, times, OBSERVABLES, values, Trajectory.TimeDisplay.DAYS);
    }

    private static double[] withSwitch(double[] y, double on) {
        double[] next = y.clone();
        next[3] = on;
        return next;
    }

    /** Injection rates (I_R, I_B, I_C, I_P, I_O, I_L): the load case's, overridden by explicit values. */
    static double[] injections(ParameterSet p) {
        int loadCase = p.integer("load_case");
        double[] values = new double[INPUTS.size()];
        for (int i = 0; i < values.length; i++) {
            String id = INPUTS.get(i);
            double fromCase = id.equals(CASE_INPUT[loadCase]) ? CASE_VALUE[loadCase] : 0;
            values[i] = p.realOr(id, fromCase);
        }
        return values;
    }

    /** Steady state without injections by Newton's method from the paper's approximate values. */
    static double[] steadyState(Rates r) {
        double[] y = {7.7e-4, 7.3e-4, 9.1e-4};
        double[] f = new double[3];
        double[] fp = new double[3];
        for (int iteration = 0; iteration < 100; iteration++) {
            r.derivatives(y, f);
            double norm = 0;
            for (int i = 0; i < 3; i++) {
                norm = Math.max(norm, Math.abs(f[i]) / Math.max(y[i], 1e-12));
            }
            if (norm < 1e-14) {
                return y;
            }
            RealMatrix jac = MatrixUtils.createRealMatrix(3, 3);
            for (int j = 0; j < 3; j++) {
                double[] yp = y.clone();
                double h = 1e-7 * Math.max(Math.abs(y[j]), 1e-12);
                yp[j] += h;
                r.derivatives(yp, fp);
                for (int i = 0; i < 3; i++) {
                    jac.setEntry(i, j, (fp[i] - f[i]) / h);
                }
            }
            double[] step = new LUDecomposition(jac).getSolver().solve(MatrixUtils.createRealVector(f)).toArray();
            for (int i = 0; i < 3; i++) {
                y[i] -= step[i];
                if (!(y[i] > 0)) {
                    throw OsteobiomeException.invalid("no positive steady state found for these Lemaire parameters");
                }
            }
        }
        throw OsteobiomeException.invalid("the steady-state search did not converge for these Lemaire parameters");
    }

    /** The rate expressions for one set of parameters and injections. */
    record Rates(double dR, double dB, double dC, double dA, double kB, double f0, double cS, double k1, double k2,
                 double k3, double k4, double k5, double k6, double kLP, double kOP, double kO, double k, double rL,
                 double sP, double kP, double iR, double iB, double iC, double iP, double iO, double iL) {

        static Rates from(ParameterSet p, double[] inputs) {
            double f0 = p.real("f0");
            return new Rates(p.real("D_R"), f0 * p.real("d_B"), p.real("D_C"), p.real("D_A"), p.real("k_B"), f0,
                    p.real("C_s"), p.real("k1"), p.real("k2"), p.real("k3"), p.real("k4"), p.real("k5"), p.real("k6"),
                    p.real("K_LP"), p.real("K_OP"), p.real("k_O"), p.real("K"), p.real("r_L"), p.real("S_P"), p.real("k_P"),
                    inputs[0], inputs[1], inputs[2], inputs[3], inputs[4], inputs[5]);
        }

        double piC(double c) {
            return (c + f0 * cS) / (c + cS);
        }

        double piP() {
            return (iP / kP + sP / kP) / (iP / kP + k6 / k5);
        }

        double piL(double r, double b) {
            double pp = piP();
            return (k3 / k4) * kLP * pp * b / (1 + k3 * k / k4 + (k1 / (k2 * kO)) * (kOP * r / pp + iO)) * (1 + iL / rL);
        }

        void derivatives(double[] y, double[] dy) {
            double r = y[0];
            double b = y[1];
            double c = y[2];
            double pc = piC(c);
            dy[0] = dR * pc - (dB / pc) * r + iR;
            dy[1] = (dB / pc) * r - kB * b + iB;
            dy[2] = dC * piL(r, b) - dA * pc * c + iC;
        }
    }

    /** R, B, C and the injection switch (0 or 1, changed only by time events). */
    static final class Equations implements OdeSystem {
        private final Rates base;
        private final Rates injected;

        Equations(Rates base, Rates injected) {
            this.base = base;
            this.injected = injected;
        }

        @Override
        public int dimension() {
            return 4;
        }

        @Override
        public boolean isAutonomous() {
            return true;
        }

        @Override
        public void derivatives(double t, double[] y, double[] dy) {
            (y[3] > 0.5 ? injected : base).derivatives(y, dy);
            dy[3] = 0;
        }
    }
}
