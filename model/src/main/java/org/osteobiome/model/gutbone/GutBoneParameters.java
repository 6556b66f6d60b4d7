package org.osteobiome.model.gutbone;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.osteobiome.model.ParameterSpec;
import org.osteobiome.model.bone.GrahamBoneCompartment;
import org.osteobiome.model.published.Islam2021Butyrate;
import org.osteobiome.model.published.Nelson2026Menopause;

/**
 * The parameter table of {@code gut-bone-axis}: run settings, the new coupling parameters (each with its source or
 * "assumed", and whether osteobiome calibrated it), and the parameters of the published components, reused with
 * their sources. The published components' parameters keep the ids they have in their own models.
 */
final class GutBoneParameters {
    private static final String ASSUMED = "assumed (no published value found; see docs/models/gut-bone-axis.md)";
    /** Where a calibrated value came from, with its 95% profile-likelihood interval ("bound": the search bound was reached). */
    private static String calibrated(String use, String interval) {
        return "calibrated by osteobiome to gut-bone-axis-targets.tsv (" + use + "); 95% profile CI " + interval;
    }

    private GutBoneParameters() {
    }

    /** Ids of the coupling parameters that couplings=off sets to zero, giving back the published components. */
    static final List<String> COUPLINGS = List.of("a_EF", "y_F", "y_L", "a_EP", "k_td", "i_H", "s_TNF_E", "c_OC", "c_Treg",
            "c_OC_h", "c_Treg_h", "q_z", "K_bd_h");

    /** Parameters only the mouse preset reads (its bone layer and immune-to-bone couplings). */
    static Set<String> mouseOnly() {
        Set<String> ids = new TreeSet<>(List.of("k_g1", "k_g2", "k_g3", "k_g4", "c_OC", "c_Treg",
                "q_z", "E_floor_mouse", "cycle_days"));
        GrahamBoneCompartment.specs("").forEach(s -> ids.add(s.id()));
        return Set.copyOf(ids);
    }

    /** Parameters only the human preset reads (the Jörg/Nelson bone core, its couplings and the human estrogen curves). */
    static Set<String> humanOnly() {
        Set<String> ids = new TreeSet<>(List.of("c_OC_h", "c_Treg_h", "tau_drive_h", "K_bd_h", "e_PC_coupled", "k_syn",
                "tau_E"));
        for (ParameterSpec spec : new Nelson2026Menopause().parameters()) {
            if (spec.kind() == ParameterSpec.Kind.REAL && !spec.id().equals("kappa_E")) { // kappa_E also shapes the mouse OVX curve
                ids.add(spec.id());
            }
        }
        return Set.copyOf(ids);
    }

