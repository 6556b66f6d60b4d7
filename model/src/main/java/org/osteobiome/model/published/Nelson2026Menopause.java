package org.osteobiome.model.published;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
import org.osteobiome.model.bone.JorgBoneCompartment;
import org.osteobiome.model.ode.EventAction;
import org.osteobiome.model.ode.OdeProblem;
import org.osteobiome.model.ode.OdeSolution;
import org.osteobiome.model.ode.OdeSystem;
import org.osteobiome.model.ode.TimeEvent;

/**
 * Nelson et al. 2026, <i>Mathematical modeling of bone remodeling in surgical menopause</i>,
 * Front. Syst. Biol. (code doi:10.5281/zenodo.16738331, {@code ashleefv/SurgicalMenopauseBone}
 * @ 5a42fd8, BSD-3-Clause, © Ashlee N. Ford Versypt), which extends the cell, sclerostin and
 * bone-density core of Jörg et al. 2022 (eLife 11:e76228). Estrogen E(t) falls after natural or
 * surgical menopause at t = 0; lumbar-spine BMD is reported as % of its value at t = 0.
 *
 * <p>The initial state at t = −30 y is the exact steady state for E = 1 (the original's
 * {@code fsolve} does not converge for the refitted parameters; its Octave result is available
 * as {@code initial_condition=octave-fsolve}).
 */
public final class Nelson2026Menopause extends DescribedModel {
    public static final String ID = "nelson2026-menopause";
    /** The solver and tolerances of this model's reference checks. */
    private static final SolverDefaults SOLVER = new SolverDefaults("dp853", 1e-12, 1e-12);
    /** Integration starts 30 years before menopause (days). */
    public static final double START = -10950;
    /** Menopause or surgery (days); the code overrides params.txt to put it at 0. */
    public static final double MENOPAUSE = 0;

    static final int PB = JorgBoneCompartment.PB;
    static final int PC = JorgBoneCompartment.PC;
    static final int C = JorgBoneCompartment.C;
    static final int B = JorgBoneCompartment.B;
    static final int S = JorgBoneCompartment.S;
    static final int SC = JorgBoneCompartment.SC;
    static final int BD = JorgBoneCompartment.BD;

    private static final String CODE = "ashleefv/SurgicalMenopauseBone @ 5a42fd8 (Nelson et al. 2026)";
    private static final String JORG = "Jörg et al. 2022 eLife 11:e76228, via params.txt of " + CODE;

    /** Octave 7's fsolve result from all-ones for the refitted parameters (published-models.md §3.6). */
    private static final double[] OCTAVE_FSOLVE_START = {214.1086437, 4049.575784, 41.9885928, 107.4989898, 612.445745,
        11112.32289, 1};

    /** Per variant: estrogen curve, new effects, e_PC, e_Sc, η_ovx, τ, ω_ovx. */
    private record Variant(boolean surgical, boolean newEffects, double ePC, double eSc, double etaOvx, double tau,
                           double omegaOvx) {
    }

    private static final double REFIT_E_PC = 0.25463819775760055;
    private static final double REFIT_E_SC = 9.776879488474847;
    private static final Map<String, Variant> VARIANTS = Map.of(
            "natural", new Variant(false, false, REFIT_E_PC, REFIT_E_SC, 0, 0, 0),
            "surgical", new Variant(true, false, REFIT_E_PC, REFIT_E_SC, 0, 0, 0),
            "surgical-long", new Variant(true, true, REFIT_E_PC, REFIT_E_SC, 0.4174487709182692, 0, 0.21551756624852234),
            "surgical-short", new Variant(true, true, REFIT_E_PC, REFIT_E_SC, 5.0, 0.009745805433299216, 1.86289302804691),
            "natural-jorg", new Variant(false, false, 0.937654795, 9.595406602, 0, 0, 0));

    private static final List<ParameterSpec> PARAMETERS = buildParameters();
    private static final List<Observable> OBSERVABLES = List.of(
            new Observable("bmd_pct", "%", "lumbar-spine BMD, % of its value at menopause (t = 0)"),
            new Observable("estrogen", "1", "estrogen relative to premenopausal level E(t)"),
            new Observable("preosteoblasts", "1", "pre-osteoblast density PB (normalised)"),
            new Observable("preosteoclasts", "1", "pre-osteoclast density PC (normalised)"),
            new Observable("osteoclasts", "1", "osteoclast density C (normalised)"),
            new Observable("osteoblasts", "1", "osteoblast density B (normalised)"),
            new Observable("osteocytes", "1", "osteocyte density S (normalised)"),
            new Observable("sclerostin", "1", "sclerostin Sc (normalised)"),
            new Observable("bone_density", "1", "relative bone density Bd (BMD = BMC_0·Bd)"));

