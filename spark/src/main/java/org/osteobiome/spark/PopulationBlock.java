package org.osteobiome.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osteobiome.model.vpop.VirtualPopulation;

/**
 * The subjects {@code first … first + count − 1} of a population, simulated on one worker: their drawn parameters and
 * final values, and for every output cell (observable × time) the values of the subjects that ran as sorted keys, which
 * is all the exact quantiles need.
 */
final class PopulationBlock implements Serializable {
    private static final long serialVersionUID = 1L;

    final long first;
    final double[][] parameters;
    /** Per subject the last value of each observable; null for a subject that failed. */
    final double[][] finals;
    /** Per subject why it failed; null for one that ran. */
    final String[] failures;
    /** {@code keys[observable × times + time]}: ascending {@link SortableKeys} of the subjects that ran. */
    final long[][] keys;

    private PopulationBlock(long first, double[][] parameters, double[][] finals, String[] failures, long[][] keys) {
        this.first = first;
        this.parameters = parameters;
        this.finals = finals;
        this.failures = failures;
        this.keys = keys;
    }

    static PopulationBlock simulate(VirtualPopulation.Cohort cohort, long first, long end) {
        int count = Math.toIntExact(end - first);
        int k = cohort.observables().size();
        int times = cohort.time().length;
        double[][] parameters = new double[count][];
        double[][] finals = new double[count][];
        String[] failures = new String[count];
        List<double[][]> ran = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            VirtualPopulation.Subject subject = cohort.subject(first + s);
            parameters[s] = subject.parameters();
            if (subject.ran()) {
                double[][] values = subject.values();
                ran.add(values);
                finals[s] = values[times - 1].clone();
            } else {
                failures[s] = subject.failure();
            }
        }
        long[][] keys = new long[k * times][ran.size()];
        for (int c = 0; c < k; c++) {
            for (int t = 0; t < times; t++) {
                long[] cell = keys[c * times + t];
                for (int s = 0; s < cell.length; s++) {
                    cell[s] = SortableKeys.key(ran.get(s)[t][c]);
                }
                Arrays.sort(cell);
            }
        }
        return new PopulationBlock(first, parameters, finals, failures, keys);
    }

    int ran() {
        int ran = 0;
        for (String f : failures) {
            if (f == null) {
                ran++;
            }
        }
        return ran;
    }

    /** For every target i and each of its {@code probes} bounds {@code bounds[i × probes + j]}: how many of this block's values in its cell are at most that bound. */
    long[] countAtMost(int[] cells, long[] bounds, int probes) {
        long[] counts = new long[bounds.length];
        for (int i = 0; i < cells.length; i++) {
            long[] cell = keys[cells[i]];
            for (int j = 0; j < probes; j++) {
                counts[i * probes + j] = SortableKeys.countAtMost(cell, bounds[i * probes + j]);
            }
        }
        return counts;
    }

    /** Per cell the smallest and largest key ({@code [2 × cell]}, {@code [2 × cell + 1]}); empty cells give (MAX, MIN). */
    long[] range() {
        long[] range = new long[2 * keys.length];
        for (int c = 0; c < keys.length; c++) {
            long[] cell = keys[c];
            range[2 * c] = cell.length == 0 ? Long.MAX_VALUE : cell[0];
            range[2 * c + 1] = cell.length == 0 ? Long.MIN_VALUE : cell[cell.length - 1];
        }
        return range;
    }

    /** This block's failure messages in subject order, at most {@code most}. */
    List<String> firstFailures(int most) {
        List<String> out = new ArrayList<>();
        for (String f : failures) {
            if (f != null && out.size() < most) {
                out.add(f);
            }
        }
        return out;
    }
}
