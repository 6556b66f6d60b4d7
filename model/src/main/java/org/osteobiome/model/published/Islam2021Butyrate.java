package org.osteobiome.model.published;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
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
import org.osteobiome.model.ode.Solver;
import org.osteobiome.model.ode.SolverException;
import org.osteobiome.model.ode.StateEvent;

/**
 * Islam, Cook, Smith and Ford Versypt 2021, <i>Mathematical modeling of the gut–bone axis and
 * implications of butyrate treatment on osteoimmunology</i>, Ind. Eng. Chem. Res. 60:17814
 * (doi:10.1021/acs.iecr.1c02949); original code {@code ashleefv/butyrateGutBoneAxis} @ b64549c
 * (BSD-3-Clause, © Ashlee N. Ford Versypt). Butyrate in gut, blood and bone marrow drives naive
 * CD4⁺ T cells to Tregs; bone Tregs raise TGF-β, which raises Wnt-10b, which drives the Graham
 * bone remodelling compartment, compressed to a 14-day mouse cycle. Nine cases add one direct
 * butyrate effect on bone each.
 *
 * <p>Reproduced from the original's details: the start-up constants in closed form, the 16
 * states, cycles integrated to {@code cycle_days − 0.001} as {@code np.arange} does, the cycle
 * hand-off (S ← S0; P, B, C, z kept when ≥ 1 and set to 0 otherwise), and case 7 as coded
 * (α4 − k_cd·C, which is not butyrate-dependent).
 *
 * <p>Output time is the original's plotting time: a row at time t belongs to cycle
 * j = ⌊t/cycle_days⌋ and shows the state t − j·cycle_days into it (at most the cycle's
 * integration length); a row at a cycle boundary shows the state after the hand-off, except the
 * final row at an exact multiple of cycle_days, which shows the end of the last cycle.
 */
public final class Islam2021Butyrate extends DescribedModel {
    public static final String ID = "islam2021-butyrate";
    /** The solver and tolerances of this model's reference checks. */
    private static final SolverDefaults SOLVER = new SolverDefaults("dp853", 1e-10, 1e-12);

    static final int GUT_BUTYRATE = 0;
    static final int BLOOD_BUTYRATE = 1;
    static final int BONE_BUTYRATE = 2;
    static final int NAIVE_GUT = 3;
    static final int NAIVE_BLOOD = 4;
    static final int NAIVE_BONE = 5;
    static final int TREG_GUT = 6;
    static final int TREG_BLOOD = 7;
    static final int TREG_BONE = 8;
    static final int TGF_BETA = 9;
    static final int WNT10B = 10;
    static final int BONE = 11;
    static final int STATES = BONE + GrahamBoneCompartment.SIZE;

    /** Last output row of the original lies this far before each cycle's nominal end (np.arange(0, 14, 0.001)). */
    static final double ORIGINAL_GRID_STEP = 0.001;

    private static final String CODE = "ashleefv/butyrateGutBoneAxis @ b64549c (Islam et al. 2021)";
    private static final String TYAGI = "Tyagi et al. 2018, Immunity 49:1116, via " + CODE;
    private static final String FITTED = "fitted in Islam et al. 2021, " + CODE;