    private static List<ParameterSpec> buildParameters() {
        List<ParameterSpec> p = new ArrayList<>();
        p.add(ParameterSpec.choice("variant", List.of("natural", "surgical", "surgical-long", "surgical-short", "natural-jorg"),
                "natural: refitted e_PC, e_Sc; surgical: same, surgical estrogen, no extra effects; surgical-long/-short: "
                        + "with the post-surgical effects fitted to all / < 15 y data; natural-jorg: Jörg's e_PC, e_Sc", CODE));
        p.add(ParameterSpec.choice("band", List.of("none", "upper", "lower"),
                "±25 % band of the post-surgical effects (upper: η_ovx×1.25, τ×0.75, ω_ovx×1.25; lower: the reverse)", CODE));
        p.add(ParameterSpec.choice("initial_condition", List.of("steady-state", "octave-fsolve"),
                "steady-state: exact cell steady state for E = 1; octave-fsolve: the original's inexact start (refitted parameters)",
                CODE));
        p.add(ParameterSpec.real("e_PC", REFIT_E_PC, "1", 1e-9, 1e6,
                "estrogen threshold for repressing PC → C differentiation (default from variant; Jörg 0.937654795)", "Nelson refit, " + CODE));
        p.add(ParameterSpec.real("e_Sc", REFIT_E_SC, "1", 1e-9, 1e6,
                "estrogen threshold for repressing sclerostin production (default from variant; Jörg 9.595406602)", "Nelson refit, " + CODE));
        p.add(ParameterSpec.real("eta_B", 0.00867806, "1/day", 0, 10, "osteoblast apoptosis η_B", JORG));
        p.add(ParameterSpec.real("eta_C", 0.023815993, "1/day", 1e-12, 10, "osteoclast apoptosis η_C", JORG));
        p.add(ParameterSpec.real("eta_S", 0.000109589, "1/day", 1e-12, 10, "osteocyte apoptosis η_S", JORG));
        p.add(ParameterSpec.real("kappa_Sc", 0.05, "1/day", 1e-12, 100, "sclerostin degradation κ_Sc", JORG));
        p.add(ParameterSpec.real("lambda_B", 1.29e-6, "1/day", 0, 1, "bone formation per osteoblast density λ_B", JORG));
        p.add(ParameterSpec.real("lambda_C", 3.82e-6, "1/day", 0, 1, "bone resorption per osteoclast density λ_C", JORG));
        p.add(ParameterSpec.real("nu_Omega", 107.5332737, "1", 0, 1e6, "maximal relative boost of formation by resorption-derived factors ν_Ω", JORG));
        p.add(ParameterSpec.real("omega_B", 0.000624353, "1/day", 0, 10, "osteoblast → osteocyte ω_B", JORG));
        p.add(ParameterSpec.real("omega_PB", 0.319241069, "1/day", 1e-12, 10, "pre-osteoblast → osteoblast ω_PB", JORG));
        p.add(ParameterSpec.real("omega_PC", 0.930890444, "1/day", 1e-12, 10, "pre-osteoclast → osteoclast ω_PC", JORG));
        p.add(ParameterSpec.real("r_Omega", 1024.4198, "1", 1e-12, 1e9, "half-activation of the formation boost by osteoclasts r_Ω", JORG));
        p.add(ParameterSpec.real("sc_Omega", 3039.645954, "1", 1e-12, 1e12, "sclerostin threshold on formation sc_Ω", JORG));
        p.add(ParameterSpec.real("sc_PB", 163.2824648, "1", 1e-12, 1e12, "sclerostin threshold on PB → B sc_PB", JORG));
        p.add(ParameterSpec.real("sc_PC", 8603687.044, "1", 1e-12, 1e15, "sclerostin threshold on PC → C (activating) sc_PC", JORG));
        p.add(ParameterSpec.real("tau_E", 949, "day", 1e-6, 1e6, "natural estrogen decline time scale τ_E (2.6 y)", JORG));
        p.add(ParameterSpec.real("kappa_E", Math.log(2) * 1440 / 161, "1/day", 1e-6, 1e6,
                "estradiol elimination after surgery κ_E (half-life 161 min)", "read_in_parameters.m of " + CODE));
        p.add(ParameterSpec.real("k_syn", 0.6, "1/day", 0, 1e6,
                "residual estradiol synthesis after surgery, 0.065·1440/156 (E_ovx = k_syn/κ_E)", "read_in_parameters.m of " + CODE));
        p.add(ParameterSpec.real("eta_ovx", 0, "1", 0, 1e3,
                "extra relative osteocyte apoptosis after surgery η_ovx (default from variant)", "fit_new_effects.m of " + CODE));
        p.add(ParameterSpec.real("tau_ovx", 0, "1/day", 0, 1e3,
                "decay rate of the post-surgical effects τ (0 = permanent; default from variant)", "fit_new_effects.m of " + CODE));
        p.add(ParameterSpec.real("omega_ovx", 0, "1/day", 0, 1e3,
                "extra PC → C differentiation after surgery ω_ovx (default from variant)", "fit_new_effects.m of " + CODE));
        return List.copyOf(p);
    }

