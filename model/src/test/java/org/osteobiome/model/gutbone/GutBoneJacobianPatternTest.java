package org.osteobiome.model.gutbone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.ode.OdeProblem;
import org.osteobiome.model.ode.OdeSolution;
import org.osteobiome.model.ode.OdeSystem;
import org.osteobiome.model.ode.Rodas4Solver;
import org.osteobiome.model.ode.SolverOptions;
import org.osteobiome.model.ode.TimeEvent;
import org.osteobiome.model.scenario.Scenario;
import org.osteobiome.model.scenario.ScenarioFiles;

/**
 * The probed Jacobian pattern of gut-bone-axis is structural: along every built-in scenario, at every output time,
 * a forward difference in a state outside the pattern changes no derivative at all (exactly 0), and RODAS4 with
 * grouped finite differences gives the same solution as with one column at a time.
 */
class GutBoneJacobianPatternTest {
    static List<String> scenarios() {
        return ScenarioFiles.BUILT_IN;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void patternHoldsAlongTheScenarioAndGroupedDifferencesChangeNothing(String name) {
        ParameterSet p = GutBoneAxis.effective(new GutBoneAxis().defaults().with("scenario", name), ScenarioFiles.load(name));
        Scenario scenario = ScenarioFiles.load(name);
        GutBoneEquations eq = new GutBoneEquations(p, scenario);
        double start = Math.min(scenario.startDay(), 0);
        double end = Math.min(scenario.endDay(), start + 3 * 365);
        int points = 60;
        double[] grid = new double[points + 1];
        for (int i = 0; i <= points; i++) {
            grid[i] = start + (end - start) * i / points;
        }
        List<TimeEvent> events = GutBoneAxis.events(scenario, eq, p, start, end);
        Rodas4Solver solver = new Rodas4Solver(SolverOptions.tolerances(1e-8, 1e-10));
        OdeSolution grouped = solver.solve(new OdeProblem(eq, start, eq.initialState(), end, grid, events, List.of()));
        OdeSolution columnByColumn = solver.solve(new OdeProblem(withoutPattern(eq), start, eq.initialState(), end, grid, events,
                List.of()));
        assertThat(grouped.states()).isDeepEqualTo(columnByColumn.states());

        boolean[][] pattern = eq.jacobianPattern();
        int n = eq.dimension();
        double[] f0 = new double[n];
        double[] f = new double[n];
        for (int r = 0; r < grouped.times().length; r++) {
            double t = grouped.times()[r];
            double[] y = grouped.states()[r];
            eq.derivatives(t, y, f0);
            for (int j = 0; j < n; j++) {
                double[] shifted = y.clone();
                shifted[j] += 1e-3 * Math.max(1, Math.abs(y[j]));
                eq.derivatives(t, shifted, f);
                for (int i = 0; i < n; i++) {
                    if (!pattern[i][j]) {
                        assertThat(f[i]).as("d%s/dt after a change in %s at day %s", i, j, t).isEqualTo(f0[i]);
                    }
                }
            }
        }
    }

    /** The same system with no pattern: the solver differences one column at a time. */
    private static OdeSystem withoutPattern(GutBoneEquations eq) {
        return new OdeSystem() {
            @Override
            public int dimension() {
                return eq.dimension();
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                eq.derivatives(t, y, dydt);
            }

            @Override
            public int[] constantComponents() {
                return eq.constantComponents();
            }

            @Override
            public boolean isAutonomous() {
                return eq.isAutonomous();
            }
        };
    }
}