    private static final List<ParameterSpec> PARAMETERS = buildParameters();
    private static final List<Observable> OBSERVABLES = List.of(
            new Observable("treg_gut_pct", "%", "Tregs as % of CD4⁺ T cells (naive + Treg), intestine"),
            new Observable("treg_blood_pct", "%", "Tregs as % of CD4⁺ T cells, blood"),
            new Observable("treg_bone_pct", "%", "Tregs as % of CD4⁺ T cells, bone marrow"),
            new Observable("tgf_beta_fold", "fold", "TGF-β in bone, fold change from baseline"),
            new Observable("wnt10b_fold", "fold", "Wnt-10b in bone, fold change from baseline"),
            new Observable("bone_volume_pct", "%", "trabecular bone volume, % of its initial value (state z)"),
            new Observable("butyrate_gut_uM", "µM change from baseline", "butyrate change from baseline, intestine (state b_I)"),
            new Observable("butyrate_blood_uM", "µM change from baseline", "butyrate change from baseline, blood (state b_B)"),
            new Observable("butyrate_bone_uM", "µM change from baseline", "butyrate change from baseline, bone marrow (state b_b)"),
            new Observable("naive_gut", "1", "naive CD4⁺ T cells, intestine, relative to the baseline naive pool (N_I)"),
            new Observable("naive_blood", "1", "naive CD4⁺ T cells, blood, relative to baseline (N_B)"),
            new Observable("naive_bone", "1", "naive CD4⁺ T cells, bone marrow, relative to baseline (N_b)"),
            new Observable("treg_gut", "1", "Tregs, intestine, relative to the baseline naive pool (T_I)"),
            new Observable("treg_blood", "1", "Tregs, blood, relative to the baseline naive pool (T_B)"),
            new Observable("treg_bone", "1", "Tregs, bone marrow, relative to the baseline naive pool (T_b)"),
            new Observable("osteocytes", "cells", "osteocytes S"),
            new Observable("preosteoblasts", "cells", "pre-osteoblasts P"),
            new Observable("osteoblasts", "cells", "osteoblasts B"),
            new Observable("osteoclasts", "cells", "osteoclasts C"));

