package org.osteobiome.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteobiome.core.Progress;
import org.osteobiome.model.sensitivity.Factor;
import org.osteobiome.model.sensitivity.Sensitivity;
import org.osteobiome.model.sensitivity.SensitivityResult;

/** Sensitivity methods on test functions with known answers. */
class SensitivityTest {
    private static final List<Factor> ISHIGAMI_FACTORS = List.of(new Factor("x1", 0, -Math.PI, Math.PI, false),
            new Factor("x2", 0, -Math.PI, Math.PI, false), new Factor("x3", 0, -Math.PI, Math.PI, false));

    /** Ishigami &amp; Homma (1990) with a = 7, b = 0.1. */
    private static final Sensitivity.Output ISHIGAMI = x -> Math.sin(x[0]) + 7 * Math.sin(x[1]) * Math.sin(x[1])
            + 0.1 * Math.pow(x[2], 4) * Math.sin(x[0]);

    @Test
    void sobolIndicesOfIshigamiMatchTheAnalyticValuesToTwoDecimals() {
        // Analytic values for a = 7, b = 0.1 (Saltelli et al. 2008, Global Sensitivity Analysis: The Primer, §4.5):
        // S1 = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437.
        SensitivityResult r = Sensitivity.sobol(ISHIGAMI_FACTORS, ISHIGAMI, 100_000, 200, 42, 2, Progress.NONE);
        assertThat(r.value("x1", "S1")).isCloseTo(0.3139, within(0.005));
        assertThat(r.value("x2", "S1")).isCloseTo(0.4424, within(0.005));
        assertThat(r.value("x3", "S1")).isCloseTo(0.0, within(0.005));
        assertThat(r.value("x1", "ST")).isCloseTo(0.5576, within(0.005));
        assertThat(r.value("x2", "ST")).isCloseTo(0.4424, within(0.005));
        assertThat(r.value("x3", "ST")).isCloseTo(0.2437, within(0.005));
        // The bootstrap intervals contain the truth.
        assertThat(0.3139).isBetween(r.value("x1", "S1_low"), r.value("x1", "S1_high"));
        assertThat(0.2437).isBetween(r.value("x3", "ST_low"), r.value("x3", "ST_high"));
    }

    @Test
    void sameSeedSameIndicesWhateverTheThreads() {
        SensitivityResult a = Sensitivity.sobol(ISHIGAMI_FACTORS, ISHIGAMI, 500, 50, 7, 1, Progress.NONE);
        SensitivityResult b = Sensitivity.sobol(ISHIGAMI_FACTORS, ISHIGAMI, 500, 50, 7, 3, Progress.NONE);
        assertThat(b.values()).isDeepEqualTo(a.values());
        SensitivityResult m1 = Sensitivity.morris(ISHIGAMI_FACTORS, ISHIGAMI, 50, 7, 1, Progress.NONE);
        SensitivityResult m2 = Sensitivity.morris(ISHIGAMI_FACTORS, ISHIGAMI, 50, 7, 4, Progress.NONE);
        assertThat(m2.values()).isDeepEqualTo(m1.values());
    }

    @Test
    void morrisRanksAnAdditiveLinearFunctionByItsCoefficients() {
        // y = 3·x1 + 1·x2 + 0·x3 on [0, 1]: every elementary effect equals the coefficient, so μ* is exact, σ is 0.
        List<Factor> factors = List.of(new Factor("a", 0.5, 0, 1, false), new Factor("b", 0.5, 0, 1, false),
                new Factor("c", 0.5, 0, 1, false));
        SensitivityResult r = Sensitivity.morris(factors, x -> 3 * x[0] + x[1], 20, 1, 2, Progress.NONE);
        assertThat(r.value("a", "mu_star")).isCloseTo(3, within(1e-12));
        assertThat(r.value("b", "mu_star")).isCloseTo(1, within(1e-12));
        assertThat(r.value("c", "mu_star")).isCloseTo(0, within(1e-12));
        assertThat(r.value("a", "sigma")).isCloseTo(0, within(1e-12));
    }

    @Test
    void localNormalisedSensitivityOfAPowerLawIsItsExponent() {
        // y = p^2·q^-0.5 → (∂y/∂p)(p/y) = 2 and −0.5 exactly; central differences are accurate to O(h²) = 1e-6.
        List<Factor> factors = List.of(Factor.around("p", 3, 0.5), Factor.around("q", 2, 0.5));
        SensitivityResult r = Sensitivity.local(factors, x -> x[0] * x[0] / Math.sqrt(x[1]), 2);
        assertThat(r.value("p", "normalised")).isCloseTo(2, within(1e-6));
        assertThat(r.value("q", "normalised")).isCloseTo(-0.5, within(1e-6));
    }
}