    public Nelson2026Menopause() {
        super(SOLVER, ID,
                "estrogen → bone cells, sclerostin → lumbar-spine BMD in natural vs surgical menopause (human)",
                "A. C. Nelson, E. F. Yeo, Y. Zhang, C. V. Cook, S. Fischer-Holzhausen, L. Keeler Bruce, P. Dutta, S. Gholami, "
                    + "B. J. Smith, A. N. Ford Versypt. Mathematical modeling of bone remodeling in surgical menopause. "
                    + "Front. Syst. Biol. 2026. Code: doi:10.5281/zenodo.16738331, github.com/ashleefv/SurgicalMenopauseBone @ 5a42fd8, "
                    + "BSD-3-Clause, © Ashlee N. Ford Versypt. Base model: D. J. Jörg et al. Modeling osteoporosis to design and "
                    + "optimize pharmacological therapies comprising multiple drug types. eLife 2022, 11:e76228.",
                PARAMETERS, OBSERVABLES);
    }

    @Override
    public TimeGrid defaultGrid(ParameterSet p) {
        return new TimeGrid(START, 18250, 30, new Trajectory.TimeDisplay("time since menopause (years)", 365));
    }

    /** After ten years surgical-long climbs back, as the original's fit to the long-term data does. */
    @Override
    public List<String> notes(ParameterSet p, Trajectory run) {
        double years = run.time()[run.time().length - 1] / 365;
        if (!p.choice("variant").equals("surgical-long") || years <= 10) {
            return List.of();
        }
        return List.of("surgical-long: BMD rises again after about year 10, as Nelson et al. 2026's fit to surgical data up to 30 years"
                + " does (it follows Hadjidakis et al. 2002's points at 24 and 29 years; Fig. 3b of the paper, plotted to 30 years)"
                + (years > 30 ? "; beyond 30 years the curve is an extrapolation that no data cover" : ""));
    }

    @Override
    public Trajectory simulate(ParameterSet p, SimulationSettings settings) {
        double[] times = Runs.outputTimes(defaultGrid(p), settings);
        if (times[0] < START) {
            throw OsteobiomeException.invalid(ID + " starts 30 years before menopause; the start time must be ≥ "
                    + Numbers.format(START) + " d");
        }
        double tEnd = Math.max(times[times.length - 1], MENOPAUSE);
        // The normalisation needs Bd(0): add t = 0 to the grid when it is not there.
        double[] grid = times;
        if (Arrays.binarySearch(times, MENOPAUSE) < 0) {
            grid = Arrays.copyOf(times, times.length + 1);
            grid[times.length] = MENOPAUSE;
            Arrays.sort(grid);
        }
        Equations equations = new Equations(p);
        List<TimeEvent> switches = List.of(new TimeEvent(MENOPAUSE, "menopause", EventAction.proceed()));
        OdeSolution s = Runs.solver(settings, SOLVER)
                .solve(new OdeProblem(equations, START, equations.initialState(p), tEnd, grid, switches, List.of()));
        double bdAtMenopause = s.states()[Arrays.binarySearch(grid, MENOPAUSE)][BD];
        double[][] values = new double[times.length][];
        for (int i = 0; i < times.length; i++) {
            double[] y = s.states()[Arrays.binarySearch(grid, times[i])];
            values[i] = new double[] {100 * y[BD] / bdAtMenopause, equations.estrogen(times[i]), y[PB], y[PC], y[C], y[B],
                y[S], y[SC], y[BD]};
        }
        return new Trajectory(ID, times, OBSERVABLES, values, defaultGrid(p).display());
    }

