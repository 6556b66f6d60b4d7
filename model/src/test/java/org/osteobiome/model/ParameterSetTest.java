package org.osteobiome.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.OsteobiomeException;

class ParameterSetTest {
    private final Model islam = ModelCatalog.get("islam2021-butyrate");

    @Test
    void unknownParameterListsTheValidOnes() {
        assertThatThrownBy(() -> islam.defaults().with("dose", "0.1"))
                .isInstanceOfSatisfying(OsteobiomeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_NAME))
                .hasMessageContaining("unknown parameter 'dose'").hasMessageContaining("dose_uM, case, cycles");
    }

    @Test
    void outOfRangeValueNamesTheRange() {
        assertThatThrownBy(() -> islam.defaults().with("case", "12"))
                .hasMessageContaining("case of islam2021-butyrate = 12 is out of range; allowed [1, 9]");
        assertThatThrownBy(() -> islam.defaults().with("case", "2.5")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> islam.defaults().with("dose_uM", "abc")).hasMessageContaining("needs a number, got 'abc'");
        assertThatThrownBy(() -> islam.defaults().with("dose_uM", "NaN")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> islam.defaults().with("handoff", "sometimes")).hasMessageContaining("original|exact|continuous");
    }

    @Test
    void explicitValuesOverrideDefaultsAndAreRemembered() {
        ParameterSet p = islam.defaults().with("dose_uM", "-0.11").with("handoff", "exact");
        assertThat(p.real("dose_uM")).isEqualTo(-0.11);
        assertThat(p.choice("handoff")).isEqualTo("exact");
        assertThat(p.isSet("dose_uM")).isTrue();
        assertThat(p.isSet("case")).isFalse();
        assertThat(p.integer("case")).isEqualTo(2);
        assertThat(p.explicitValues()).containsEntry("dose_uM", "-0.11").containsEntry("handoff", "exact");
        assertThat(islam.defaults().isSet("dose_uM")).isFalse();
    }

    @Test
    void everyParameterOfEveryModelHasUnitMeaningAndSource() {
        for (Model m : ModelCatalog.all()) {
            assertThat(m.parameters()).as(m.id()).isNotEmpty();
            for (ParameterSpec p : m.parameters()) {
                assertThat(p.meaning()).as(m.id() + "." + p.id()).isNotBlank();
                assertThat(p.source()).as(m.id() + "." + p.id()).isNotBlank();
                if (p.kind() == ParameterSpec.Kind.REAL || p.kind() == ParameterSpec.Kind.INTEGER) {
                    assertThat(p.unit()).as(m.id() + "." + p.id()).isNotBlank();
                }
            }
            assertThat(m.reference()).as(m.id()).isNotBlank();
            // Defaults run, and the output has only declared observables (a preset may omit some).
            Trajectory t = m.simulate(m.defaults(), SimulationSettings.DEFAULTS);
            assertThat(m.observables()).containsAll(t.columns());
            for (double[] row : t.values()) {
                for (double v : row) {
                    assertThat(Double.isFinite(v)).as(m.id()).isTrue();
                }
            }
        }
    }

    @Test
    void unknownModelListsTheValidIds() {
        assertThatThrownBy(() -> ModelCatalog.get("islam2022"))
                .hasMessageContaining("unknown model 'islam2022'; valid models: islam2021-butyrate, cook2022-wnt10b");
    }
}
