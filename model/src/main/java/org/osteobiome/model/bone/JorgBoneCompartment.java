package org.osteobiome.model.bone;

import org.osteobiome.model.ParameterSet;

/**
 * The cell, sclerostin and bone-density core of Jörg et al. 2022 (eLife 11:e76228) as used by Nelson et al. 2026:
 * pre-osteoblasts PB, pre-osteoclasts PC, osteoclasts C, osteoblasts B, osteocytes S, sclerostin Sc and relative
 * bone density Bd. Shared by {@code nelson2026-menopause} and the human preset of {@code gut-bone-axis}; the caller
 * supplies estrogen, the PC → C rate and the osteocyte apoptosis rate in effect.
 *
 * <pre>
 * PB' = 1 − ω_PB·rep(Sc; sc_PB)·PB            PC' = 1 − ω_PC·rep(E; e_PC)·act(Sc; sc_PC)·PC
 * C'  = ω_PC·rep(E; e_PC)·act(Sc; sc_PC)·PC − η_C·C
 * B'  = ω_PB·rep(Sc; sc_PB)·PB − (η_B + ω_B)·B  S' = ω_B·B − η_S·S      Sc' = rep(E; e_Sc)·S − κ_Sc·Sc
 * Bd' = λ_B·B·rep(Sc; sc_Ω)·(1 + ν_Ω·act(C; r_Ω)) − λ_C·C       rep(x; k) = k/(k + x), act(x; k) = x/(k + x)
 * </pre>
 */
public final class JorgBoneCompartment {
    public static final int PB = 0;
    public static final int PC = 1;
    public static final int C = 2;
    public static final int B = 3;
    public static final int S = 4;
    public static final int SC = 5;
    public static final int BD = 6;
    public static final int SIZE = 7;

    private JorgBoneCompartment() {
    }

    /** The parameters (params.txt of the Nelson code), with the estrogen threshold of PC → C given separately. */
    public record Parameters(double ePC, double eSc, double etaB, double etaC, double etaS, double kappaSc, double lambdaB,
                             double lambdaC, double nuOmega, double omegaB, double omegaPB, double omegaPC, double rOmega,
                             double scOmega, double scPB, double scPC) {

        public static Parameters from(ParameterSet p, double ePC, double eSc) {
            return new Parameters(ePC, eSc, p.real("eta_B"), p.real("eta_C"), p.real("eta_S"), p.real("kappa_Sc"),
                    p.real("lambda_B"), p.real("lambda_C"), p.real("nu_Omega"), p.real("omega_B"), p.real("omega_PB"),
                    p.real("omega_PC"), p.real("r_Omega"), p.real("sc_Omega"), p.real("sc_PB"), p.real("sc_PC"));
        }

        /**
         * The same parameters with λ_C chosen so that bone density is at rest in the premenopausal steady state
         * (formation equals resorption there). With the published values Bd already drifts by −0.16 %/year before
         * menopause; the steady state of the cells does not depend on λ_C.
         */
        public Parameters atRest() {
            double[] y = steadyState(this);
            double formation = lambdaB * y[B] * rep(y[SC], scOmega) * (1 + nuOmega * act(y[C], rOmega));
            return new Parameters(ePC, eSc, etaB, etaC, etaS, kappaSc, lambdaB, formation / y[C], nuOmega, omegaB, omegaPB, omegaPC,
                    rOmega, scOmega, scPB, scPC);
        }
    }

    static double rep(double x, double k) {
        return k / (k + x);
    }

    static double act(double x, double k) {
        return x / (k + x);
    }

    /** The exact steady state for E = 1 with Bd = 1 (Nelson 2026 §3.6 in closed form). */
    public static double[] steadyState(Parameters p) {
        double b = 1 / (p.etaB() + p.omegaB());
        double c = 1 / p.etaC();
        double s = p.omegaB() * b / p.etaS();
        double sc = rep(1, p.eSc()) * s / p.kappaSc();
        double pb = 1 / (p.omegaPB() * rep(sc, p.scPB()));
        double pc = 1 / (p.omegaPC() * rep(1, p.ePC()) * act(sc, p.scPC()));
        return new double[] {pb, pc, c, b, s, sc, 1};
    }

    /**
     * Derivatives of the seven states at {@code y[offset…]}.
     *
     * @param estrogen estrogen relative to premenopause
     * @param omegaPC  PC → C rate in effect (ω_PC, possibly raised by post-surgical or immune effects)
     * @param etaS     osteocyte apoptosis in effect
     */
    public static void derivatives(Parameters p, double estrogen, double omegaPC, double etaS, double[] y, int offset, double[] dy) {
        double sc = y[offset + SC];
        double pbToB = p.omegaPB() * rep(sc, p.scPB()) * y[offset + PB];
        double pcToC = omegaPC * rep(estrogen, p.ePC()) * act(sc, p.scPC()) * y[offset + PC];
        dy[offset + PB] = 1 - pbToB;
        dy[offset + PC] = 1 - pcToC;
        dy[offset + C] = pcToC - p.etaC() * y[offset + C];
        dy[offset + B] = pbToB - (p.etaB() + p.omegaB()) * y[offset + B];
        dy[offset + S] = p.omegaB() * y[offset + B] - etaS * y[offset + S];
        dy[offset + SC] = rep(estrogen, p.eSc()) * y[offset + S] - p.kappaSc() * sc;
        dy[offset + BD] = p.lambdaB() * y[offset + B] * rep(sc, p.scOmega()) * (1 + p.nuOmega() * act(y[offset + C], p.rOmega()))
                - p.lambdaC() * y[offset + C];
    }
}
