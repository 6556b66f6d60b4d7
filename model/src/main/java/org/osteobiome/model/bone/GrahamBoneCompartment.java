package org.osteobiome.model.bone;

import java.util.List;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.ParameterSpec;

/**
 * The osteocyte-driven bone remodelling compartment of Graham et al. 2013 (PLoS ONE 8:e63884),
 * shared by Islam et al. 2021 and Cook et al. 2022: osteocytes S, pre-osteoblasts P,
 * osteoblasts B, osteoclasts C and relative bone volume z (%). The Wnt-10b and butyrate
 * effects of the two models enter through {@link Modifiers}; everything else is Graham's
 * equations with the exponents those codes use (all 1 except S² in P' and (ε + B)⁻¹ in C').
 *
 * <pre>
 * g  = max(1 − S/K_S, 0)
 * S' = σ·α1·B·g
 * P' = σ·[α2·S²·g + α3·P·g + p_W·P − β1·P·C − d_W·P − δ_P·P]
 * B' = σ·[−α1·B·g + β1·P·C + d_W·P − a_B·B + r_B·B]
 * C' = σ·[α4·S·P·g/(ε + B) − β3·C − r_C·C]
 * z' = σ·[−k1·C + k2·B]
 * </pre>
 */
public final class GrahamBoneCompartment {
    public static final int S = 0;
    public static final int P = 1;
    public static final int B = 2;
    public static final int C = 3;
    public static final int Z = 4;
    public static final int SIZE = 5;

    /** Graham's parameters (values as used by the Islam and Cook codes, published-models.md §1.6). */
    public record Parameters(double alpha1, double alpha2, double alpha3, double beta1, double deltaP, double beta2,
                      double alpha4, double beta3, double kS, double epsilon, double k1, double k2) {
    }

    /**
     * The effective rates of one evaluation, after Wnt and butyrate effects.
     *
     * @param beta1                 C-dependent P → B differentiation (β1, case 4 adds butyrate)
     * @param wntDifferentiation    C-independent P → B differentiation rate d_W
     * @param wntProliferation      extra P proliferation rate p_W
     * @param osteoblastApoptosis   a_B (β2 minus the Wnt reduction)
     * @param osteoblastProliferation r_B (Islam case 3)
     * @param alpha4                osteoclast formation (case 7 lowers it)
     * @param osteoclastRemoval     r_C (Islam case 6)
     * @param k1                    resorption per osteoclast
     * @param k2                    formation per osteoblast
     */
    public record Modifiers(double beta1, double wntDifferentiation, double wntProliferation, double osteoblastApoptosis,
                     double osteoblastProliferation, double alpha4, double osteoclastRemoval, double k1, double k2) {
    }

    private GrahamBoneCompartment() {
    }

    /** Writes the derivatives of the five bone states at {@code y[offset..offset+4]} into {@code dy}. */
    public static void derivatives(Parameters p, Modifiers m, double sigma, double[] y, int offset, double[] dy) {
        double s = y[offset + S];
        double pre = y[offset + P];
        double ob = y[offset + B];
        double oc = y[offset + C];
        double g = Math.max(1.0 - s / p.kS(), 0.0);
        dy[offset + S] = sigma * p.alpha1() * ob * g;
        dy[offset + P] = sigma * (p.alpha2() * s * s * g + p.alpha3() * pre * g + m.wntProliferation() * pre
                - m.beta1() * pre * oc - m.wntDifferentiation() * pre - p.deltaP() * pre);
        dy[offset + B] = sigma * (-p.alpha1() * ob * g + m.beta1() * pre * oc + m.wntDifferentiation() * pre
                - m.osteoblastApoptosis() * ob + m.osteoblastProliferation() * ob);
        dy[offset + C] = sigma * (m.alpha4() * s * pre * g / (p.epsilon() + ob) - p.beta3() * oc - m.osteoclastRemoval() * oc);
        dy[offset + Z] = sigma * (-m.k1() * oc + m.k2() * ob);
    }

    private static final String GRAHAM = "Graham et al. 2013, PLoS ONE 8:e63884";

    /** The parameter table of the compartment; {@code codeSource} names the code whose values are used. */
    public static List<ParameterSpec> specs(String codeSource) {
        String both = GRAHAM + ", as used in " + codeSource;
        return List.of(
                ParameterSpec.real("alpha1", 0.5, "1/day", 0, 1e3, "osteoblast → osteocyte (burial) rate α1", both),
                ParameterSpec.real("alpha2", 0.1, "1/(cell·day)", 0, 1e3, "osteocyte-signalled pre-osteoblast production α2 (×S²)", both),
                ParameterSpec.real("alpha3", 0.1, "1/day", 0, 1e3, "pre-osteoblast proliferation α3", both),
                ParameterSpec.real("beta1", 0.1, "1/(cell·day)", 0, 1e3, "osteoclast-dependent pre-osteoblast → osteoblast differentiation β1", both),
                ParameterSpec.real("delta_P", 0.1, "1/day", 0, 1e3, "pre-osteoblast apoptosis δ_P", both),
                ParameterSpec.real("beta2", 0.1, "1/day", 0, 1e3, "osteoblast apoptosis β2", both),
                ParameterSpec.real("alpha4", 0.1, "1/(cell·day)", 0, 1e3, "osteoclast formation α4", both),
                ParameterSpec.real("beta3", 0.1, "1/day", 0, 1e3, "osteoclast apoptosis β3", both),
                ParameterSpec.real("K_S", 200, "cells", 1e-6, 1e9, "osteocyte set point K_S", both),
                ParameterSpec.real("epsilon", 1, "cells", 1e-12, 1e9, "offset in the osteoblast inhibition of osteoclastogenesis ε", both),
                ParameterSpec.real("k1", 0.698331, "%/(cell·day)", 0, 1e3,
                        "bone resorption per osteoclast k1 (Graham used 0.7; tuned so one cycle returns to ≈100 %)", codeSource),
                ParameterSpec.real("k2", 0.015445, "%/(cell·day)", 0, 1e3, "bone formation per osteoblast k2", both),
                ParameterSpec.real("rho", 20, "cells", 0, 1e9, "osteocyte drop that starts a remodelling cycle ρ (S0 = K_S − ρ)", both));
    }

    /** Reads the compartment's parameters. */
    public static Parameters from(ParameterSet p) {
        return new Parameters(p.real("alpha1"), p.real("alpha2"), p.real("alpha3"), p.real("beta1"), p.real("delta_P"),
                p.real("beta2"), p.real("alpha4"), p.real("beta3"), p.real("K_S"), p.real("epsilon"), p.real("k1"), p.real("k2"));
    }
}
