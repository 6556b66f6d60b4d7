package org.osteobiome.model.ode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classic stiff problems against the reference solutions of the Test Set for IVP Solvers
 * (F. Mazzia and C. Magherini, release 2.4, University of Bari, 2008). The accuracy asked for
 * is the accuracy the tolerances promise, with a margin of 100 for global error growth.
 */
class StiffProblemsTest {

    /** 100 × the relative tolerance used, for the growth of local errors into global error. */
    private static final double TOLERANCE = 100 * 1e-10;

    static Stream<String> stiffSolvers() {
        return Stream.of(Rodas4Solver.NAME, Radau5Solver.NAME);
    }

    private static Solver solver(String name, double atol) {
        return Solvers.byName(name, SolverOptions.tolerances(1e-10, atol));
    }

    @ParameterizedTest
    @MethodSource("stiffSolvers")
    void robertsonTo1e11(String name) {
        Solver solver = solver(name, 1e-20);
        OdeSolution s = solver.solve(OdeProblem.of(TestProblems.ROBERTSON, 0, new double[] {1, 0, 0}, 1e11, new double[] {1e11}));
        double[] y = s.finalState();
        for (int i = 0; i < 3; i++) {
            assertRelative(y[i], TestProblems.ROBERTSON_AT_1E11[i], TOLERANCE, "y" + (i + 1));
        }
        // Mass is conserved by the equations: y1 + y2 + y3 = 1.
        assertThat(y[0] + y[1] + y[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @ParameterizedTest
    @MethodSource("stiffSolvers")
    void vanDerPolMu1000(String name) {
        OdeSolution s = solver(name, 1e-10).solve(OdeProblem.of(TestProblems.VAN_DER_POL_1000, 0, new double[] {2, 0}, 2000,
                new double[] {2000}));
        assertRelative(s.finalState()[0], TestProblems.VAN_DER_POL_AT_2000[0], TOLERANCE, "y1");
        assertRelative(s.finalState()[1], TestProblems.VAN_DER_POL_AT_2000[1], TOLERANCE, "y2");
    }

    @ParameterizedTest
    @MethodSource("stiffSolvers")
    void hires(String name) {
        OdeSolution s = solver(name, 1e-10).solve(OdeProblem.of(TestProblems.HIRES, 0, TestProblems.HIRES_INITIAL,
                TestProblems.HIRES_END, new double[] {TestProblems.HIRES_END}));
        for (int i = 0; i < 8; i++) {
            assertRelative(s.finalState()[i], TestProblems.HIRES_AT_END[i], TOLERANCE, "y" + (i + 1));
        }
    }

    @ParameterizedTest
    @MethodSource("stiffSolvers")
    void stiffSolverNeedsFarFewerStepsThanExplicitOneOnAStiffProblem(String name) {
        SolverOptions options = SolverOptions.tolerances(1e-6, 1e-8);
        OdeProblem problem = OdeProblem.of(TestProblems.VAN_DER_POL_1000, 0, new double[] {2, 0}, 100, new double[] {100});
        long explicitSteps = new DormandPrince853Solver(options).solve(problem).statistics().acceptedSteps();
        long stiffSteps = Solvers.byName(name, options).solve(problem).statistics().acceptedSteps();
        assertThat(explicitSteps).isGreaterThan(20 * stiffSteps);
    }

    private static void assertRelative(double actual, double expected, double tolerance, String what) {
        assertThat(Math.abs(actual - expected) / Math.abs(expected))
                .as("%s: got %s, reference %s", what, actual, expected).isLessThan(tolerance);
    }
}