    private static List<ParameterSpec> buildParameters() {
        List<ParameterSpec> p = new ArrayList<>();
        p.add(ParameterSpec.real("dose_uM", 0.18, "µM", -1, 1,
                "intestinal butyrate change d applied as a step at t = 0 (the original's bI1); default 0.18, or 0 for case 1",
                "Islam et al. 2021 (calibration dose of Tyagi et al. 2018; −0.11 for antibiotics)"));
        p.add(ParameterSpec.integer("case", 2, 1, 9,
                "1 no butyrate; 2 immune effect only; 3–9 add one direct effect on bone (see docs/models/islam2021-butyrate.md)",
                "Islam et al. 2021, Table of cases"));
        p.add(ParameterSpec.integer("cycles", 2, 1, 10_000, "number of remodelling cycles (default 2 = 28 days)", CODE));
        p.add(ParameterSpec.real("cycle_days", 14, "day", 0.01, 1000,
                "length of one mouse remodelling cycle sc; bone equations are scaled by σ = 100/sc", CODE));
        p.add(ParameterSpec.choice("handoff", List.of("original", "exact", "continuous"),
                "original: each cycle integrates to cycle_days − 0.001 like the original; exact: to cycle_days; "
                        + "continuous: no cycle resets (as prediction_Tregs.py and the TGF-β/Wnt fits)", CODE));
        p.add(ParameterSpec.real("f_B", 0.13, "1", 1e-6, 0.999, "baseline Treg fraction of CD4⁺ T cells, blood", TYAGI));
        p.add(ParameterSpec.real("f_b", 0.42, "1", 1e-6, 0.999, "baseline Treg fraction of CD4⁺ T cells, bone marrow", TYAGI));
        p.add(ParameterSpec.real("f_B_plus", 0.16, "1", 1e-6, 0.999, "blood Treg fraction under the calibration butyrate", TYAGI));
        p.add(ParameterSpec.real("bI_star", 0.18, "µM", 1e-9, 100, "calibration butyrate change, intestine", TYAGI));
        p.add(ParameterSpec.real("bB_star", 0.29, "µM", 1e-9, 100, "calibration butyrate change, blood", TYAGI));
        p.add(ParameterSpec.real("bb_star", 0.29, "µM", 1e-9, 100, "calibration butyrate change, bone marrow", TYAGI));
        p.add(ParameterSpec.real("b_minus", 0.1718, "1/day", 1e-9, 100,
                "naive → Treg differentiation without butyrate b⁻ (fit of in vitro data, k = 0.1717933)", CODE));
        p.add(ParameterSpec.real("mu_N", 0.02, "1/day", 0, 100, "naive T-cell death μ_N", CODE));
        p.add(ParameterSpec.real("mu_T", 0.064, "1/day", 1e-9, 100, "Treg death μ_T", CODE));
        p.add(ParameterSpec.real("mu_beta", 2.0, "1/day", 0, 1e4, "TGF-β decay μ_β", CODE));
        p.add(ParameterSpec.real("mu_W", 2.0, "1/day", 0, 1e4, "Wnt-10b decay μ_W", CODE));
        p.add(ParameterSpec.real("mu_B", 166.3, "1/day", 1e-9, 1e6, "butyrate elimination μ_B", CODE));
        p.add(ParameterSpec.real("V_beta", 6, "1/day", 0, 1e4, "maximal TGF-β production driven by bone Tregs V_β", FITTED));
        p.add(ParameterSpec.real("k_beta", 0.489, "1", 1e-9, 1e3,
                "TGF-β saturation constant k_β (pole of V_β·r/(k_β − r) at r = k_β)", FITTED));
        p.add(ParameterSpec.real("rho_W", 1.64, "1/day", 0, 1e4, "Wnt-10b production per unit TGF-β excess ρ_W", FITTED));
        p.addAll(GrahamBoneCompartment.specs(CODE));
        p.add(ParameterSpec.real("k_g1", 0.215, "1/day", 0, 1e3, "Wnt effect on C-independent pre-osteoblast differentiation", "early Cook et al. values, " + CODE));
        p.add(ParameterSpec.real("k_g2", 0.0298, "1/day", 0, 1e3, "Wnt effect on pre-osteoblast proliferation", "early Cook et al. values, " + CODE));
        p.add(ParameterSpec.real("k_g3", 0.00128, "1/day", 0, 1e3, "Wnt reduction of osteoblast apoptosis", "early Cook et al. values, " + CODE));
        p.add(ParameterSpec.real("k_g4", 8.42, "fold", 1e-9, 1e6, "Wnt half-saturation (of the excess W − 1)", "early Cook et al. values, " + CODE));
        p.add(ParameterSpec.real("k_op", 0.0503, "1/(µM·day)", 0, 1e3, "case 3: butyrate-driven osteoblast proliferation", FITTED));
        p.add(ParameterSpec.real("k_od", 0.194, "1/(µM·cell·day)", 0, 1e3, "case 4: butyrate raises C-dependent differentiation", FITTED));
        p.add(ParameterSpec.real("k_odw", 1.03, "1/(µM·day)", 0, 1e3, "case 5: butyrate raises C-independent differentiation", FITTED));
        p.add(ParameterSpec.real("k_ca", 0.0709, "1/(µM·day)", 0, 1e3, "case 6: butyrate-driven osteoclast death", FITTED));
        p.add(ParameterSpec.real("k_cd", 0.00336, "1/(cell²·day)", 0, 1e3,
                "case 7: osteoclast formation α4 − k_cd·C (coded with C, not butyrate)", FITTED));
        p.add(ParameterSpec.real("k_zo", 0.00884, "%/(µM·cell·day)", 0, 1e3, "case 8: butyrate raises formation per osteoblast", FITTED));
        p.add(ParameterSpec.real("k_zc", 0.403, "%/(µM·cell·day)", 0, 1e3, "case 9: butyrate lowers resorption per osteoclast", FITTED));
        return List.copyOf(p);
    }

