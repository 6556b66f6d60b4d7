package org.osteobiome.model.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A stiff system driven by an input that only time events change: declaring the input constant leaves it out of
 * the stiff solvers' linear algebra without changing the answer, and a false declaration is caught.
 */
class ConstantComponentsTest {

    /** y0' = −1000 (y0 − u) + y1, y1' = −0.5 y1 + u, u' = 0 (component 2); u jumps by events. */
    private static OdeSystem driven(boolean declare, boolean lie) {
        return new OdeSystem() {
            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dy) {
                dy[0] = -1000 * (y[0] - y[2]) + y[1];
                dy[1] = -0.5 * y[1] + y[2];
                dy[2] = lie ? 0.1 : 0.0;
            }

            @Override
            public boolean isAutonomous() {
                return true;
            }

            @Override
            public int[] constantComponents() {
                return declare ? new int[] {2} : new int[0];
            }
        };
    }

    private static OdeSolution solve(String solver, OdeSystem system) {
        double[] times = OdeProblem.grid(0, 10, 0.5);
        List<TimeEvent> doses = List.of(
                new TimeEvent(2, "input on", EventAction.reset((t, y) -> { y[2] = 1; return y; })),
                new TimeEvent(6, "input off", EventAction.reset((t, y) -> { y[2] = 0; return y; })));
        return Solvers.byName(solver, SolverOptions.tolerances(1e-10, 1e-12))
                .solve(new OdeProblem(system, 0, new double[] {0, 0, 0}, 10, times, doses, List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {Rodas4Solver.NAME, Radau5Solver.NAME})
    void declaringTheInputConstantGivesTheSameSolutionWithLessWork(String solver) {
        OdeSolution full = solve(solver, driven(false, false));
        OdeSolution reduced = solve(solver, driven(true, false));
        for (int i = 0; i < full.times().length; i++) {
            for (int c = 0; c < 3; c++) {
                assertThat(reduced.states()[i][c]).isCloseTo(full.states()[i][c], within(1e-9));
            }
        }
        // Exact value of y1 at t = 6: the input is 1 on [2, 6], so y1 = 2 (1 − e^(−2)).
        assertThat(reduced.states()[12][1]).isCloseTo(2 * (1 - Math.exp(-2)), within(1e-8));
        // One finite-difference column fewer per Jacobian.
        assertThat(reduced.statistics().rhsEvaluations()).isLessThan(full.statistics().rhsEvaluations());
    }

    @ParameterizedTest
    @ValueSource(strings = {Rodas4Solver.NAME, Radau5Solver.NAME})
    void aComponentDeclaredConstantThatMovesIsRefused(String solver) {
        assertThatThrownBy(() -> solve(solver, driven(true, true))).hasMessageContaining("declared constant");
    }
}
