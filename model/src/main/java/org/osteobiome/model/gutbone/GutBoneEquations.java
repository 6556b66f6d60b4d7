package org.osteobiome.model.gutbone;

import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.ode.JacobianPatterns;
import org.osteobiome.model.ode.OdeSystem;
import org.osteobiome.model.published.Islam2021Butyrate;
import org.osteobiome.model.scenario.Scenario;

/**
 * The equations of {@code gut-bone-axis} for one species preset. States 0–20 are the gut and immune layers shared by
 * both species; the bone layer follows (Graham/Islam for the mouse, Jörg/Nelson for the human), then the piecewise
 * constant inputs, which only time events change. See docs/models/gut-bone-axis.md for every equation.
 */
final class GutBoneEquations implements OdeSystem {
    static final int LA = 0;
    static final int PRODUCERS = 1;
    static final int PERMEABILITY = 2;
    static final int ADAPTATION = 3;
    static final int BUT_GUT = 4;
    static final int BUT_BLOOD = 5;
    static final int BUT_BONE = 6;
    static final int NAIVE_GUT = 7;
    static final int NAIVE_BLOOD = 8;
    static final int NAIVE_BONE = 9;
    static final int TREG_GUT = 10;
    static final int TREG_BLOOD = 11;
    static final int TREG_BONE = 12;
    static final int RORGT_GUT = 13;
    static final int TH17_GUT = 14;
    static final int TH17_BLOOD = 15;
    static final int TH17_BONE = 16;
    static final int TGF = 17;
    static final int WNT = 18;
    static final int IL17 = 19;
    static final int TNF = 20;
    static final int BONE = 21;
    /** Inputs after the bone states, in {@link GutBoneSchedule.Input} order. */
    static final int INPUTS = GutBoneSchedule.Input.values().length;

    final boolean mouse;
    final int inputOffset;
    private final int dimension;
    private final boolean[][] pattern;
    final Islam2021Butyrate.Constants k;
    private final Scenario.Curve curve;
    private final double[] v; // parameter values by Index
    final double th17Gut0;
    final double th17Blood0;
    final double th17Bone0;
    private final double kH;
    private final double deltaH;
    private final double s0;
    private final boolean islamTgf;
    private final double eFloorMouse;
    private final double eFloorHuman;
    private final MouseBone mouseBone;
    private final HumanBone humanBone;

    /** Parameter values read once into an array (the right-hand side runs millions of times). */
    enum Index {
        k_L, K_L, y_L, y_F, k_F, F_set, L_res, a_EF, a_fib, a_abx, k_P, a_EP, k_Q, K_BP, rho_R, k_td, w_TE, w_TP, K_B, mu_H, delta_HB, i_H,
        w_IP, w_IE, mu_C, s_IL17, s_TNF_H, s_TNF_E, f_Q, c_OC, c_Treg, c_OC_h, c_Treg_h, q_z, K_bd_h, b_minus, mu_N, mu_T, mu_B, mu_beta, mu_W,
        V_beta, k_beta, rho_W, kappa_E, tau_E
    }

    GutBoneEquations(ParameterSet p, Scenario scenario) {
        this.mouse = scenario.species() == Scenario.Species.MOUSE;
        this.curve = scenario.estrogen().curve();
        this.k = Islam2021Butyrate.constants(p);
        boolean couplings = p.choice("couplings").equals("on");
        this.v = new double[Index.values().length];
        for (Index i : Index.values()) {
            v[i.ordinal()] = couplings || !GutBoneParameters.COUPLINGS.contains(i.name()) ? p.real(i.name()) : 0.0;
        }
        this.islamTgf = p.choice("tgf_form").equals("islam");
        // Baseline Th17 from the baseline percentages, with naive = 1 and Tregs at Islam's steady state.
        double pctGut = p.real("th17_gut_pct0") / 100;
        double pctBone = p.real("th17_bone_pct0") / 100;
        this.th17Gut0 = pctGut * (1 + k.tregGut0()) / (1 - pctGut);
        this.th17Bone0 = pctBone * (1 + k.tregBone0()) / (1 - pctBone);
        this.th17Blood0 = v(Index.mu_H) * th17Bone0 / v(Index.delta_HB);
        this.deltaH = th17Blood0 * (v(Index.mu_H) + v(Index.delta_HB)) / th17Gut0;
        this.kH = th17Gut0 * (v(Index.mu_H) + deltaH);
        this.eFloorMouse = p.real("E_floor_mouse");
        this.eFloorHuman = p.real("k_syn") / p.real("kappa_E");
        this.s0 = p.real("K_S") - p.real("rho");
        if (mouse) {
            mouseBone = new MouseBone(p, v(Index.q_z));
            humanBone = null;
            dimension = BONE + MouseBone.SIZE + INPUTS;
        } else {
            humanBone = new HumanBone(p, couplings, v(Index.K_bd_h));
            mouseBone = null;
            dimension = BONE + HumanBone.SIZE + INPUTS;
        }
        inputOffset = dimension - INPUTS;
        if (!(s0 >= 0)) {
            throw OsteobiomeException.invalid("rho must not exceed K_S");
        }
        this.pattern = JacobianPatterns.probe(this, 0, initialState());
    }

