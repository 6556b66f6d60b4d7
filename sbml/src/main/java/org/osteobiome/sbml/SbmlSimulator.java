package org.osteobiome.sbml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Progress;
import org.osteobiome.model.ode.EventAction;
import org.osteobiome.model.ode.OdeProblem;
import org.osteobiome.model.ode.OdeSolution;
import org.osteobiome.model.ode.OdeSystem;
import org.osteobiome.model.ode.Solver;
import org.osteobiome.model.ode.SolverException;
import org.osteobiome.model.ode.StateEvent;
import org.osteobiome.model.ode.TimeProgress;

/**
 * Simulates an imported SBML model on an osteobiome solver, with SBML event semantics: a trigger fires when it
 * turns from false to true (located as a state event), executes after its delay (scheduled) in priority order,
 * with values from the trigger or the execution time; non-persistent events are cancelled when their trigger turns
 * false before they execute; events triggered by other events' assignments cascade at the same time. Outputs at a
 * time where events execute show the state after them.
 */
public final class SbmlSimulator {
    /** More executions than this at a single time means events keep re-triggering each other. */
    static final int MAX_EXECUTIONS_AT_ONE_TIME = 10_000;

    private SbmlSimulator() {
    }

    /**
     * A simulated table.
     *
     * @param times   output times
     * @param columns output variables
     * @param values  {@code values[time][column]}
     */
    public record Result(double[] times, List<String> columns, double[][] values) {
    }

    /** A scheduled execution. */
    private record Pending(double time, SbmlEvent event, int index, double[] values, long order) {
    }

    /**
     * @param outputTimes ascending, ≥ 0
     * @param variables   symbols to report
     * @param amounts     species to report as amounts (others: concentrations)
     * @param seed        breaks ties between simultaneous events of equal priority
     */
    public static Result simulate(SbmlOdeModel model, Solver solver, double[] outputTimes, List<String> variables, Set<String> amounts,
                                  long seed) {
        return simulate(model, solver, outputTimes, variables, amounts, seed, Progress.NONE);
    }

    /** As {@link #simulate(SbmlOdeModel, Solver, double[], List, Set, long)}, reporting how far through the time course it is. */
    public static Result simulate(SbmlOdeModel model, Solver solver, double[] outputTimes, List<String> variables, Set<String> amounts,
                                  long seed, Progress progress) {
        if (outputTimes.length == 0) {
            throw OsteobiomeException.invalid("no output times");
        }
        for (String v : variables) {
            if (!model.slots.containsKey(v)) {
                throw OsteobiomeException.unknown("model " + model.id() + " has no symbol '" + v + "'; it has " + String.join(", ", model.symbols()));
            }
        }
        try {
            return new Run(model, solver, outputTimes, variables, amounts, seed, progress).run();
        } catch (SolverException e) {
            throw e.inUnit(model.timeUnit().orElse(""));
        }
    }

    /**
     * The symbol values at the last (t, y) asked for: the solver evaluates every event's switching function at the
     * same point, so the values are computed once per point instead of once per function.
     */
    private static final class ValuesCache {
        private final SbmlOdeModel m;
        private double t = Double.NaN;
        private double[] y;
        private double[] v;

        ValuesCache(SbmlOdeModel m) {
            this.m = m;
        }

        double[] values(double time, double[] state) {
            if (time != t || !Arrays.equals(state, y)) {
                t = time;
                y = state.clone();
                v = m.values(time, state);
            }
            return v;
        }
    }

    private static final class Run {
        private final SbmlOdeModel m;
        private final Solver solver;
        private final OdeSystem system;
        private final double[] times;
        private final List<String> variables;
        private final Set<String> amounts;
        private final SplittableRandom random;
        private final double[][] out;
        private final boolean[] was;
        private final List<Pending> pending = new ArrayList<>();
        private long order;
        private double t;
        private double[] y;

        Run(SbmlOdeModel m, Solver solver, double[] times, List<String> variables, Set<String> amounts, long seed, Progress progress) {
            this.m = m;
            this.system = TimeProgress.of(m, m.startTime, times[times.length - 1], progress);
            this.solver = solver;
            this.times = times.clone();
            this.variables = List.copyOf(variables);
            this.amounts = amounts;
            this.random = new SplittableRandom(seed);
            this.out = new double[times.length][];
            this.was = new boolean[m.events.size()];
            for (int i = 0; i < was.length; i++) {
                was[i] = m.events.get(i).initialValue();
            }
        }