    static List<ParameterSpec> all() {
        List<ParameterSpec> p = new ArrayList<>();
        p.add(ParameterSpec.text("scenario", "ovx", "built-in scenario name or scenario file (.json); see 'osteobiome scenarios'",
                "osteobiome scenarios"));
        p.add(ParameterSpec.choice("couplings", List.of("on", "off"),
                "off sets every coupling parameter to 0, which reduces the model to its published components", "osteobiome"));
        p.add(ParameterSpec.choice("tgf_form", List.of("saturating", "islam"),
                "TGF-β production: saturating V_β·(r/k_β)/(1 + |r|/k_β), or Islam 2021's V_β·r/(k_β − r) with its pole at r = k_β",
                "osteobiome (islam: Islam et al. 2021)"));
        // Gut ecology
        p.add(ParameterSpec.real("k_L", 1.0, "1/day", 1e-3, 100, "clearance of L. acidophilus from the gut (load relaxes to the dose in ~1 day)", ASSUMED));
        p.add(ParameterSpec.real("K_L", 1.0, "1e9 CFU/day", 1e-3, 1e3, "L. acidophilus load giving half its maximal butyrate boost", ASSUMED));
        p.add(ParameterSpec.real("y_L", 0.5069, "µM", 0, 10, "maximal gut butyrate rise from L. acidophilus (cross-feeding via producers)",
                calibrated("fit-mouse", "0.080–0.970")).calibrated());
        p.add(ParameterSpec.real("y_F", 0.3, "µM", 0, 10, "gut butyrate change per unit change of the butyrate-producer guild", ASSUMED));
        p.add(ParameterSpec.real("k_F", 0.1, "1/day", 1e-4, 10, "relaxation rate of the butyrate-producer guild", ASSUMED));
        p.add(ParameterSpec.real("F_set", 1.0, "1", 0.05, 5,
                "set point of her butyrate-producer guild relative to the healthy reference (1 = healthy; the guild starts there and"
                        + " its target scales with it); osteobiome forecast sets it from a sample's guild proxy", "osteobiome forecast (docs/forecast.md)"));
        p.add(ParameterSpec.real("L_res", 0.0, "1", 0, 100,
                "resident Lactobacillus above the healthy reference, in units of the L. acidophilus load at 1e9 CFU/day (it shares the"
                        + " cross-feeding term with the supplement); osteobiome forecast sets it from a sample's Lactobacillus",
                "osteobiome forecast (docs/forecast.md); assumed scale"));
        p.add(ParameterSpec.real("a_EF", 0.3, "1", 0, 0.95, "fraction of butyrate producers lost without estrogen", ASSUMED));
        p.add(ParameterSpec.real("a_fib", 0.3, "1", 0, 5, "rise of the producer guild on a fibre-rich diet (per unit intake)", ASSUMED));
        p.add(ParameterSpec.real("a_abx", 1.0, "1", 0, 1, "fraction of the antibiotic dose's suppression that reaches producers", ASSUMED));
        p.add(ParameterSpec.real("k_P", 0.5, "1/day", 1e-3, 100, "relaxation rate of epithelial permeability", ASSUMED));
        p.add(ParameterSpec.real("a_EP", 1.0, "1", 0, 20, "permeability rise per unit of unadapted estrogen deficiency", ASSUMED));
        p.add(ParameterSpec.real("k_Q", 0.1, "1/day", 1e-4, 10,
                "adaptation of the barrier to estrogen loss (permeability back to sham by ~4 weeks: Collins et al. 2017)", "shaped after Collins et al. 2017, Physiol Rep 5:e13263"));
        p.add(ParameterSpec.real("K_BP", 0.1, "µM", 1e-3, 10, "gut butyrate rise halving the permeability increase", ASSUMED));
        // RORγt+ pTregs, transdifferentiation and Th17
        p.add(ParameterSpec.real("rho_R", 0.5, "1", 0, 1, "fraction of newly induced gut Tregs that are RORγt+ (RORγ+ Tregs predominate in the colon: Sefik et al. 2015)", ASSUMED));
        p.add(ParameterSpec.real("k_td", 0.2, "1/day", 0, 100, "RORγt+ pTreg → Th17 transdifferentiation rate per unit of drive", ASSUMED));
        p.add(ParameterSpec.real("w_TE", 1.0, "1", 0, 10, "weight of estrogen deficiency in the transdifferentiation drive", ASSUMED));
        p.add(ParameterSpec.real("w_TP", 1.0, "1", 0, 10, "weight of the permeability excess in the transdifferentiation drive", ASSUMED));
        p.add(ParameterSpec.real("K_B", 0.1, "µM", 1e-4, 10, "gut butyrate rise halving transdifferentiation (butyrate blocks the conversion)", ASSUMED));
        p.add(ParameterSpec.real("th17_gut_pct0", 10, "%", 0.1, 50, "baseline Th17 share of gut lamina propria CD4⁺ T cells", ASSUMED));
        p.add(ParameterSpec.real("th17_bone_pct0", 2, "%", 0.01, 50, "baseline Th17 share of bone-marrow CD4⁺ T cells", ASSUMED));
        p.add(ParameterSpec.real("mu_H", 0.1, "1/day", 1e-3, 10, "Th17 cell loss", ASSUMED));
        p.add(ParameterSpec.real("delta_HB", 0.5, "1/day", 1e-3, 100, "blood → bone-marrow homing of Th17 cells (CXCR3/CCL20: Yu et al. 2021)", ASSUMED));
        p.add(ParameterSpec.real("i_H", 1.0, "1", 0, 20, "rise of naive → Th17 induction per unit of gut inflammation", ASSUMED));
        p.add(ParameterSpec.real("w_IP", 1.0, "1", 0, 10, "weight of permeability in gut inflammation", ASSUMED));
        p.add(ParameterSpec.real("w_IE", 0.5, "1", 0, 10, "weight of estrogen deficiency in gut inflammation (DC IL-7/IL-15: JBMR 2020)", ASSUMED));
        // Cytokines
        p.add(ParameterSpec.real("mu_C", 1.0, "1/day", 1e-3, 100, "relaxation rate of marrow IL-17 and TNF", ASSUMED));
        p.add(ParameterSpec.real("s_IL17", 1.0, "1", 0, 10, "IL-17 fold rise per relative rise of marrow Th17", ASSUMED));
        p.add(ParameterSpec.real("s_TNF_H", 0.5, "1", 0, 10, "TNF fold rise per relative rise of marrow Th17", ASSUMED));
        p.add(ParameterSpec.real("s_TNF_E", 1.0, "1", 0, 10, "TNF fold rise per unit estrogen deficiency (T-cell TNF after OVX: Cenci et al. 2000)", ASSUMED));
        p.add(ParameterSpec.real("f_Q", 0.0836, "1", 0, 1,
                "fraction of the direct estrogen-deficiency drive of the immune layer (transdifferentiation, inflammation, TNF) that adapts"
                        + " over weeks with the barrier (k_Q); the rest persists", calibrated("fit-mouse", "0 (bound)–1 (bound)")).calibrated());
        // Bone couplings
        p.add(ParameterSpec.real("c_OC", 0.7892, "1", 0, 20, "mouse: exponent of (IL-17·TNF)^(c/2) on osteoclast formation",
                calibrated("fit-mouse", "0.252–3.73")).calibrated());
        p.add(ParameterSpec.real("c_Treg", 0.7032, "1", 0, 20, "mouse: marrow Tregs divide osteoclast formation by exp(c·(T_b/T_b0 − 1))",
                calibrated("fit-mouse", "0.025–10 (bound)")).calibrated());
        p.add(ParameterSpec.real("q_z", 1.226, "1", 0, 4,
                "mouse: exponent of the bone left, (z/z_sham)^q_z, on resorption per osteoclast (bone that is gone cannot be resorbed;"
                        + " OVX relaxes to a new steady state)", calibrated("fit-mouse", "0.068–4 (bound)")).calibrated());
        p.add(ParameterSpec.real("c_OC_h", 2.713, "1", 0, 20, "human: exponent of (IL-17·TNF)^(c/2) on pre-osteoclast → osteoclast differentiation",
                calibrated("fit-human", "1.44–9.39")).calibrated());
        p.add(ParameterSpec.real("K_bd_h", 0.1, "1", 0, 10,
                "human: bone density at which resorption is halved, Bd(1 + K)/(K + Bd) (bone that is gone cannot be resorbed; Bd stays"
                        + " positive)", ASSUMED));
        p.add(ParameterSpec.real("tau_drive_h", 73.81, "day", 1, 3650,
                "human: time constant with which PC → C differentiation follows the immune drive (recruitment of osteoclast precursors)",
                calibrated("fit-human", "10 (bound)–2000 (bound): not identified by the BMD data")).calibrated());
        p.add(ParameterSpec.real("c_Treg_h", 1.0, "1", 0, 20, "human: marrow Tregs divide PC → C differentiation by exp(c·(T_b/T_b0 − 1))", ASSUMED));
        p.add(ParameterSpec.real("e_PC_coupled", 0.5311, "1", 1e-6, 1e6,
                "human: estrogen threshold of the direct PC → C repression with the immune couplings on (re-partitioned from Nelson's 0.2546)",
                calibrated("fit-human", "0.405–1.14")).calibrated());
        // Estrogen
        p.add(ParameterSpec.real("E_floor_mouse", 0.1, "1", 0, 1, "estrogen left after ovariectomy in mice (relative)", ASSUMED));
        p.add(ParameterSpec.real("cycle_days", 14, "day", 1, 1000, "mouse remodelling cycle (Islam et al. 2021)", "Islam et al. 2021").setting());
        // Published components
        for (ParameterSpec spec : new Islam2021Butyrate().parameters()) {
            if (!List.of("dose_uM", "case", "cycles", "cycle_days", "handoff", "k_op", "k_od", "k_odw", "k_ca", "k_cd", "k_zo", "k_zc")
                    .contains(spec.id())) {
                p.add(spec);
            }
        }
        for (ParameterSpec spec : new Nelson2026Menopause().parameters()) {
            if (!List.of("variant", "band", "initial_condition", "eta_ovx", "tau_ovx", "omega_ovx", "k1", "k2").contains(spec.id())) {
                p.add(spec);
            }
        }
        return List.copyOf(p);
    }
}