    /** The seven equations for one variant and parameter set. */
    static final class Equations implements OdeSystem {
        private final JorgBoneCompartment.Parameters bone;
        private final boolean surgical;
        private final boolean newEffects;
        private final double ePC;
        private final double eSc;
        private final double tauE;
        private final double kappaE;
        private final double estrogenFloor;
        private final double etaOvx;
        private final double tauOvx;
        private final double omegaOvx;

        Equations(ParameterSet p) {
            Variant v = VARIANTS.get(p.choice("variant"));
            this.surgical = v.surgical();
            this.newEffects = v.newEffects();
            this.ePC = p.realOr("e_PC", v.ePC());
            this.eSc = p.realOr("e_Sc", v.eSc());
            this.bone = JorgBoneCompartment.Parameters.from(p, ePC, eSc);
            this.tauE = p.real("tau_E");
            this.kappaE = p.real("kappa_E");
            this.estrogenFloor = p.real("k_syn") / kappaE;
            if (estrogenFloor > 1) {
                throw OsteobiomeException.invalid("k_syn/kappa_E = " + Numbers.format(estrogenFloor)
                        + " would put post-surgical estrogen above the premenopausal level; lower k_syn or raise kappa_E");
            }
            String band = p.choice("band");
            double up = band.equals("upper") ? 1.25 : band.equals("lower") ? 0.75 : 1;
            double down = band.equals("upper") ? 0.75 : band.equals("lower") ? 1.25 : 1;
            this.etaOvx = p.realOr("eta_ovx", v.etaOvx()) * up;
            this.tauOvx = p.realOr("tau_ovx", v.tau()) * down;
            this.omegaOvx = p.realOr("omega_ovx", v.omegaOvx()) * up;
            if (!band.equals("none") && !newEffects) {
                throw OsteobiomeException.invalid("band=" + band + " scales the post-surgical effects, which variant="
                        + p.choice("variant") + " does not have; use variant=surgical-long or surgical-short");
            }
        }

        /** The exact steady state for E = 1 with Bd = 1, or the original's Octave start. */
        double[] initialState(ParameterSet p) {
            if (p.choice("initial_condition").equals("octave-fsolve")) {
                if (Math.abs(ePC - REFIT_E_PC) > 1e-15 || Math.abs(eSc - REFIT_E_SC) > 1e-12) {
                    throw OsteobiomeException.invalid("initial_condition=octave-fsolve is the original's start for the "
                            + "refitted e_PC and e_Sc only; use initial_condition=steady-state");
                }
                return OCTAVE_FSOLVE_START.clone();
            }
            return steadyState();
        }

        double[] steadyState() {
            return JorgBoneCompartment.steadyState(bone);
        }

        /** Estrogen relative to the premenopausal level. */
        double estrogen(double t) {
            if (t < MENOPAUSE) {
                return 1;
            }
            if (surgical) {
                return estrogenFloor + (1 - estrogenFloor) * Math.exp(-kappaE * (t - MENOPAUSE));
            }
            return 1 / (1 + (t - MENOPAUSE) / tauE);
        }

        @Override
        public int dimension() {
            return JorgBoneCompartment.SIZE;
        }

        @Override
        public void derivatives(double t, double[] y, double[] dy) {
            double omegaPC = bone.omegaPC();
            double etaS = bone.etaS();
            if (newEffects && t > MENOPAUSE) {
                double decay = Math.exp(-tauOvx * Math.abs(t - MENOPAUSE));
                etaS = bone.etaS() * (1 + etaOvx * decay);
                omegaPC = bone.omegaPC() + omegaOvx * decay;
            }
            JorgBoneCompartment.derivatives(bone, estrogen(t), omegaPC, etaS, y, 0, dy);
        }
    }
}