    /**
     * The constants the original computes at start-up with {@code fsolve}, here in closed form
     * (published-models.md §1.3).
     */
    public record Constants(double tregBlood0, double tregBone0, double tregBloodButyrate, double delta, double tregGut0,
                            double gamma, double a12, double a23, double bPlus, double tregGutButyrate,
                            double naiveInflux, double formationPerDose) {

        static Constants derive(ParameterSet p) {
            double fB = p.real("f_B");
            double fb = p.real("f_b");
            double fBplus = p.real("f_B_plus");
            double muT = p.real("mu_T");
            double bMinus = p.real("b_minus");
            double muB = p.real("mu_B");
            double tB0 = fB / (1 - fB);
            double tb0 = fb / (1 - fb);
            double tBplus = fBplus / (1 - fBplus);
            // Treg steady state without butyrate: 3·T_B0·δ² + μ_T(3T_B0 − 2T_b0)·δ + μ_T²(T_B0 − T_b0) = 0.
            double qa = 3 * tB0;
            double qb = muT * (3 * tB0 - 2 * tb0);
            double qc = muT * muT * (tB0 - tb0);
            double discriminant = qb * qb - 4 * qa * qc;
            double delta = (-qb + Math.sqrt(discriminant)) / (2 * qa);
            if (!(delta > 0)) {
                throw OsteobiomeException.invalid("Treg fractions f_B = " + Numbers.format(fB) + " and f_b = " + Numbers.format(fb)
                        + " give no positive Treg migration rate; the model needs f_b > f_B");
            }
            double tI0 = (muT + delta) * tB0 / (2 * delta + muT);
            double gamma = (delta + muT) * tI0 / bMinus;
            double a23 = muB * p.real("bb_star") / p.real("bB_star");
            double a12 = (muB + a23) * p.real("bB_star") / p.real("bI_star");
            // b⁺ from the blood Treg rise under the calibration butyrate (linear 2×2 system).
            double bgI = bMinus * gamma;
            double bIstar = p.real("bI_star");
            double bBstar = p.real("bB_star");
            double bPlus = ((muT + delta) * tBplus - bgI - delta * bgI / (delta + muT))
                    / (delta * bIstar / (delta + muT) + bBstar);
            double xNew = (bgI + bPlus * bIstar) / (delta + muT);
            double naiveInflux = bgI + p.real("mu_N");
            return new Constants(tB0, tb0, tBplus, delta, tI0, gamma, a12, a23, bPlus, xNew, naiveInflux, muB + a12);
        }

        /** Steady blood butyrate change for gut dose d. */
        double bloodButyrate(double dose, double muB) {
            return a12 * dose / (muB + a23);
        }

        /** Steady bone-marrow butyrate change for gut dose d. */
        double boneButyrate(double dose, double muB) {
            return bloodButyrate(dose, muB) * a23 / muB;
        }
    }

    /** Start-up constants for these parameter values. */
    public static Constants constants(ParameterSet parameters) {
        return Constants.derive(parameters);
    }

    public Islam2021Butyrate() {
        super(SOLVER, ID,
                "butyrate → Tregs → TGF-β → Wnt-10b → bone, gut–blood–bone, 9 cases (mouse, 14-day cycles)",
                "M. A. Islam, C. V. Cook, B. J. Smith, A. N. Ford Versypt. Mathematical modeling of the gut–bone axis and "
                    + "implications of butyrate treatment on osteoimmunology. Ind. Eng. Chem. Res. 2021, 60(49):17814–17825, "
                    + "doi:10.1021/acs.iecr.1c02949. Original code: github.com/ashleefv/butyrateGutBoneAxis @ b64549c, "
                    + "BSD-3-Clause, © Ashlee N. Ford Versypt. Bone compartment: Graham et al. 2013, PLoS ONE 8:e63884.",
                PARAMETERS, OBSERVABLES);
    }

    @Override
    public TimeGrid defaultGrid(ParameterSet p) {
        return new TimeGrid(0, p.integer("cycles") * p.real("cycle_days"), 0.1, Trajectory.TimeDisplay.DAYS);
    }

    /** The gut dose in effect: the one set, else 0 for case 1 and 0.18 otherwise. */
    static double effectiveDose(ParameterSet p) {
        if (p.isSet("dose_uM")) {
            return p.real("dose_uM");
        }
        return p.integer("case") == 1 ? 0.0 : p.real("dose_uM");
    }

