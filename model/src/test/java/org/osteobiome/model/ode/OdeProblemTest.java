package org.osteobiome.model.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OdeProblemTest {

    @Test
    void gridIncludesTheFinalTimeEvenWhenTheStepDoesNotDivideTheSpan() {
        assertThat(OdeProblem.grid(0, 1, 0.3)).containsExactly(0, 0.3, 0.6, 0.8999999999999999, 1);
        assertThat(OdeProblem.grid(0, 28, 0.1)).hasSize(281).endsWith(28.0);
        assertThat(OdeProblem.grid(-10950, 18250, 30)).hasSize(975).contains(0.0).endsWith(18250.0);
    }

    @Test
    void rejectsOutputTimesOutsideTheInterval() {
        OdeSystem s = TestProblems.prothero(-1);
        assertThatThrownBy(() -> OdeProblem.of(s, 0, new double[] {1}, 1, new double[] {0.5, 2}))
                .isInstanceOf(org.osteobiome.core.OsteobiomeException.class).hasMessageContaining("within [0.0, 1.0]");
        assertThatThrownBy(() -> OdeProblem.of(s, 0, new double[] {Double.NaN}, 1, new double[] {1}))
                .hasMessageContaining("not finite");
        assertThatThrownBy(() -> OdeProblem.of(s, 0, new double[] {1}, 0, new double[] {0}))
                .hasMessageContaining("after the start time");
    }
}
