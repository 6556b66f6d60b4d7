package org.osteobiome.model.gutbone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.ParameterSpec;
import org.osteobiome.model.bone.JorgBoneCompartment;
import org.osteobiome.model.scenario.Scenario;
import org.osteobiome.model.symbolic.SymbolicModel;
import org.osteobiome.model.symbolic.SymbolicModel.Quantity;
import org.osteobiome.model.symbolic.SymbolicModel.State;
import org.osteobiome.model.symbolic.SymbolicModel.TimedChange;

/**
 * gut-bone-axis for one scenario written out as equations: the same right-hand side as {@link GutBoneEquations}, term
 * for term, with the scenario's doses, replacement windows and (mouse) cycle hand-offs as timed changes. The SBML
 * round-trip test checks that the two agree.
 */
final class GutBoneSymbolic {
    private final ParameterSet p;
    private final Scenario scenario;
    private final GutBoneEquations eq;
    private final List<Quantity> constants = new ArrayList<>();
    private final List<State> states = new ArrayList<>();
    private final List<Quantity> definitions = new ArrayList<>();

    private GutBoneSymbolic(ParameterSet p, Scenario scenario) {
        this.p = p;
        this.scenario = scenario;
        this.eq = new GutBoneEquations(p, scenario);
    }

    static SymbolicModel of(ParameterSet parameters) {
        Scenario scenario = GutBoneAxis.scenario(parameters);
        if (scenario.startDay() < 0) {
            throw OsteobiomeException.invalid("scenario " + scenario.name() + " starts before day 0; SBML time starts at 0");
        }
        return new GutBoneSymbolic(GutBoneAxis.effective(parameters, scenario), scenario).build();
    }

    private SymbolicModel build() {
        for (GutBoneEquations.Index i : GutBoneEquations.Index.values()) {
            ParameterSpec spec = spec(i.name());
            constant(i.name(), eq.v(i), spec.unit(), spec.meaning() + " (" + spec.source() + ")"
                    + (eq.v(i) != p.real(i.name()) ? "; 0 because couplings=off" : ""));
        }
        var k = eq.k;
        constant("a12", k.a12(), "1/day", "gut → blood butyrate transfer (derived, Islam et al. 2021)");
        constant("a23", k.a23(), "1/day", "blood → marrow butyrate transfer (derived, Islam et al. 2021)");
        constant("b_plus", k.bPlus(), "1/(µM·day)", "butyrate-driven naive → Treg differentiation b⁺ (derived, Islam et al. 2021)");
        constant("b_gamma", v(GutBoneEquations.Index.b_minus) * k.gamma(), "1/day", "naive → Treg differentiation without butyrate b⁻·γ (derived)");
        constant("naive_influx", k.naiveInflux(), "1/day", "naive T-cell influx (derived, Islam et al. 2021)");
        constant("delta_T", k.delta(), "1/day", "Treg migration δ (derived, Islam et al. 2021)");
        constant("treg_bone0", k.tregBone0(), "1", "baseline marrow Tregs (derived)");
        constant("th17_bone0", eq.th17Bone0, "1", "baseline marrow Th17 (derived from th17_bone_pct0)");
        constant("k_H", kH(), "1/day", "naive → Th17 induction keeping the baseline (derived)");
        constant("delta_H", deltaH(), "1/day", "Th17 egress from the gut keeping the baseline (derived)");
        constant("E_floor", scenario.estrogen().curve() == Scenario.Curve.OVX ? p.real("E_floor_mouse") : p.real("k_syn") / p.real("kappa_E"), "1",
                "estrogen floor after surgery (E_floor_mouse, or k_syn/kappa_E of Nelson et al. 2026)");
        // Inputs: piecewise constant, changed only by the timed changes.
        for (GutBoneSchedule.Input input : GutBoneSchedule.Input.values()) {
            states.add(new State(input.symbol, 0, "0", "1", "input set by the scenario's schedule"));
        }
        defineEstrogen();
        gutAndImmune();
        if (eq.mouse) {
            mouseBone();
        } else {
            humanBone();
        }
        observables();
        return new SymbolicModel("gut_bone_axis_" + scenario.name().replaceAll("[^A-Za-z0-9_]", "_"),
                "osteobiome gut-bone-axis, scenario " + scenario.name() + ": " + scenario.description()
                        + " Research model, not a diagnostic device. See docs/models/gut-bone-axis.md.",
                constants, states, definitions, events());
    }

