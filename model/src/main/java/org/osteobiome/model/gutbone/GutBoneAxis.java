package org.osteobiome.model.gutbone;

import static org.osteobiome.model.gutbone.GutBoneEquations.BONE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.DescribedModel;
import org.osteobiome.model.Observable;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.Runs;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.SolverDefaults;
import org.osteobiome.model.Trajectory;
import org.osteobiome.model.ode.EventAction;
import org.osteobiome.model.ode.OdeProblem;
import org.osteobiome.model.ode.OdeSolution;
import org.osteobiome.model.ode.Solver;
import org.osteobiome.model.ode.TimeEvent;
import org.osteobiome.model.bone.GrahamBoneCompartment;
import org.osteobiome.model.bone.JorgBoneCompartment;
import org.osteobiome.model.scenario.Scenario;
import org.osteobiome.model.scenario.ScenarioFiles;

/**
 * {@code gut-bone-axis}: estrogen loss → leaky gut and fewer butyrate producers → RORγt+ pTregs turning into Th17
 * cells → IL-17/TNF → osteoclasts → bone loss, and L. acidophilus → butyrate → Treg/Th17 balance restored → bone
 * protected. Composed from the Islam et al. 2021 butyrate–Treg–TGF-β–Wnt chain, the Graham/Islam mouse bone
 * compartment and the Jörg/Nelson human bone core, with explicit coupling terms; couplings=off gives back the
 * published components. Research model for forming and testing hypotheses, not a diagnostic device.
 */
public final class GutBoneAxis extends DescribedModel {
    public static final String ID = "gut-bone-axis";
    /** The solver and tolerances of this model's reference checks. */
    private static final SolverDefaults SOLVER = new SolverDefaults("radau5", 1e-8, 1e-10);

    private static final List<Observable> COMMON = List.of(
            new Observable("estrogen", "1", "estrogen relative to the intact (premenopausal) level"),
            new Observable("la_load", "1", "L. acidophilus gut load, 1 = steady load at 1e9 CFU/day"),
            new Observable("producers", "1", "butyrate-producer guild, 1 = healthy premenopausal"),
            new Observable("butyrate_gut_uM", "µM change from baseline", "gut butyrate change from baseline"),
            new Observable("butyrate_bone_uM", "µM change from baseline", "bone-marrow butyrate change from baseline"),
            new Observable("permeability", "1", "epithelial permeability, 1 = intact barrier"),
            new Observable("treg_gut_pct", "%", "Tregs as % of gut CD4⁺ T cells (naive + Treg + Th17)"),
            new Observable("rorgt_treg_gut_pct", "%", "RORγt⁺ pTregs as % of gut CD4⁺ T cells"),
            new Observable("th17_gut_pct", "%", "Th17 cells as % of gut CD4⁺ T cells"),
            new Observable("treg_bone_pct", "%", "Tregs as % of bone-marrow CD4⁺ T cells"),
            new Observable("th17_bone_pct", "%", "Th17 cells as % of bone-marrow CD4⁺ T cells"),
            new Observable("th17_treg_ratio_bone", "1", "bone-marrow Th17/Treg ratio"),
            new Observable("il17_fold", "fold", "bone-marrow IL-17, fold of baseline"),
            new Observable("tnf_fold", "fold", "bone-marrow TNF-α, fold of baseline"),
            new Observable("tgf_beta_fold", "fold", "bone-marrow TGF-β, fold of baseline"),
            new Observable("wnt10b_fold", "fold", "bone-marrow Wnt-10b, fold of baseline"),
            new Observable("transdiff_flux", "1/day", "RORγt⁺ pTreg → Th17 transdifferentiation flux (units of the naive pool)"),
            new Observable("osteoclast_drive", "fold", "immune multiplier of osteoclast formation (human: as it acts, after the lag tau_drive_h)"));
    private static final List<Observable> MOUSE = List.of(
            new Observable("bv_tv_pct", "%", "mouse trabecular BV/TV, % of a sham mouse at the same time (the sham bone layer is solved alongside)"),
            new Observable("osteoclasts", "cells", "mouse osteoclasts (Graham compartment)"),
            new Observable("osteoblasts", "cells", "mouse osteoblasts (Graham compartment)"),
            new Observable("bone_volume_pct", "%", "mouse trabecular bone volume z, % of its value before OVX: dips and recovers inside every 14-day remodelling cycle, sham included (Islam 2021)"));
    private static final List<Observable> HUMAN = List.of(
            new Observable("bmd_pct", "%", "human lumbar-spine BMD, % of the value at menopause (t = 0)"),
            new Observable("bmd_rate_pct_per_year", "%/year", "human rate of BMD change, % of the current BMD per year (as trials report it)"),
            new Observable("osteoclast_density", "1", "human osteoclast density C (Jörg/Nelson, normalised)"),
            new Observable("osteoblast_density", "1", "human osteoblast density B (Jörg/Nelson, normalised)"));