    /** The inputs: piecewise constant, changed only by time events. */
    @Override
    public int[] constantComponents() {
        return java.util.stream.IntStream.range(inputOffset, inputOffset + INPUTS).toArray();
    }

    double v(Index i) {
        return v[i.ordinal()];
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** The value of a piecewise-constant input in state y. */
    /**
     * Probed once per parameter set ({@link JacobianPatterns#probe}). Its one kind of state branch that could hide a
     * dependency, {@code positiveOrScaled(x, level)}, scales by the row's own state (TGF-β, Wnt-10b), which is on the
     * diagonal anyway; GutBoneJacobianPatternTest checks the pattern against dense Jacobians along every scenario.
     */
    @Override
    public boolean[][] jacobianPattern() {
        return pattern;
    }

    double input(double[] y, GutBoneSchedule.Input input) {
        return y[inputOffset + input.ordinal()];
    }

    /** Relative estrogen at time t in state y (the replacement input overrides the curve). */
    double estrogen(double t, double[] y) {
        return estrogen(t, input(y, GutBoneSchedule.Input.REPLACEMENT));
    }

    /** Relative estrogen at time t (1 before OVX or menopause; 1 during replacement). */
    double estrogen(double t, double replacement) {
        if (replacement > 0.5 || t < 0) {
            return 1;
        }
        return switch (curve) {
            case OVX -> eFloorMouse + (1 - eFloorMouse) * Math.exp(-v(Index.kappa_E) * t);
            case SURGICAL -> eFloorHuman + (1 - eFloorHuman) * Math.exp(-v(Index.kappa_E) * t);
            case NATURAL -> 1 / (1 + t / v(Index.tau_E));
            case NONE -> 1;
        };
    }

    /** The initial state: baseline steady state of every layer (no intervention, estrogen intact). */
    double[] initialState() {
        double[] y = new double[dimension];
        y[PRODUCERS] = v(Index.F_set);
        y[PERMEABILITY] = 1;
        y[NAIVE_GUT] = 1;
        y[NAIVE_BLOOD] = 1;
        y[NAIVE_BONE] = 1;
        y[TREG_GUT] = k.tregGut0();
        y[TREG_BLOOD] = k.tregBlood0();
        y[TREG_BONE] = k.tregBone0();
        y[RORGT_GUT] = v(Index.rho_R) * k.tregGut0();
        y[TH17_GUT] = th17Gut0;
        y[TH17_BLOOD] = th17Blood0;
        y[TH17_BONE] = th17Bone0;
        y[TGF] = 1;
        y[WNT] = 1;
        y[IL17] = 1;
        y[TNF] = 1;
        if (mouse) {
            mouseBone.initial(y, BONE, s0);
        } else {
            humanBone.initial(y, BONE);
        }
        return y;
    }

    /** Gut butyrate change the gut layer feeds into Islam's compartments (µM). */
    double gutButyrateInput(double[] y) {
        double l = y[LA] + v(Index.L_res);
        return input(y, GutBoneSchedule.Input.BUTYRATE) + v(Index.y_F) * (y[PRODUCERS] - 1) + v(Index.y_L) * y[PRODUCERS] * l / (v(Index.K_L) + l);
    }

    /**
     * The part of the estrogen deficiency that acts directly on the immune layer: D − f_Q·Q, where Q follows D over
     * weeks (the adaptation that brings permeability back to sham by ~4 weeks), so the direct drive peaks early and
     * wanes to the fraction 1 − f_Q that persists.
     */
    private double directDeficiency(double deficiency, double[] y) {
        return Math.max(0, deficiency - v(Index.f_Q) * y[ADAPTATION]);
    }

    /** RORγt+ pTreg → Th17 transdifferentiation flux (per day, in units of the naive pool). */
    double transdifferentiation(double t, double[] y) {
        return conversionFlux(directDeficiency(1 - estrogen(t, y), y), y);
    }

    /** The same flux for a known direct deficiency (the right-hand side has it already). */
    private double conversionFlux(double direct, double[] y) {
        double drive = Math.max(0, v(Index.w_TE) * direct + v(Index.w_TP) * (y[PERMEABILITY] - 1));
        return v(Index.k_td) * drive * y[RORGT_GUT] / (1 + Math.max(0, y[BUT_GUT]) / v(Index.K_B));
    }

    /** Naive → Treg differentiation rate at a butyrate change B: max(0, b⁻γ + b⁺·B) (Islam et al. 2021, kept ≥ 0). */
    double tregInduction(double butyrate) {
        return Math.max(0, v(Index.b_minus) * k.gamma() + k.bPlus() * butyrate);
    }

    /** Immune modifier of osteoclast formation: (IL-17·TNF)^(c/2)·exp(−c_T·(T_b/T_b0 − 1)). */
    double osteoclastDrive(double[] y, double c, double cTreg) {
        if (c == 0 && cTreg == 0) {
            return 1;
        }
        double cytokines = Math.max(y[IL17] * y[TNF], 1e-9);
        return Math.pow(cytokines, c / 2) * Math.exp(-cTreg * (y[TREG_BONE] / k.tregBone0() - 1));
    }

    @Override
    public void derivatives(double t, double[] y, double[] dy) {
        int in = inputOffset;
        double e = estrogen(t, y);
        double deficiency = 1 - e;
        // Gut ecology
        dy[LA] = v(Index.k_L) * (input(y, GutBoneSchedule.Input.LA_RATE) - y[LA]);
        double target = Math.max(0.05, v(Index.F_set) * (1 - v(Index.a_EF) * deficiency) + v(Index.a_fib) * input(y, GutBoneSchedule.Input.FIBRE)
                - v(Index.a_abx) * input(y, GutBoneSchedule.Input.ANTIBIOTICS));
        dy[PRODUCERS] = v(Index.k_F) * (target - y[PRODUCERS]);
        dy[ADAPTATION] = v(Index.k_Q) * (deficiency - y[ADAPTATION]);
        double gutButyrate = Math.max(0, y[BUT_GUT]);
        double leak = 1 + v(Index.a_EP) * Math.max(0, deficiency - y[ADAPTATION]) / (1 + gutButyrate / v(Index.K_BP));
        dy[PERMEABILITY] = v(Index.k_P) * (leak - y[PERMEABILITY]);
        // Butyrate: Islam's three compartments fed by the gut layer.
        double d = gutButyrateInput(y);
        double muB = v(Index.mu_B);
        double a12 = k.a12();
        double a23 = k.a23();
        dy[BUT_GUT] = (muB + a12) * d - (muB + a12) * y[BUT_GUT];
        dy[BUT_BLOOD] = a12 * y[BUT_GUT] - (muB + a23) * y[BUT_BLOOD];
        dy[BUT_BONE] = a23 * y[BUT_BLOOD] - muB * y[BUT_BONE];
        // Naive T cells and Tregs (Islam), with the compensating influx at the current input's butyrate steady state.
        // The naive → Treg rate b⁻γ + b⁺·B cannot fall below zero when butyrate falls (antibiotics, fewer producers):
        // Islam's published cases never reach that, and a negative rate would turn Tregs back into naive cells.
        double bloodSteady = a12 * d / (muB + a23);
        double[] steady = {d, bloodSteady, bloodSteady * a23 / muB};
        double bg = tregInduction(0);
        for (int c = 0; c < 3; c++) {
            double n = y[NAIVE_GUT + c];
            dy[NAIVE_GUT + c] = k.naiveInflux() + tregInduction(steady[c]) - bg - v(Index.mu_N) * n - tregInduction(y[BUT_GUT + c]) * n;
        }
        double delta = k.delta();
        double muT = v(Index.mu_T);
        double induced = tregInduction(y[BUT_GUT]) * y[NAIVE_GUT];
        double direct = directDeficiency(deficiency, y);
        double flux = conversionFlux(direct, y);
        dy[TREG_GUT] = induced - (delta + muT) * y[TREG_GUT] - flux;
        dy[TREG_BLOOD] = delta * y[TREG_GUT] - (muT + delta) * y[TREG_BLOOD] + tregInduction(y[BUT_BLOOD]) * y[NAIVE_BLOOD];
        dy[TREG_BONE] = delta * y[TREG_BLOOD] - muT * y[TREG_BONE] + tregInduction(y[BUT_BONE]) * y[NAIVE_BONE];
        dy[RORGT_GUT] = v(Index.rho_R) * induced - (delta + muT) * y[RORGT_GUT] - flux;
        // Th17: induction raised by gut inflammation, transdifferentiation, egress and marrow homing.
        double inflammation = v(Index.w_IP) * (y[PERMEABILITY] - 1) + v(Index.w_IE) * direct;
        double muH = v(Index.mu_H);
        dy[TH17_GUT] = kH * y[NAIVE_GUT] * (1 + v(Index.i_H) * inflammation) + flux - (muH + deltaH) * y[TH17_GUT];
        dy[TH17_BLOOD] = deltaH * y[TH17_GUT] - (muH + v(Index.delta_HB)) * y[TH17_BLOOD];
        dy[TH17_BONE] = v(Index.delta_HB) * y[TH17_BLOOD] - muH * y[TH17_BONE];
        // TGF-β and Wnt-10b (Islam), IL-17 and TNF in the marrow.
        double r = y[TREG_BONE] / k.tregBone0() - 1;
        double kBeta = v(Index.k_beta);
        if (islamTgf) { // Islam et al. 2021 as published: additive production, with its pole at r = k_β
            dy[TGF] = v(Index.mu_beta) * (1 - y[TGF]) + v(Index.V_beta) * r / (kBeta - r);
            dy[WNT] = v(Index.mu_W) * (1 - y[WNT]) + v(Index.rho_W) * (y[TGF] - 1);
        } else { // saturating, and a fall scales with the level left, so fold changes stay positive
            double production = v(Index.V_beta) * (r / kBeta) / (1 + Math.abs(r) / kBeta);
            dy[TGF] = v(Index.mu_beta) * (1 - y[TGF]) + positiveOrScaled(production, y[TGF]);
            dy[WNT] = v(Index.mu_W) * (1 - y[WNT]) + positiveOrScaled(v(Index.rho_W) * (y[TGF] - 1), y[WNT]);
        }
        double th17Excess = y[TH17_BONE] / th17Bone0 - 1;
        dy[IL17] = v(Index.mu_C) * (1 + v(Index.s_IL17) * th17Excess - y[IL17]);
        dy[TNF] = v(Index.mu_C) * (1 + v(Index.s_TNF_H) * th17Excess + v(Index.s_TNF_E) * direct - y[TNF]);
        // Bone
        if (mouse) {
            mouseBone.derivatives(y, dy, BONE, y[WNT], osteoclastDrive(y, v(Index.c_OC), v(Index.c_Treg)));
        } else {
            humanBone.derivatives(t, y, dy, BONE, e, osteoclastDrive(y, v(Index.c_OC_h), v(Index.c_Treg_h)));
        }
        for (int i = 0; i < INPUTS; i++) {
            dy[in + i] = 0;
        }
    }

    /**
     * A production term x that, when negative, is multiplied by the level it acts on: a rise adds x, a fall removes the
     * fraction |x| per day, so the level relaxes to 1/(1 + |x|/μ) instead of crossing zero.
     */
    private static double positiveOrScaled(double x, double level) {
        return x >= 0 ? x : x * level;
    }

    /** End-of-cycle hand-off of the mouse bone states (Islam's rule with exact 14-day cycles). */
    double[] cycleReset(double[] y) {
        return MouseBone.handOff(y.clone(), BONE, s0);
    }
}
