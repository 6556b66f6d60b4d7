package org.osteobiome.model.ode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Accuracy against exact solutions and measured convergence orders, for every solver. */
class SolverAccuracyTest {

    static Stream<String> solvers() {
        return Solvers.names().stream();
    }

    /** Solver name, its classical order, the order of its dense output, and step sizes that stay above round-off. */
    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of(Rodas4Solver.NAME, 4, 3, new double[] {0.2, 0.1, 0.05, 0.025}),
                Arguments.of(Radau5Solver.NAME, 5, 3, new double[] {0.4, 0.2, 0.1, 0.05}),
                Arguments.of(DormandPrince853Solver.NAME, 8, 7, new double[] {0.5, 0.25, 0.125}));
    }

    @ParameterizedTest
    @MethodSource("solvers")
    void adaptiveSolutionMatchesExactSolutionWithinTolerance(String name) {
        double lambda = -3;
        Solver solver = Solvers.byName(name, SolverOptions.tolerances(1e-10, 1e-12));
        double[] times = OdeProblem.grid(0, 10, 0.37);
        OdeSolution s = solver.solve(OdeProblem.of(TestProblems.prothero(lambda), 0, new double[] {1}, 10, times));

        assertThat(s.times()).containsExactly(times);
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.states()[i][0]).as("y(%s)", s.times()[i])
                    .isCloseTo(TestProblems.protheroExact(lambda, 1, s.times()[i]), org.assertj.core.data.Offset.offset(1e-8));
        }
    }

    @ParameterizedTest
    @MethodSource("orders")
    void measuredConvergenceOrderMatchesTheMethod(String name, int order, int denseOrder, double[] steps) {
        OdeSystem system = TestProblems.dampedRotation();
        double tEnd = 4;
        double[] endErrors = new double[steps.length];
        double[] denseErrors = new double[steps.length];
        for (int k = 0; k < steps.length; k++) {
            Solver solver = Solvers.byName(name, SolverOptions.DEFAULT.withFixedStep(steps[k]));
            // Output times fall inside steps (never on a step boundary), so they test the dense output.
            double[] times = {steps[k] * 0.37, steps[k] * 3.61, 1.3 * Math.E / 2 + steps[k] * 0.11, tEnd};
            OdeSolution s = solver.solve(OdeProblem.of(system, 0, new double[] {1, 0}, tEnd, times));
            for (int i = 0; i < times.length; i++) {
                double t = times[i];
                double decay = Math.exp(-0.25 * t);
                double error = Math.hypot(s.states()[i][0] - Math.cos(t) * decay, s.states()[i][1] - Math.sin(t) * decay);
                if (i == times.length - 1) {
                    endErrors[k] = error;
                } else {
                    denseErrors[k] = Math.max(denseErrors[k], error);
                }
            }
        }
        for (int k = 1; k < steps.length; k++) {
            double observed = Math.log(endErrors[k - 1] / endErrors[k]) / Math.log(steps[k - 1] / steps[k]);
            assertThat(observed).as("%s order between h=%s and h=%s (errors %s, %s)", name, steps[k - 1], steps[k],
                    endErrors[k - 1], endErrors[k]).isBetween(order - 0.35, order + 0.6);
            double observedDense = Math.log(denseErrors[k - 1] / denseErrors[k]) / Math.log(steps[k - 1] / steps[k]);
            assertThat(observedDense).as("%s dense output order (errors %s, %s)", name, denseErrors[k - 1], denseErrors[k])
                    .isGreaterThan(denseOrder - 0.35);
        }
    }

    @ParameterizedTest
    @MethodSource("solvers")
    void errorShrinksWithTolerance(String name) {
        double lambda = -1;
        double loose = endError(name, 1e-6, lambda);
        double tight = endError(name, 1e-10, lambda);
        assertThat(tight).isLessThan(loose / 100);
        assertThat(tight).isLessThan(1e-8);
    }

    private static double endError(String name, double rtol, double lambda) {
        Solver solver = Solvers.byName(name, SolverOptions.tolerances(rtol, rtol * 1e-2));
        OdeSolution s = solver.solve(OdeProblem.of(TestProblems.prothero(lambda), 0, new double[] {1}, 5, new double[] {5}));
        return Math.abs(s.finalState()[0] - TestProblems.protheroExact(lambda, 1, 5));
    }
}
