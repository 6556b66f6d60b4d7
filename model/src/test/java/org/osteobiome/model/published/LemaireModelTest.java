package org.osteobiome.model.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;
import org.osteobiome.model.ode.SolverException;

/** Lemaire et al. 2004 (published-models.md §5). */
class LemaireModelTest {
    private final Lemaire2004 model = new Lemaire2004();
    private final ParameterSet defaults = model.defaults();
    private static final SimulationSettings PHASES = SimulationSettings.DEFAULTS.withOutputTimes(new double[] {0, 20, 79.999, 140});

    @Test
    void steadyStateIsNearThePapersValuesAndStationary() {
        Lemaire2004.Rates r = Lemaire2004.Rates.from(defaults, new double[6]);
        double[] y = Lemaire2004.steadyState(r);
        // Approximate values given with the model: R, B, C ≈ 7.7e-4, 7.3e-4, 9.1e-4 pM.
        assertThat(y[0]).isCloseTo(7.7e-4, within(0.05e-4));
        assertThat(y[1]).isCloseTo(7.3e-4, within(0.05e-4));
        assertThat(y[2]).isCloseTo(9.1e-4, within(0.05e-4));
        double[] dy = new double[3];
        r.derivatives(y, dy);
        for (int i = 0; i < 3; i++) {
            assertThat(Math.abs(dy[i]) / y[i]).isLessThan(1e-13);
        }
    }

    @Test
    void correctionFactorMultipliesTheDifferentiationRate() {
        Lemaire2004.Rates r = Lemaire2004.Rates.from(defaults, new double[6]);
        assertThat(r.dB()).isCloseTo(0.035, within(1e-15));
    }

    @Test
    void pthOccupancyKeepsTheInjectionInItsDenominator() {
        Lemaire2004.Rates r = Lemaire2004.Rates.from(defaults, new double[] {0, 0, 0, 1e3, 0, 0});
        double expected = (1e3 / 86 + 250.0 / 86) / (1e3 / 86 + 3 / 0.02);
        assertThat(r.piP()).isCloseTo(expected, within(1e-15));
    }

    @Test
    void injectionsActOnlyBetweenDay20AndDay80() {
        Trajectory none = model.simulate(defaults, PHASES);
        Trajectory pth = model.simulate(defaults.with("load_case", 3), PHASES);
        for (String cells : new String[] {"OBp", "OBa", "OCa"}) {
            assertThat(pth.at(20, cells)).as(cells).isEqualTo(none.at(20, cells));
        }
        // PTH raises RANKL on osteoblasts and so osteoclasts; after the injection the system relaxes back.
        assertThat(pth.at(79.999, "OCa")).isGreaterThan(2 * none.at(79.999, "OCa"));
        double deviationAtEnd = Math.abs(pth.last("OCa") - none.last("OCa"));
        assertThat(deviationAtEnd).isLessThan(0.1 * Math.abs(pth.at(79.999, "OCa") - none.at(79.999, "OCa")));
    }

    @Test
    void opgLowersAndRanklRaisesOsteoclasts() {
        double baseline = model.simulate(defaults, PHASES).at(79.999, "OCa");
        assertThat(model.simulate(defaults.with("load_case", 6), PHASES).at(79.999, "OCa")).isLessThan(baseline);
        assertThat(model.simulate(defaults.with("load_case", 9), PHASES).at(79.999, "OCa")).isGreaterThan(baseline);
        assertThat(model.simulate(defaults.with("load_case", 1), PHASES).at(79.999, "OBa")).isGreaterThan(
                model.simulate(defaults, PHASES).at(79.999, "OBa"));
    }

    @Test
    void injectionThatRemovesMoreCellsThanExistStopsWithTheCause() {
        assertThatThrownBy(() -> model.simulate(defaults.with("load_case", 8), PHASES))
                .isInstanceOfSatisfying(SolverException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DOMAIN_ERROR);
                    assertThat(e.getMessage()).contains("OBp fell to 0");
                    assertThat(e.time()).isBetween(20.0, 22.0);
                });
    }
}