    public GutBoneAxis() {
        super(SOLVER, ID, "estrogen → gut barrier, butyrate, RORγt⁺ pTreg → Th17 → IL-17/TNF → bone; L. acidophilus → butyrate "
                        + "→ protection (mouse and human presets, osteobiome's own model)",
                "osteobiome gut-bone-axis model (docs/models/gut-bone-axis.md), composed from Islam et al. 2021 "
                        + "(Ind. Eng. Chem. Res. 60:17814), Graham et al. 2013 (PLoS ONE 8:e63884), Jörg et al. 2022 (eLife "
                        + "11:e76228) and Nelson et al. 2026 (Front. Syst. Biol.), with couplings after the mechanism of "
                        + "Srivastava and colleagues (AIIMS; news report 2025-12-17). Research model, not a diagnostic device.",
                GutBoneParameters.all(), concat(COMMON, MOUSE, HUMAN));
    }

    @SafeVarargs
    private static List<Observable> concat(List<Observable>... lists) {
        List<Observable> all = new ArrayList<>();
        for (List<Observable> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    private static final Set<String> MOUSE_ONLY = GutBoneParameters.mouseOnly();
    private static final Set<String> HUMAN_ONLY = GutBoneParameters.humanOnly();

    /** A mouse scenario never reads the human bone core's parameters, and a human scenario never reads the mouse's. */
    @Override
    public Set<String> inactiveParameters(ParameterSet p) {
        return scenario(p).species() == Scenario.Species.MOUSE ? HUMAN_ONLY : MOUSE_ONLY;
    }

    /** The scenario named by the parameters. */
    public static Scenario scenario(ParameterSet p) {
        return ScenarioFiles.load(p.choice("scenario"));
    }

    /** The model for the parameters' scenario written out as equations (for SBML export). */
    @Override
    public org.osteobiome.model.symbolic.SymbolicModel symbolic(ParameterSet parameters) {
        return GutBoneSymbolic.of(parameters);
    }

    /** The parameters with the scenario's overrides applied under the values the user set. */
    static ParameterSet effective(ParameterSet p, Scenario scenario) {
        ParameterSet out = p;
        for (Map.Entry<String, String> e : scenario.parameters().entrySet()) {
            try {
                if (!p.isSet(e.getKey())) {
                    out = out.with(e.getKey(), e.getValue());
                }
            } catch (OsteobiomeException error) {
                throw new OsteobiomeException(error.code(), "scenario " + p.choice("scenario") + ", \"parameters\": "
                        + error.getMessage(), error);
            }
        }
        return out;
    }

    @Override
    public TimeGrid defaultGrid(ParameterSet p) {
        return grid(scenario(p));
    }

    private static TimeGrid grid(Scenario s) {
        Trajectory.TimeDisplay display = s.species() == Scenario.Species.HUMAN
                ? new Trajectory.TimeDisplay("time since menopause (years)", 365) : new Trajectory.TimeDisplay("time since OVX (days)", 1);
        return new TimeGrid(Math.max(0, s.startDay()), s.endDay(), s.stepDays(), display);
    }

    @Override
    public Trajectory simulate(ParameterSet parameters, SimulationSettings settings) {
        Scenario scenario = scenario(parameters);
        ParameterSet p = effective(parameters, scenario);
        TimeGrid defaultGrid = grid(scenario);
        double[] times = Runs.outputTimes(defaultGrid, settings);
        double start = Math.min(scenario.startDay(), 0);
        if (times[0] < start) {
            throw OsteobiomeException.invalid("scenario " + scenario.name() + " starts at day " + Numbers.format(start)
                    + "; the first output time must not be earlier");
        }
        GutBoneEquations eq = new GutBoneEquations(p, scenario);
        double tEnd = Math.max(times[times.length - 1], 0);
        double[] grid = times;
        boolean normaliseAtZero = !eq.mouse && Arrays.binarySearch(times, 0.0) < 0;
        if (normaliseAtZero) {
            grid = Arrays.copyOf(times, times.length + 1);
            grid[times.length] = 0;
            Arrays.sort(grid);
        }
        List<TimeEvent> events = events(scenario, eq, p, start, tEnd);
        Solver solver = Runs.solver(settings, SOLVER);
        OdeSolution s = solver.solve(new OdeProblem(eq, start, eq.initialState(), Math.max(tEnd, start + 1e-9), grid, events, List.of()));
        double bdAtZero = eq.mouse ? 1 : s.states()[Arrays.binarySearch(grid, 0.0)][BONE + JorgBoneCompartment.BD];
        List<Observable> columns = concat(COMMON, eq.mouse ? MOUSE : HUMAN);
        double[][] values = new double[times.length][];
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            double[] y = s.states()[Arrays.binarySearch(grid, t)];
            values[i] = row(eq, t, y, bdAtZero);
        }
        return new Trajectory(ID, times, columns, values, defaultGrid.display());
    }

    /** @param bdAtZero human: the bone density at menopause (unused for the mouse, whose reference is the sham layer) */
    private static double[] row(GutBoneEquations eq, double t, double[] y, double bdAtZero) {
        double gutCd4 = y[GutBoneEquations.NAIVE_GUT] + y[GutBoneEquations.TREG_GUT] + y[GutBoneEquations.TH17_GUT];
        double boneCd4 = y[GutBoneEquations.NAIVE_BONE] + y[GutBoneEquations.TREG_BONE] + y[GutBoneEquations.TH17_BONE];
        double drive = eq.mouse ? eq.osteoclastDrive(y, eq.v(GutBoneEquations.Index.c_OC), eq.v(GutBoneEquations.Index.c_Treg))
                : y[BONE + HumanBone.DRIVE];
        double[] common = {
            eq.estrogen(t, y), level(y[GutBoneEquations.LA]), y[GutBoneEquations.PRODUCERS], y[GutBoneEquations.BUT_GUT],
            y[GutBoneEquations.BUT_BONE], y[GutBoneEquations.PERMEABILITY],
            100 * y[GutBoneEquations.TREG_GUT] / gutCd4, 100 * y[GutBoneEquations.RORGT_GUT] / gutCd4,
            100 * y[GutBoneEquations.TH17_GUT] / gutCd4, 100 * y[GutBoneEquations.TREG_BONE] / boneCd4,
            100 * y[GutBoneEquations.TH17_BONE] / boneCd4, y[GutBoneEquations.TH17_BONE] / y[GutBoneEquations.TREG_BONE],
            y[GutBoneEquations.IL17], y[GutBoneEquations.TNF], y[GutBoneEquations.TGF], y[GutBoneEquations.WNT],
            eq.transdifferentiation(t, y), drive};
        double[] bone = eq.mouse
                ? new double[] {MouseBone.relativeVolume(y, BONE), y[BONE + GrahamBoneCompartment.C],
                    y[BONE + GrahamBoneCompartment.B], y[BONE + GrahamBoneCompartment.Z]}
                : new double[] {100 * y[BONE + JorgBoneCompartment.BD] / bdAtZero, boneRate(eq, t, y), y[BONE + JorgBoneCompartment.C],
                    y[BONE + JorgBoneCompartment.B]};
        double[] out = Arrays.copyOf(common, common.length + bone.length);
        System.arraycopy(bone, 0, out, common.length, bone.length);
        return out;
    }

    /**
     * The L. acidophilus load cannot be negative (d/dt = k_L (dose rate − load), dose rate ≥ 0); where no dose was
     * given it is exactly zero and the Rosenbrock solver's linear algebra leaves rounding of about 1e-19 on it, either
     * side of zero. Rounding far below the absolute tolerance (1e-10) is shown as 0; a larger negative is left as it is,
     * for the invariants test to catch.
     */
    private static double level(double v) {
        return v < 0 && v > -1e-12 ? 0 : v;
    }

    /** d(BMD)/dt as % of the current BMD per year. */
    private static double boneRate(GutBoneEquations eq, double t, double[] y) {
        double[] dy = new double[y.length];
        eq.derivatives(t, y, dy);
        return 100 * 365 * dy[BONE + JorgBoneCompartment.BD] / y[BONE + JorgBoneCompartment.BD];
    }

    /** The scenario's schedule ({@link GutBoneSchedule}) as time events of the numeric run. */
    static List<TimeEvent> events(Scenario scenario, GutBoneEquations eq, ParameterSet p, double start, double tEnd) {
        double kL = p.real("k_L");
        List<TimeEvent> events = new ArrayList<>();
        for (GutBoneSchedule.Change c : GutBoneSchedule.of(scenario, eq.mouse ? p.real("cycle_days") : 0, start, tEnd)) {
            events.add(new TimeEvent(c.time(), c.name(), EventAction.reset((time, y) -> apply(c, y, eq, kL))));
        }
        return events;
    }

    /** The state after the change. */
    private static double[] apply(GutBoneSchedule.Change c, double[] y, GutBoneEquations eq, double kL) {
        int in = eq.inputOffset;
        if (c instanceof GutBoneSchedule.Gavage g) {
            return add(y, GutBoneEquations.LA, kL * g.amount());
        }
        if (c instanceof GutBoneSchedule.Step st) {
            return add(y, in + st.input().ordinal(), st.delta());
        }
        if (c instanceof GutBoneSchedule.Replacement r) {
            return set(y, in + GutBoneSchedule.Input.REPLACEMENT.ordinal(), r.on() ? 1 : 0);
        }
        return eq.cycleReset(y);
    }

    private static double[] add(double[] y, int index, double amount) {
        y[index] += amount;
        return y;
    }

    private static double[] set(double[] y, int index, double value) {
        y[index] = value;
        return y;
    }
}
