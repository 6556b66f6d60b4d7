package org.osteobiome.model.vpop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.osteobiome.core.MemoryBudget;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Parallel;
import org.osteobiome.core.Progress;
import org.osteobiome.model.Model;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;

/**
 * Virtual populations: N subjects whose parameters are drawn from a {@link Variability}, simulated in parallel.
 * Subject i draws from a generator seeded by (seed, i) ({@link Cohort}), so the population does not depend on the thread count
 * or the engine.
 * Subjects whose simulation fails are counted and listed, never dropped silently.
 */
public final class VirtualPopulation {
    /** Quantile levels reported over subjects. */
    public static final double[] LEVELS = {0.05, 0.25, 0.5, 0.75, 0.95};

    private VirtualPopulation() {
    }

    /**
     * The outcome.
     *
     * @param observables the summarised observables
     * @param time        output times (days)
     * @param quantiles   {@code quantiles[observable][time][level]} over the subjects that ran
     * @param parameters  per subject the drawn values of the varied parameters (in variability order)
     * @param finals      per subject the last value of each observable (NaN for failed subjects)
     * @param failures    "subject i: cause" for every failed subject
     * @param display     how to label the time axis
     */
    public record Result(List<String> observables, double[] time, double[][][] quantiles, double[][] parameters, double[][] finals,
                         List<String> failures, Trajectory.TimeDisplay display) {

        public Summary summary() {
            return new Summary(observables, time, quantiles, parameters.length, failures.size(), failures, display);
        }
    }

    /**
     * What a population's report shows, whichever engine ran it.
     *
     * @param quantiles     {@code quantiles[observable][time][level]} over the subjects that ran, at {@link #LEVELS}
     * @param subjects      subjects simulated
     * @param failed        subjects whose run failed
     * @param firstFailures "subject i: cause" for the first failed subjects (all of them for the local engine)
     */
    public record Summary(List<String> observables, double[] time, double[][][] quantiles, long subjects, long failed,
                          List<String> firstFailures, Trajectory.TimeDisplay display) {
        public Summary {
            observables = List.copyOf(observables);
            firstFailures = List.copyOf(firstFailures);
        }
    }

    /** One subject: its drawn parameters (variability order) and its trajectory {@code values[time][observable]}, or why it failed. */
    public record Subject(long index, double[] parameters, double[][] values, String failure) {
        public boolean ran() {
            return values != null;
        }
    }

    /**
     * A population's fixed inputs, prepared once: any subject can then be simulated on its own, by any engine, and is the
     * same wherever it runs. Subject i draws from a generator seeded by (seed, i).
     */
    public static final class Cohort {
        private final Model model;
        private final ParameterSet base;
        private final SimulationSettings settings;
        private final Variability variability;
        private final long seed;
        private final double[] nominal;
        private final List<String> names;
        private final double[] time;
        private final Trajectory.TimeDisplay display;

        public Cohort(Model model, ParameterSet base, SimulationSettings settings, Variability variability, List<String> observables,
                      long seed) {
            this.model = model;
            this.base = base;
            this.settings = settings;
            this.variability = variability;
            this.seed = seed;
            this.nominal = variability.nominal(base);
            Trajectory reference = model.simulate(base, settings).select(observables);
            this.names = reference.names();
            this.time = reference.time();
            this.display = reference.timeLabel();
        }

        public List<String> observables() {
            return names;
        }

        public double[] time() {
            return time.clone();
        }

        public Trajectory.TimeDisplay display() {
            return display;
        }

        /** Subject {@code i} (from 0): drawn and simulated. */
        public Subject subject(long i) {
            ParameterSet p = variability.draw(base, nominal, Parallel.random(seed, i));
            double[] values = new double[variability.variations().size()];
            for (int j = 0; j < values.length; j++) {
                values[j] = p.real(variability.variations().get(j).parameter());
            }
            try {
                return new Subject(i, values, model.simulate(p, settings).select(names).values(), null);
            } catch (OsteobiomeException e) {
                return new Subject(i, values, null, "subject " + (i + 1) + ": " + e.getMessage());
            }
        }
    }

    public static Result run(Model model, ParameterSet base, SimulationSettings settings, Variability variability, List<String> observables,
                             int n, long seed, int threads, Progress progress) {
        return run(model, base, settings, variability, observables, n, seed, threads, progress, (i, values) -> { });
    }

    /** Receives each subject's trajectory ({@code values[time][observable]}) as it finishes, from any thread. */
    @FunctionalInterface
    public interface SubjectListener {
        void finished(int subject, double[][] values);
    }

    /** As {@link #run(Model, ParameterSet, SimulationSettings, Variability, List, int, long, int, Progress)}, handing every
     * subject that ran to {@code listener}. */
    public static Result run(Model model, ParameterSet base, SimulationSettings settings, Variability variability, List<String> observables,
                             int n, long seed, int threads, Progress progress, SubjectListener listener) {
        if (n < 1) {
            throw OsteobiomeException.invalid("a population needs at least 1 subject");
        }
        Cohort cohort = new Cohort(model, base, settings, variability, observables, seed);
        List<String> names = cohort.observables();
        double[] time = cohort.time();
        int k = names.size();
        // Every subject's trajectory is kept for the quantiles: times × (observables + an array header) per subject.
        MemoryBudget.require((double) n * (time.length * (8.0 * k + 24) + 8.0 * variability.variations().size() + 64),
                "a population of " + n + " subjects × " + time.length + " output times × " + k + " observables",
                "simulate fewer subjects, fewer observables or a coarser output step (--step)");
        double[][][] perSubject = new double[n][][];
        double[][] drawn = new double[n][];
        String[] failed = new String[n];
        AtomicLong done = new AtomicLong();
        Parallel.forEach(Math.max(1, threads), n, i -> {
            Subject subject = cohort.subject(i);
            drawn[i] = subject.parameters();
            if (subject.ran()) {
                perSubject[i] = subject.values();
                listener.finished(i, perSubject[i]);
            } else {
                failed[i] = subject.failure();
            }
            progress.report(done.incrementAndGet(), n);
        });
        List<String> failures = new ArrayList<>();
        int ok = 0;
        for (int i = 0; i < n; i++) {
            if (failed[i] != null) {
                failures.add(failed[i]);
            } else {
                ok++;
            }
        }
        if (ok == 0) {
            throw OsteobiomeException.invalid("every subject failed; first: " + failures.get(0));
        }
        double[][][] quantiles = new double[k][time.length][LEVELS.length];
        double[] column = new double[ok];
        for (int c = 0; c < k; c++) {
            for (int t = 0; t < time.length; t++) {
                int m = 0;
                for (int i = 0; i < n; i++) {
                    if (perSubject[i] != null) {
                        column[m++] = perSubject[i][t][c];
                    }
                }
                Arrays.sort(column);
                for (int q = 0; q < LEVELS.length; q++) {
                    quantiles[c][t][q] = org.osteobiome.core.Quantiles.of(column, LEVELS[q]);
                }
            }
        }
        double[][] finals = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                finals[i][c] = perSubject[i] == null ? Double.NaN : perSubject[i][time.length - 1][c];
            }
        }
        return new Result(names, time, quantiles, drawn, finals, failures, cohort.display());
    }
}
