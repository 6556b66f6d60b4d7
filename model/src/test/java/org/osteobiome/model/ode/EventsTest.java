package org.osteobiome.model.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osteobiome.core.ErrorCode;

/** Time and state events, with exact answers, for every solver. */
class EventsTest {
    private static final double G = 9.81;

    static Stream<String> solvers() {
        return Solvers.names().stream();
    }

    private static Solver solver(String name) {
        return Solvers.byName(name, SolverOptions.tolerances(1e-10, 1e-12).withEventTolerance(1e-12));
    }

    /** Free fall: y = (height, velocity), y'' = −g. */
    private static final OdeSystem FALL = new OdeSystem() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public void derivatives(double t, double[] y, double[] dydt) {
            dydt[0] = y[1];
            dydt[1] = -G;
        }
    };

    @ParameterizedTest
    @MethodSource("solvers")
    void bouncingBallEventsAreLocatedAtTheExactTimes(String name) {
        double restitution = 0.8;
        StateEvent ground = new StateEvent("ground", (t, y) -> y[0], StateEvent.Direction.FALLING,
                EventAction.reset((t, y) -> new double[] {0, -restitution * y[1]}));
        OdeProblem problem = OdeProblem.of(FALL, 0, new double[] {10, 0}, 6, new double[] {6})
                .withStateEvents(List.of(ground));
        OdeSolution s = solver(name).solve(problem);

        // Exact: first impact at sqrt(2h/g) with speed v1 = g·t1; each bounce lasts 2·r^k·v1/g.
        double t1 = Math.sqrt(2 * 10 / G);
        List<Double> expected = new ArrayList<>();
        double impact = t1;
        double speed = G * t1;
        while (impact < 6) {
            expected.add(impact);
            speed *= restitution;
            impact += 2 * speed / G;
        }
        assertThat(s.events()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(s.events().get(i).time()).as("impact %d", i + 1).isCloseTo(expected.get(i), offset(1e-9));
        }
    }

    @ParameterizedTest
    @MethodSource("solvers")
    void stopEventEndsTheSolutionAtTheRoot(String name) {
        StateEvent ground = new StateEvent("ground", (t, y) -> y[0], StateEvent.Direction.ANY, EventAction.stop());
        double[] grid = OdeProblem.grid(0, 3, 0.25);
        OdeSolution s = solver(name).solve(OdeProblem.of(FALL, 0, new double[] {10, 0}, 3, grid)
                .withStateEvents(List.of(ground)));
        double t1 = Math.sqrt(2 * 10 / G);
        assertThat(s.stopped()).isTrue();
        assertThat(s.finalTime()).isCloseTo(t1, offset(1e-9));
        assertThat(s.finalState()[0]).isCloseTo(0, offset(1e-8));
        assertThat(s.times()[s.size() - 1]).isLessThanOrEqualTo(t1);
        assertThat(s.size()).isEqualTo((int) Math.floor(t1 / 0.25) + 1);
    }

    @ParameterizedTest
    @MethodSource("solvers")
    void failEventReportsTheCauseAndTime(String name) {
        StateEvent ground = new StateEvent("ground", (t, y) -> y[0], StateEvent.Direction.ANY,
                EventAction.fail("the ball went through the floor"));
        OdeProblem problem = OdeProblem.of(FALL, 0, new double[] {10, 0}, 3, new double[] {3})
                .withStateEvents(List.of(ground));
        assertThatThrownBy(() -> solver(name).solve(problem))
                .isInstanceOfSatisfying(SolverException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DOMAIN_ERROR);
                    assertThat(e.time()).isCloseTo(Math.sqrt(2 * 10 / G), offset(1e-9));
                    assertThat(e.getMessage()).contains("the ball went through the floor").contains("t = 1.42");
                });
    }

    @ParameterizedTest
    @MethodSource("solvers")
    void directionFilterCountsOnlyRisingCrossings(String name) {
        // y = sin t crosses zero upwards at 2π, 4π in (0, 13]; downwards at π, 3π.
        OdeSystem sine = new OdeSystem() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                dydt[0] = y[1];
                dydt[1] = -y[0];
            }
        };
        StateEvent rising = new StateEvent("up", (t, y) -> y[0], StateEvent.Direction.RISING, EventAction.proceed());
        OdeSolution s = solver(name).solve(OdeProblem.of(sine, 0, new double[] {0, 1}, 13, new double[] {13})
                .withStateEvents(List.of(rising)));
        assertThat(s.events()).extracting(EventRecord::time)
                .satisfiesExactly(t -> assertThat(t).isCloseTo(2 * Math.PI, offset(1e-9)),
                        t -> assertThat(t).isCloseTo(4 * Math.PI, offset(1e-9)));
        assertThat(s.finalState()[0]).isCloseTo(Math.sin(13), offset(1e-8));
    }

    @ParameterizedTest
    @MethodSource("solvers")
    void timeEventsApplyDosesAndOutputsShowTheStateAfterTheDose(String name) {
        double k = 0.7;
        OdeSystem decay = new OdeSystem() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                dydt[0] = -k * y[0];
            }
        };
        List<TimeEvent> doses = List.of(
                new TimeEvent(1, "dose", EventAction.reset((t, y) -> new double[] {y[0] + 1})),
                new TimeEvent(2, "dose", EventAction.reset((t, y) -> new double[] {y[0] + 1})),
                new TimeEvent(3, "dose", EventAction.reset((t, y) -> new double[] {y[0] + 1})));
        double[] grid = OdeProblem.grid(0, 4, 0.5);
        OdeSolution s = solver(name).solve(OdeProblem.of(decay, 0, new double[] {0}, 4, grid).withTimeEvents(doses));

        assertThat(s.events()).extracting(EventRecord::time).containsExactly(1.0, 2.0, 3.0);
        for (int i = 0; i < s.size(); i++) {
            double t = s.times()[i];
            double exact = 0;
            for (int dose = 1; dose <= 3; dose++) {
                if (t >= dose) {
                    exact += Math.exp(-k * (t - dose));
                }
            }
            assertThat(s.states()[i][0]).as("y(%s)", t).isCloseTo(exact, offset(1e-9));
        }
    }

    @ParameterizedTest
    @MethodSource("solvers")
    void continueEventAtAKinkKeepsFullAccuracy(String name) {
        // y' = max(0, t − √2): the kink at √2 is found by the event and the integrator restarts there.
        OdeSystem kink = new OdeSystem() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                dydt[0] = Math.max(0, t - Math.sqrt(2));
            }
        };
        StateEvent switchOn = new StateEvent("switch", (t, y) -> t - Math.sqrt(2), StateEvent.Direction.ANY, EventAction.proceed());
        OdeSolution s = solver(name).solve(OdeProblem.of(kink, 0, new double[] {0}, 3, new double[] {3})
                .withStateEvents(List.of(switchOn)));
        assertThat(s.events()).hasSize(1);
        double exact = 0.5 * (3 - Math.sqrt(2)) * (3 - Math.sqrt(2));
        assertThat(s.finalState()[0]).isCloseTo(exact, offset(1e-10));
    }

    @ParameterizedTest
    @MethodSource("solvers")
    void blowUpIsReportedWithItsTimeNeverAsNaN(String name) {
        OdeSystem blowUp = new OdeSystem() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                dydt[0] = y[0] * y[0];
            }
        };
        assertThatThrownBy(() -> solver(name).solve(OdeProblem.of(blowUp, 0, new double[] {1}, 2, new double[] {2})))
                .isInstanceOfSatisfying(SolverException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SOLVER_FAILURE);
                    assertThat(e.time()).isCloseTo(1.0, offset(1e-3));
                });
    }
}