        Result run() {
            t = m.startTime;
            y = m.initialState();
            double tEnd = times[times.length - 1];
            if (times[0] < t) {
                throw OsteobiomeException.invalid("output times must not precede the model's start time " + t);
            }
            processEvents();
            record(t, y);
            while (t < tEnd && !same(t, tEnd)) {
                double earliest = tEnd;
                for (Pending p : pending) {
                    earliest = Math.min(earliest, p.time());
                }
                final double next = earliest;
                if (next > t && !same(next, t)) {
                    List<StateEvent> triggers = new ArrayList<>();
                    double[] v = m.values(t, y);
                    ValuesCache cache = new ValuesCache(m);
                    for (int i = 0; i < m.events.size(); i++) {
                        SbmlEvent e = m.events.get(i);
                        boolean now = Expr.truth(e.trigger().eval(t, v));
                        triggers.add(new StateEvent(e.id(), (time, state) -> Expr.truth(e.trigger().eval(time, cache.values(time, state))) ? 1 : -1,
                                now ? StateEvent.Direction.FALLING : StateEvent.Direction.RISING, EventAction.stop()));
                        for (Expr g : e.switches()) {
                            triggers.add(new StateEvent(e.id() + " comparison", (time, state) -> g.eval(time, cache.values(time, state)),
                                    StateEvent.Direction.ANY, EventAction.stop()));
                        }
                    }
                    double from = t;
                    double[] grid = Arrays.stream(times).filter(x -> x > from && x <= next).toArray();
                    OdeSolution s = solver.solve(new OdeProblem(system, t, y, next, grid, List.of(), triggers));
                    for (int i = 0; i < s.times().length; i++) {
                        record(s.times()[i], s.states()[i]);
                    }
                    t = s.finalTime();
                    y = s.finalState();
                } else {
                    t = Math.max(t, next);
                }
                processEvents();
                record(t, y);
            }
            for (int i = 0; i < out.length; i++) {
                if (out[i] == null) {
                    throw new OsteobiomeException(ErrorCode.INTERNAL, "output time " + times[i] + " was not reached");
                }
            }
            return new Result(times.clone(), variables, out);
        }

        private static boolean same(double a, double b) {
            return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
        }

        private void record(double time, double[] state) {
            double[] v = m.values(time, state);
            for (int i = 0; i < times.length; i++) {
                if (same(times[i], time)) {
                    double[] row = new double[variables.size()];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = m.output(variables.get(c), amounts.contains(variables.get(c)), v);
                    }
                    out[i] = row;
                }
            }
        }

        /** Fires triggers that turned true, cancels non-persistent ones that turned false, and executes what is due now. */
        private void processEvents() {
            for (int executed = 0; ; executed++) {
                if (executed > MAX_EXECUTIONS_AT_ONE_TIME) {
                    throw new OsteobiomeException(ErrorCode.SOLVER_FAILURE, "at time " + t + " events executed more than "
                            + MAX_EXECUTIONS_AT_ONE_TIME + " times: they keep re-triggering each other");
                }
                updateTriggers();
                List<Pending> due = new ArrayList<>();
                for (Pending p : pending) {
                    if (p.time() <= t || same(p.time(), t)) {
                        due.add(p);
                    }
                }
                if (due.isEmpty()) {
                    return;
                }
                Pending chosen = highestPriority(due);
                pending.remove(chosen);
                execute(chosen);
            }
        }

        private void updateTriggers() {
            double[] v = m.values(t, y);
            for (int i = 0; i < was.length; i++) {
                SbmlEvent e = m.events.get(i);
                boolean now = Expr.truth(e.trigger().eval(t, v));
                if (now && !was[i]) {
                    double delay = e.delay() == null ? 0 : e.delay().eval(t, v);
                    if (!(delay >= 0)) {
                        throw OsteobiomeException.invalid("event " + e.id() + " has a negative or undefined delay at time " + t);
                    }
                    double[] values = e.valuesFromTriggerTime() ? evaluate(e, v) : null;
                    pending.add(new Pending(t + delay, e, i, values, order++));
                } else if (!now && was[i] && !e.persistent()) {
                    int index = i;
                    pending.removeIf(p -> p.index() == index);
                }
                was[i] = now;
            }
        }

        private Pending highestPriority(List<Pending> due) {
            double[] v = m.values(t, y);
            double best = Double.NEGATIVE_INFINITY;
            List<Pending> top = new ArrayList<>();
            for (Pending p : due) {
                double priority = p.event().priority() == null ? Double.NEGATIVE_INFINITY : p.event().priority().eval(t, v);
                if (Double.isNaN(priority)) {
                    priority = Double.NEGATIVE_INFINITY;
                }
                if (priority > best) {
                    best = priority;
                    top.clear();
                    top.add(p);
                } else if (priority == best) {
                    top.add(p);
                }
            }
            if (top.size() == 1 || best != Double.NEGATIVE_INFINITY) {
                // Equal explicit priorities execute in random order (seeded); without priorities, in trigger order.
                return top.size() == 1 ? top.get(0) : top.get(random.nextInt(top.size()));
            }
            top.sort((a, b) -> Long.compare(a.order(), b.order()));
            return top.get(0);
        }

        private double[] evaluate(SbmlEvent e, double[] v) {
            double[] values = new double[e.assignments().size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = e.assignments().get(k).math().eval(t, v);
            }
            return values;
        }

        private void execute(Pending p) {
            double[] v = m.values(t, y);
            double[] values = p.values() != null ? p.values() : evaluate(p.event(), v);
            double[] next = y.clone();
            List<SbmlEvent.Assignment> assignments = p.event().assignments();
            for (int k = 0; k < values.length; k++) {
                SbmlEvent.Assignment a = assignments.get(k);
                // A concentration assigned to a species held as its amount is converted with the size before the event.
                next[a.state()] = a.compartmentSlot() < 0 ? values[k] : values[k] * v[a.compartmentSlot()];
            }
            // Species integrated as concentrations keep their amount when the event resizes their compartment; a
            // concentration the same event assigns is taken at the size before the event (SBML L3V2 §4.11.7).
            double[] after = m.values(t, next);
            for (int i = 0; i < next.length; i++) {
                int c = m.concentrationCompartment[i];
                if (c >= 0 && after[c] != v[c]) {
                    next[i] = next[i] * v[c] / after[c];
                }
            }
            y = next;
        }
    }
}