    private double v(GutBoneEquations.Index i) {
        return eq.v(i);
    }

    private double kH() {
        return eq.th17Gut0 * (v(GutBoneEquations.Index.mu_H) + deltaH());
    }

    private double deltaH() {
        return eq.th17Blood0 * (v(GutBoneEquations.Index.mu_H) + v(GutBoneEquations.Index.delta_HB)) / eq.th17Gut0;
    }

    private static ParameterSpec spec(String id) {
        return new GutBoneAxis().parameters().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /** A parameter of a published component, with its unit, meaning and source from the parameter table. */
    private void published(String id) {
        ParameterSpec spec = spec(id);
        constant(id, p.real(id), spec.unit(), spec.meaning() + " (" + spec.source() + ")");
    }

    private void constant(String id, double value, String unit, String meaning) {
        constants.add(Quantity.constant(id, value, unit, meaning));
    }

    private void define(String id, String formula, String unit, String meaning) {
        definitions.add(Quantity.defined(id, formula, unit, meaning));
    }

    private void state(String id, double initial, String rate, String unit, String meaning) {
        states.add(new State(id, initial, rate, unit, meaning));
    }

    private void defineEstrogen() {
        String curve = switch (scenario.estrogen().curve()) {
            case OVX, SURGICAL -> "E_floor + (1 - E_floor) * exp(-kappa_E * time)";
            case NATURAL -> "1 / (1 + time / tau_E)";
            case NONE -> "1";
        };
        define("estrogen", "piecewise(1, replacement > 0.5, " + curve + ")", "1", "estrogen relative to premenopause");
        define("deficiency", "1 - estrogen", "1", "estrogen deficiency");
        define("direct_deficiency", "max(0, deficiency - f_Q * adaptation)", "1",
                "estrogen deficiency acting directly on the immune layer (its adapting part f_Q follows the barrier's adaptation)");
    }

    private void gutAndImmune() {
        double[] y0 = eq.initialState();
        state("la_load", y0[GutBoneEquations.LA], "k_L * (la_rate - la_load)", "1", "L. acidophilus gut load");
        define("producer_target", "max(0.05, F_set * (1 - a_EF * deficiency) + a_fib * fibre - a_abx * antibiotics)", "1", "producer guild target");
        state("producers", y0[GutBoneEquations.PRODUCERS], "k_F * (producer_target - producers)", "1", "butyrate-producer guild");
        state("adaptation", y0[GutBoneEquations.ADAPTATION], "k_Q * (deficiency - adaptation)", "1", "barrier adaptation to estrogen loss");
        define("leak", "1 + a_EP * max(0, deficiency - adaptation) / (1 + max(0, butyrate_gut_uM) / K_BP)", "1", "permeability target");
        state("permeability", y0[GutBoneEquations.PERMEABILITY], "k_P * (leak - permeability)", "1", "epithelial permeability");
        define("gut_butyrate_input", "butyrate_in + y_F * (producers - 1) + y_L * producers * (la_load + L_res) / (K_L + la_load + L_res)", "µM",
                "gut butyrate change fed into the compartments");
        state("butyrate_gut_uM", y0[GutBoneEquations.BUT_GUT], "(mu_B + a12) * gut_butyrate_input - (mu_B + a12) * butyrate_gut_uM", "µM",
                "gut butyrate change");
        state("butyrate_blood_uM", y0[GutBoneEquations.BUT_BLOOD], "a12 * butyrate_gut_uM - (mu_B + a23) * butyrate_blood_uM", "µM",
                "blood butyrate change");
        state("butyrate_bone_uM", y0[GutBoneEquations.BUT_BONE], "a23 * butyrate_blood_uM - mu_B * butyrate_bone_uM", "µM",
                "marrow butyrate change");
        define("blood_steady", "a12 * gut_butyrate_input / (mu_B + a23)", "µM", "blood butyrate at the current input's steady state");
        String[] naive = {"naive_gut", "naive_blood", "naive_bone"};
        String[] butyrate = {"butyrate_gut_uM", "butyrate_blood_uM", "butyrate_bone_uM"};
        String[] steady = {"gut_butyrate_input", "blood_steady", "blood_steady * a23 / mu_B"};
        String[] compartment = {"gut", "blood", "bone"};
        for (int c = 0; c < 3; c++) {
            define("treg_induction_" + compartment[c], "max(0, b_gamma + b_plus * " + butyrate[c] + ")", "1/day",
                    "naive → Treg differentiation rate (" + compartment[c] + "), kept ≥ 0");
            state(naive[c], y0[GutBoneEquations.NAIVE_GUT + c], "naive_influx + max(0, b_gamma + b_plus * " + steady[c] + ") - b_gamma - mu_N * "
                    + naive[c] + " - treg_induction_" + compartment[c] + " * " + naive[c], "1", "naive CD4⁺ T cells");
        }
        define("induced", "treg_induction_gut * naive_gut", "1/day", "naive → Treg induction in the gut");
        define("transdiff_flux", "k_td * max(0, w_TE * direct_deficiency + w_TP * (permeability - 1)) * rorgt_gut / (1 + max(0, butyrate_gut_uM) / K_B)",
                "1/day", "RORγt⁺ pTreg → Th17 transdifferentiation");
        state("treg_gut", y0[GutBoneEquations.TREG_GUT], "induced - (delta_T + mu_T) * treg_gut - transdiff_flux", "1", "gut Tregs");
        state("treg_blood", y0[GutBoneEquations.TREG_BLOOD],
                "delta_T * treg_gut - (mu_T + delta_T) * treg_blood + treg_induction_blood * naive_blood", "1", "blood Tregs");
        state("treg_bone", y0[GutBoneEquations.TREG_BONE],
                "delta_T * treg_blood - mu_T * treg_bone + treg_induction_bone * naive_bone", "1", "marrow Tregs");
        state("rorgt_gut", y0[GutBoneEquations.RORGT_GUT], "rho_R * induced - (delta_T + mu_T) * rorgt_gut - transdiff_flux", "1",
                "gut RORγt⁺ pTregs");
        define("inflammation", "w_IP * (permeability - 1) + w_IE * direct_deficiency", "1", "gut inflammation");
        state("th17_gut", y0[GutBoneEquations.TH17_GUT], "k_H * naive_gut * (1 + i_H * inflammation) + transdiff_flux - (mu_H + delta_H) * th17_gut",
                "1", "gut Th17");
        state("th17_blood", y0[GutBoneEquations.TH17_BLOOD], "delta_H * th17_gut - (mu_H + delta_HB) * th17_blood", "1", "blood Th17");
        state("th17_bone", y0[GutBoneEquations.TH17_BONE], "delta_HB * th17_blood - mu_H * th17_bone", "1", "marrow Th17");
        define("treg_rise", "treg_bone / treg_bone0 - 1", "1", "relative rise of marrow Tregs");
        if (p.choice("tgf_form").equals("islam")) {
            define("tgf_production", "V_beta * treg_rise / (k_beta - treg_rise)", "1/day", "TGF-β production (Islam et al. 2021)");
            state("tgf_beta_fold", y0[GutBoneEquations.TGF], "mu_beta * (1 - tgf_beta_fold) + tgf_production", "fold", "marrow TGF-β");
            state("wnt10b_fold", y0[GutBoneEquations.WNT], "mu_W * (1 - wnt10b_fold) + rho_W * (tgf_beta_fold - 1)", "fold", "marrow Wnt-10b");
        } else {
            // A fall scales with the level left, so the fold changes stay positive.
            define("tgf_production", "V_beta * (treg_rise / k_beta) / (1 + abs(treg_rise) / k_beta)", "1/day", "TGF-β production (saturating)");
            state("tgf_beta_fold", y0[GutBoneEquations.TGF], "mu_beta * (1 - tgf_beta_fold) + piecewise(tgf_production, tgf_production >= 0,"
                    + " tgf_production * tgf_beta_fold)", "fold", "marrow TGF-β");
            define("wnt_production", "rho_W * (tgf_beta_fold - 1)", "1/day", "Wnt-10b production from TGF-β");
            state("wnt10b_fold", y0[GutBoneEquations.WNT], "mu_W * (1 - wnt10b_fold) + piecewise(wnt_production, wnt_production >= 0,"
                    + " wnt_production * wnt10b_fold)", "fold", "marrow Wnt-10b");
        }
        define("th17_excess", "th17_bone / th17_bone0 - 1", "1", "relative rise of marrow Th17");
        state("il17_fold", y0[GutBoneEquations.IL17], "mu_C * (1 + s_IL17 * th17_excess - il17_fold)", "fold", "marrow IL-17");
        state("tnf_fold", y0[GutBoneEquations.TNF], "mu_C * (1 + s_TNF_H * th17_excess + s_TNF_E * direct_deficiency - tnf_fold)", "fold", "marrow TNF-α");
        String c = eq.mouse ? "c_OC" : "c_OC_h";
        String cTreg = eq.mouse ? "c_Treg" : "c_Treg_h";
        define(eq.mouse ? "osteoclast_drive" : "immune_drive", "piecewise(1, " + c + " == 0 && " + cTreg + " == 0, max(il17_fold * tnf_fold, 1e-9)^(" + c + " / 2) * exp(-"
                + cTreg + " * treg_rise))", "fold", "immune multiplier of osteoclast formation");
    }

    private void mouseBone() {
        double[] y0 = eq.initialState();
        int b = GutBoneEquations.BONE;
        constant("sigma", 100.0 / p.real("cycle_days"), "1", "time scaling 100/cycle_days (Islam et al. 2021)");
        for (String id : List.of("alpha1", "alpha2", "alpha3", "beta1", "delta_P", "beta2", "alpha4", "beta3", "K_S", "epsilon", "k1", "k2",
                "k_g1", "k_g2", "k_g3", "k_g4")) {
            published(id);
        }
        define("wnt_effect", "(wnt10b_fold - 1) / (wnt10b_fold - 1 + k_g4)", "1", "Wnt-10b effect h");
        define("resorption_scale", "piecewise(1, q_z == 0, (max(bone_volume, 0) / sham_bone_volume)^q_z)", "1",
                "bone left, (z/z_sham)^q_z, scaling resorption per osteoclast");
        grahamLayer("", "", "wnt_effect", "osteoclast_drive", "resorption_scale", y0, b);
        // The sham reference: the same layer at baseline (no Wnt-10b effect, immune drive 1), for BV/TV as % of sham.
        grahamLayer("sham_", "sham reference: ", "0", "1", "1", y0, b + MouseBone.SHAM);
    }

    /** The Graham bone states with ids {@code prefix + name}, driven by the given Wnt-10b effect and immune drive. */
    private void grahamLayer(String prefix, String what, String wnt, String drive, String resorption, double[] y0, int b) {
        String s = prefix + "osteocytes";
        String pre = prefix + "preosteoblasts";
        String ob = prefix + "osteoblasts";
        String oc = prefix + "osteoclasts";
        String g = prefix + "g_cap";
        define(g, "max(1 - " + s + " / K_S, 0)", "1", what + "osteocyte-signalling factor g");
        state(s, y0[b], "sigma * alpha1 * " + ob + " * " + g, "cells", what + "osteocytes S");
        state(pre, y0[b + 1], "sigma * (alpha2 * " + s + "^2 * " + g + " + alpha3 * " + pre + " * " + g + " + k_g2 * " + wnt + " * " + pre
                + " - beta1 * " + pre + " * " + oc + " - k_g1 * " + wnt + " * " + pre + " - delta_P * " + pre + ")", "cells", what + "pre-osteoblasts P");
        state(ob, y0[b + 2], "sigma * (-alpha1 * " + ob + " * " + g + " + beta1 * " + pre + " * " + oc + " + k_g1 * " + wnt + " * " + pre
                + " - (beta2 - k_g3 * " + wnt + ") * " + ob + ")", "cells", what + "osteoblasts B");
        state(oc, y0[b + 3], "sigma * (alpha4 * " + drive + " * " + s + " * " + pre + " * " + g + " / (epsilon + " + ob + ")"
                + " - beta3 * " + oc + ")", "cells", what + "osteoclasts C");
        state(prefix + "bone_volume", y0[b + 4], "sigma * (-k1 * " + resorption + " * " + oc + " + k2 * " + ob + ")", "%", what + "trabecular bone volume z");
    }

    private void humanBone() {
        double[] y0 = eq.initialState();
        int b = GutBoneEquations.BONE;
        boolean couplings = p.choice("couplings").equals("on");
        JorgBoneCompartment.Parameters jp = HumanBone.parameters(p, couplings);
        constant("e_PC_effective", jp.ePC(), "1", couplings ? "e_PC_coupled (re-partitioned with the couplings on)" : "Nelson's e_PC");
        constant("lambda_C_effective", jp.lambdaC(), "1/day", couplings
                ? "resorption per osteoclast at rest before menopause (derived from Nelson's values)" : "Nelson's lambda_C");
        for (String id : List.of("e_Sc", "eta_B", "eta_C", "eta_S", "kappa_Sc", "lambda_B", "nu_Omega", "omega_B", "omega_PB",
                "omega_PC", "r_Omega", "sc_Omega", "sc_PB", "sc_PC")) {
            published(id);
        }
        published("tau_drive_h");
        state("osteoclast_drive", 1, "(immune_drive - osteoclast_drive) / tau_drive_h", "fold",
                "immune drive as it acts on PC → C, following the immune drive with the lag tau_drive_h");
        define("pb_to_b", "omega_PB * sc_PB / (sc_PB + sclerostin) * preosteoblasts", "1/day", "pre-osteoblast → osteoblast");
        define("pc_to_c", "omega_PC * osteoclast_drive * e_PC_effective / (e_PC_effective + estrogen) * sclerostin / (sc_PC + sclerostin)"
                + " * preosteoclasts", "1/day", "pre-osteoclast → osteoclast");
        state("preosteoblasts", y0[b + JorgBoneCompartment.PB], "1 - pb_to_b", "1", "pre-osteoblasts PB");
        state("preosteoclasts", y0[b + JorgBoneCompartment.PC], "1 - pc_to_c", "1", "pre-osteoclasts PC");
        state("osteoclasts", y0[b + JorgBoneCompartment.C], "pc_to_c - eta_C * osteoclasts", "1", "osteoclasts C");
        state("osteoblasts", y0[b + JorgBoneCompartment.B], "pb_to_b - (eta_B + omega_B) * osteoblasts", "1", "osteoblasts B");
        state("osteocytes", y0[b + JorgBoneCompartment.S], "omega_B * osteoblasts - eta_S * osteocytes", "1", "osteocytes S");
        state("sclerostin", y0[b + JorgBoneCompartment.SC], "e_Sc / (e_Sc + estrogen) * osteocytes - kappa_Sc * sclerostin", "1", "sclerostin Sc");
        define("bone_density_rate", "lambda_B * osteoblasts * sc_Omega / (sc_Omega + sclerostin) * (1 + nu_Omega * osteoclasts / (r_Omega + osteoclasts))"
                + " - lambda_C_effective * osteoclasts * piecewise(1, K_bd_h == 0, max(bone_density, 0) * (1 + K_bd_h) / (K_bd_h + max(bone_density, 0)))", "1/day",
                "rate of change of bone density (resorption scaled by the bone left)");
        state("bone_density", y0[b + JorgBoneCompartment.BD], "bone_density_rate", "1", "relative bone density Bd");
    }

    private void observables() {
        define("gut_cd4", "naive_gut + treg_gut + th17_gut", "1", "gut CD4⁺ T cells");
        define("bone_cd4", "naive_bone + treg_bone + th17_bone", "1", "marrow CD4⁺ T cells");
        define("treg_gut_pct", "100 * treg_gut / gut_cd4", "%", "Tregs, % of gut CD4⁺");
        define("rorgt_treg_gut_pct", "100 * rorgt_gut / gut_cd4", "%", "RORγt⁺ pTregs, % of gut CD4⁺");
        define("th17_gut_pct", "100 * th17_gut / gut_cd4", "%", "Th17, % of gut CD4⁺");
        define("treg_bone_pct", "100 * treg_bone / bone_cd4", "%", "Tregs, % of marrow CD4⁺");
        define("th17_bone_pct", "100 * th17_bone / bone_cd4", "%", "Th17, % of marrow CD4⁺");
        define("th17_treg_ratio_bone", "th17_bone / treg_bone", "1", "marrow Th17/Treg ratio");
        if (eq.mouse) {
            define("bv_tv_pct", "100 * bone_volume / sham_bone_volume", "%", "trabecular BV/TV, % of a sham mouse at the same time");
            define("bone_volume_pct", "bone_volume", "%", "trabecular bone volume z, % of its value before OVX");
        } else {
            define("bmd_pct", "100 * bone_density", "%", "BMD, % of the value at menopause (bone density is 1 at day 0)");
            define("bmd_rate_pct_per_year", "100 * 365 * bone_density_rate / bone_density", "%/year", "rate of BMD change");
        }
    }

    /** The scenario's schedule ({@link GutBoneSchedule}) up to the scenario's end, as timed changes. */
    private List<TimedChange> events() {
        List<TimedChange> out = new ArrayList<>();
        for (GutBoneSchedule.Change c : GutBoneSchedule.of(scenario, eq.mouse ? p.real("cycle_days") : 0, 0, scenario.endDay())) {
            out.add(new TimedChange(c.name(), c.time(), assignments(c)));
        }
        return out;
    }

    private Map<String, String> assignments(GutBoneSchedule.Change c) {
        if (c instanceof GutBoneSchedule.Gavage g) {
            return Map.of("la_load", "la_load + k_L * " + g.amount());
        }
        if (c instanceof GutBoneSchedule.Step st) {
            String x = st.input().symbol;
            return Map.of(x, x + (st.delta() >= 0 ? " + " + st.delta() : " - " + -st.delta()));
        }
        if (c instanceof GutBoneSchedule.Replacement r) {
            return Map.of(GutBoneSchedule.Input.REPLACEMENT.symbol, r.on() ? "1" : "0");
        }
        return handOff();
    }

    /** Islam's hand-off of both mouse bone layers: osteocytes back to S0, cells below 1 to 0 (bone volume kept). */
    private Map<String, String> handOff() {
        Map<String, String> reset = new LinkedHashMap<>();
        for (String prefix : List.of("", "sham_")) {
            reset.put(prefix + "osteocytes", Double.toString(p.real("K_S") - p.real("rho")));
            for (String state : List.of("preosteoblasts", "osteoblasts", "osteoclasts")) {
                reset.put(prefix + state, "piecewise(0, " + prefix + state + " < 1, " + prefix + state + ")");
            }
        }
        return reset;
    }
}
