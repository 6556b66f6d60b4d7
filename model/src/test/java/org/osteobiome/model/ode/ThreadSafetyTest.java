package org.osteobiome.model.ode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One solver instance shared by many threads gives the same answers as sequential use. */
class ThreadSafetyTest {

    static Stream<String> solvers() {
        return Solvers.names().stream();
    }

    @ParameterizedTest
    @MethodSource("solvers")
    void sharedSolverGivesSequentialResultsUnderConcurrency(String name) throws Exception {
        Solver solver = Solvers.byName(name, SolverOptions.tolerances(1e-9, 1e-11));
        int problems = 32;
        double[] sequential = new double[problems];
        for (int i = 0; i < problems; i++) {
            sequential[i] = solve(solver, i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Double>> futures = new ArrayList<>();
            for (int i = 0; i < problems; i++) {
                int index = i;
                futures.add(pool.submit(() -> solve(solver, index)));
            }
            for (int i = 0; i < problems; i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential[i]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double solve(Solver solver, int index) {
        double lambda = -0.5 - index;
        OdeSolution s = solver.solve(OdeProblem.of(TestProblems.prothero(lambda), 0, new double[] {1}, 3,
                OdeProblem.grid(0, 3, 0.1)));
        return s.finalState()[0];
    }
}
