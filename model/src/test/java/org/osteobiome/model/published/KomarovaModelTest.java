package org.osteobiome.model.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;

/** Komarova et al. 2003 with BioModels BIOMD0000000148 parameters (published-models.md §4). */
class KomarovaModelTest {
    private final Komarova2003 model = new Komarova2003();
    private final ParameterSet defaults = model.defaults();

    @Test
    void steadyStateUsesTheCorrectedFormula() {
        // Γ = −1; x̄1 = (β1/α1)^((1−g22)/Γ)·(β2/α2)^(g21/Γ) = 15·√0.005, x̄2 = 15/√0.005 (BioModels-corrected x̄2).
        Komarova2003.SteadyState ss = Komarova2003.steadyState(defaults);
        assertThat(ss.osteoclasts()).isCloseTo(15 * Math.sqrt(0.005), within(1e-12));
        assertThat(ss.osteoblasts()).isCloseTo(15 / Math.sqrt(0.005), within(1e-9));
        // BioModels starts from the rounded steady state plus 10 osteoclasts.
        assertThat(Math.round(ss.osteoclasts()) + 10).isEqualTo(11);
        assertThat(Math.round(ss.osteoblasts())).isEqualTo(212);
    }

    @Test
    void startingAtSteadyStateNothingHappens() {
        Trajectory t = model.simulate(defaults.with("initial_condition", "exact").with("clast_excess", 0), SimulationSettings.DEFAULTS);
        // x̄ is exact only up to round-off, so z may drift by round-off times k·t.
        assertThat(t.last("bone_mass_pct")).isCloseTo(100.0, within(1e-8));
        assertThat(t.last("osteoclasts")).isCloseTo(Komarova2003.steadyState(defaults).osteoclasts(), within(1e-9));
    }

    @Test
    void oneRemodellingCycleResorbsThenRefillsCloseToButNotExactlyTheStart() {
        Trajectory t = model.simulate(defaults, SimulationSettings.DEFAULTS);
        double[] mass = t.column("bone_mass_pct");
        double minimum = 100;
        int minimumRow = 0;
        for (int i = 0; i < mass.length; i++) {
            if (mass[i] < minimum) {
                minimum = mass[i];
                minimumRow = i;
            }
        }
        // A short osteoclast phase (resorption) followed by a much longer osteoblast phase (formation).
        assertThat(minimum).isLessThan(97);
        assertThat(t.time()[minimumRow]).isLessThan(50);
        assertThat(t.last("bone_mass_pct")).isCloseTo(100, within(0.1)).isNotEqualTo(100.0);
        double peakBlasts = 0;
        for (double v : t.column("osteoblasts")) {
            peakBlasts = Math.max(peakBlasts, v);
        }
        assertThat(peakBlasts).isGreaterThan(250);
    }

    @Test
    void exactAndBioModelsStartsDifferSlightly() {
        double biomodels = model.simulate(defaults, SimulationSettings.DEFAULTS).last("bone_mass_pct");
        double exact = model.simulate(defaults.with("initial_condition", "exact"), SimulationSettings.DEFAULTS).last("bone_mass_pct");
        assertThat(exact).isNotEqualTo(biomodels);
        assertThat(Math.abs(exact - biomodels)).isLessThan(0.5);
    }
}