    @Override
    public Trajectory simulate(ParameterSet p, SimulationSettings settings) {
        double cycleDays = p.real("cycle_days");
        String handoff = p.choice("handoff");
        double[] times = Runs.outputTimes(defaultGrid(p), settings);
        if (times[0] < 0) {
            throw OsteobiomeException.invalid(ID + " starts at t = 0 (the butyrate step); the start time must be ≥ 0");
        }
        double tEnd = times[times.length - 1];
        int cycles = (int) Math.ceil(tEnd / cycleDays - 1e-9);
        if (p.isSet("cycles")) {
            if (cycles > p.integer("cycles")) {
                throw OsteobiomeException.invalid("end time " + Numbers.format(tEnd) + " d needs " + cycles + " cycles of "
                        + Numbers.format(cycleDays) + " d but cycles=" + p.integer("cycles") + " was set; raise cycles or lower the end time");
            }
        }
        Equations system = new Equations(p);
        Solver solver = Runs.solver(settings, SOLVER);
        double[] y = system.initialState();
        List<StateEvent> guard = List.of(system.tgfBetaPoleGuard());
        double[][] rows = new double[times.length][];

        if (handoff.equals("continuous")) {
            double end = Math.max(tEnd, 1e-9);
            OdeSolution s = solver.solve(new OdeProblem(system, 0, y, end, times, List.of(), guard));
            for (int i = 0; i < times.length; i++) {
                rows[i] = s.states()[i];
            }
            return trajectory(times, rows, system);
        }

        double cycleLength = handoff.equals("original") ? cycleDays - ORIGINAL_GRID_STEP : cycleDays;
        if (!(cycleLength > 0)) {
            throw OsteobiomeException.invalid("cycle_days must exceed 0.001 d with handoff=original");
        }
        int[] cycleOfRow = new int[times.length];
        double[] offsetOfRow = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            int j = (int) Math.floor(t / cycleDays + 1e-9);
            if (i == times.length - 1 && j >= 1 && Math.abs(t - j * cycleDays) <= 1e-9 * Math.max(1, t)) {
                j -= 1; // the final row at a whole number of cycles is the end of the last cycle
            }
            cycleOfRow[i] = j;
            offsetOfRow[i] = Math.min(Math.max(t - j * cycleDays, 0), cycleLength);
        }
        for (int cycle = 0; cycle < cycles; cycle++) {
            TreeSet<Double> offsets = new TreeSet<>();
            for (int i = 0; i < times.length; i++) {
                if (cycleOfRow[i] == cycle) {
                    offsets.add(offsetOfRow[i]);
                }
            }
            offsets.add(cycleLength);
            double[] grid = offsets.stream().mapToDouble(Double::doubleValue).toArray();
            OdeSolution s;
            try {
                s = solver.solve(new OdeProblem(system, 0, y, cycleLength, grid, List.of(), guard));
            } catch (SolverException e) {
                throw e.shifted(cycle * cycleDays); // report the time on the output axis
            }
            for (int i = 0; i < times.length; i++) {
                if (cycleOfRow[i] == cycle) {
                    rows[i] = s.states()[Arrays.binarySearch(grid, offsetOfRow[i])];
                }
            }
            y = system.handOff(s.finalState());
        }
        return trajectory(times, rows, system);
    }

    private Trajectory trajectory(double[] times, double[][] states, Equations system) {
        double[][] values = new double[times.length][];
        for (int i = 0; i < times.length; i++) {
            double[] y = states[i];
            values[i] = new double[] {
                pct(y[TREG_GUT], y[NAIVE_GUT]), pct(y[TREG_BLOOD], y[NAIVE_BLOOD]), pct(y[TREG_BONE], y[NAIVE_BONE]),
                y[TGF_BETA], y[WNT10B], y[BONE + GrahamBoneCompartment.Z],
                y[GUT_BUTYRATE], y[BLOOD_BUTYRATE], y[BONE_BUTYRATE],
                y[NAIVE_GUT], y[NAIVE_BLOOD], y[NAIVE_BONE], y[TREG_GUT], y[TREG_BLOOD], y[TREG_BONE],
                y[BONE + GrahamBoneCompartment.S], y[BONE + GrahamBoneCompartment.P],
                y[BONE + GrahamBoneCompartment.B], y[BONE + GrahamBoneCompartment.C]};
        }
        return new Trajectory(ID, times, OBSERVABLES, values, Trajectory.TimeDisplay.DAYS);
    }

    private static double pct(double treg, double naive) {
        return 100 * treg / (naive + treg);
    }

    /** The 16 equations for one set of parameter values. */
    static final class Equations implements OdeSystem {
        private final Constants k;
        private final GrahamBoneCompartment.Parameters bone;
        private final int caseNumber;
        private final double dose;
        private final double formation;
        private final double[] butyrateInflux;
        private final double bMinusGamma;
        private final double muN;
        private final double muT;
        private final double muB;
        private final double muBeta;
        private final double muW;
        private final double vBeta;
        private final double kBeta;
        private final double rhoW;
        private final double kg1;
        private final double kg2;
        private final double kg3;
        private final double kg4;
        private final double kop;
        private final double kod;
        private final double kodw;
        private final double kca;
        private final double kcd;
        private final double kzo;
        private final double kzc;
        private final double sigma;
        private final double s0;

        Equations(ParameterSet p) {
            this.k = Constants.derive(p);
            this.bone = GrahamBoneCompartment.from(p);
            this.caseNumber = p.integer("case");
            this.dose = effectiveDose(p);
            this.muB = p.real("mu_B");
            this.formation = k.formationPerDose() * dose;
            this.bMinusGamma = p.real("b_minus") * k.gamma();
            this.butyrateInflux = new double[] {k.bPlus() * dose, k.bPlus() * k.bloodButyrate(dose, muB),
                k.bPlus() * k.boneButyrate(dose, muB)};
            this.muN = p.real("mu_N");
            this.muT = p.real("mu_T");
            this.muBeta = p.real("mu_beta");
            this.muW = p.real("mu_W");
            this.vBeta = p.real("V_beta");
            this.kBeta = p.real("k_beta");
            this.rhoW = p.real("rho_W");
            this.kg1 = p.real("k_g1");
            this.kg2 = p.real("k_g2");
            this.kg3 = p.real("k_g3");
            this.kg4 = p.real("k_g4");
            this.kop = p.real("k_op");
            this.kod = p.real("k_od");
            this.kodw = p.real("k_odw");
            this.kca = p.real("k_ca");
            this.kcd = p.real("k_cd");
            this.kzo = p.real("k_zo");
            this.kzc = p.real("k_zc");
            this.sigma = 100.0 / p.real("cycle_days");
            this.s0 = p.real("K_S") - p.real("rho");
            if (!(s0 >= 0)) {
                throw OsteobiomeException.invalid("rho = " + Numbers.format(p.real("rho")) + " must not exceed K_S = "
                        + Numbers.format(p.real("K_S")) + " (S0 = K_S − rho is the osteocyte count at a cycle start)");
            }
        }

        @Override
        public int dimension() {
            return STATES;
        }

        @Override
        public boolean isAutonomous() {
            return true;
        }

        double[] initialState() {
            double[] y = new double[STATES];
            y[NAIVE_GUT] = 1;
            y[NAIVE_BLOOD] = 1;
            y[NAIVE_BONE] = 1;
            y[TREG_GUT] = k.tregGut0();
            y[TREG_BLOOD] = k.tregBlood0();
            y[TREG_BONE] = k.tregBone0();
            y[TGF_BETA] = 1;
            y[WNT10B] = 1;
            y[BONE + GrahamBoneCompartment.S] = s0;
            y[BONE + GrahamBoneCompartment.Z] = 100;
            return y;
        }

        /** End-of-cycle rule: immune states carry over, S ← S0, and P, B, C, z below 1 become 0. */
        double[] handOff(double[] end) {
            double[] y = end.clone();
            y[BONE + GrahamBoneCompartment.S] = s0;
            for (int i : new int[] {GrahamBoneCompartment.P, GrahamBoneCompartment.B, GrahamBoneCompartment.C,
                GrahamBoneCompartment.Z}) {
                if (y[BONE + i] < 1) {
                    y[BONE + i] = 0;
                }
            }
            return y;
        }

        /** Relative excess of bone Tregs over baseline, r = T_b/T_b0 − 1. */
        double boneTregExcess(double[] y) {
            return y[TREG_BONE] / k.tregBone0() - 1;
        }

        /** Stops the run before V_β·r/(k_β − r) reaches its pole (published-models.md §1.12). */
        StateEvent tgfBetaPoleGuard() {
            // Stop a hair before the pole: the solution diverges logarithmically there and step sizes collapse.
            double margin = 1e-6 * kBeta;
            return new StateEvent("tgf-beta pole", (t, y) -> kBeta - margin - boneTregExcess(y), StateEvent.Direction.FALLING,
                    EventAction.fail("bone Tregs rose to about " + String.format(java.util.Locale.ROOT, "%.1f",
                            100 * (1 + kBeta) * k.tregBone0() / (1 + (1 + kBeta) * k.tregBone0()))
                            + " % (relative excess r = T_b/T_b0 − 1 reached k_beta = " + Numbers.format(kBeta)
                            + "), the pole of the TGF-β production term V_β·r/(k_β − r); the model is undefined beyond it. "
                            + "Use a smaller dose_uM (the pole is reached for doses above about 0.296 µM)"));
        }

        @Override
        public void derivatives(double t, double[] y, double[] dy) {
            double bI = y[GUT_BUTYRATE];
            double bB = y[BLOOD_BUTYRATE];
            double bb = y[BONE_BUTYRATE];
            double a12 = k.a12();
            double a23 = k.a23();
            dy[GUT_BUTYRATE] = formation - (muB + a12) * bI;
            dy[BLOOD_BUTYRATE] = a12 * bI - (muB + a23) * bB;
            dy[BONE_BUTYRATE] = a23 * bB - muB * bb;

            double bPlus = k.bPlus();
            double naiveLoss = bMinusGamma + muN;
            double[] butyrate = {bI, bB, bb};
            for (int c = 0; c < 3; c++) {
                double n = y[NAIVE_GUT + c];
                dy[NAIVE_GUT + c] = k.naiveInflux() + butyrateInflux[c] - naiveLoss * n - bPlus * n * butyrate[c];
            }
            double delta = k.delta();
            dy[TREG_GUT] = bMinusGamma * y[NAIVE_GUT] + bPlus * y[NAIVE_GUT] * bI - (delta + muT) * y[TREG_GUT];
            dy[TREG_BLOOD] = delta * y[TREG_GUT] - (muT + delta) * y[TREG_BLOOD] + bMinusGamma * y[NAIVE_BLOOD]
                    + bPlus * y[NAIVE_BLOOD] * bB;
            dy[TREG_BONE] = delta * y[TREG_BLOOD] - muT * y[TREG_BONE] + bMinusGamma * y[NAIVE_BONE]
                    + bPlus * y[NAIVE_BONE] * bb;
            double r = boneTregExcess(y);
            dy[TGF_BETA] = muBeta * (1 - y[TGF_BETA]) + vBeta * r / (kBeta - r);
            dy[WNT10B] = muW * (1 - y[WNT10B]) + rhoW * (y[TGF_BETA] - 1);

            double w = y[WNT10B] - 1;
            double h = w / (w + kg4);
            double oc = y[BONE + GrahamBoneCompartment.C];
            GrahamBoneCompartment.Modifiers m = new GrahamBoneCompartment.Modifiers(
                    bone.beta1() + (caseNumber == 4 ? kod * bb : 0),
                    kg1 * h + (caseNumber == 5 ? kodw * bb : 0),
                    kg2 * h,
                    bone.beta2() - kg3 * h,
                    caseNumber == 3 ? kop * bb : 0,
                    bone.alpha4() - (caseNumber == 7 ? kcd * oc : 0),
                    caseNumber == 6 ? kca * bb : 0,
                    bone.k1() - (caseNumber == 9 ? kzc * bb : 0),
                    bone.k2() + (caseNumber == 8 ? kzo * bb : 0));
            GrahamBoneCompartment.derivatives(bone, m, sigma, y, BONE, dy);
        }
    }
}
