package org.osteobiome.model.ode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osteobiome.core.Progress;

/** Progress through a time course never goes back, ends at the end, and does not change the solution. */
class TimeProgressTest {

    @ParameterizedTest
    @ValueSource(strings = {"rodas4", "dp853"})
    void reportsMonotoneProgressWithoutChangingTheSolution(String solverName) {
        Solver solver = Solvers.byName(solverName, SolverOptions.tolerances(1e-8, 1e-10));
        double end = TestProblems.HIRES_END;
        double[] grid = OdeProblem.grid(0, end, end / 20);
        List<long[]> reports = new ArrayList<>();
        Progress progress = (done, total) -> reports.add(new long[] {done, total});

        OdeSolution plain = solver.solve(OdeProblem.of(TestProblems.HIRES, 0, TestProblems.HIRES_INITIAL, end, grid));
        OdeSolution watched = solver.solve(OdeProblem.of(TimeProgress.of(TestProblems.HIRES, 0, end, progress), 0,
                TestProblems.HIRES_INITIAL, end, grid));

        assertThat(watched.states()).isDeepEqualTo(plain.states());
        assertThat(reports).hasSizeGreaterThan(10);
        for (int i = 1; i < reports.size(); i++) {
            assertThat(reports.get(i)[0]).isGreaterThan(reports.get(i - 1)[0]);
            assertThat(reports.get(i)[1]).isEqualTo(1000);
        }
        assertThat(reports.get(reports.size() - 1)[0]).isEqualTo(1000);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1})
    void nothingToReportLeavesTheSystemUnwrapped(double end) {
        assertThat(TimeProgress.of(TestProblems.HIRES, 0, end, (d, t) -> { })).isSameAs(TestProblems.HIRES);
        assertThat(TimeProgress.of(TestProblems.HIRES, 0, 10, Progress.NONE)).isSameAs(TestProblems.HIRES);
    }
}
