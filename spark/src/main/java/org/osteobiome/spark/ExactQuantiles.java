package org.osteobiome.spark;

import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.osteobiome.core.Progress;
import org.osteobiome.core.Quantiles;

/**
 * Exact type-7 quantiles of every output cell over blocks spread across a cluster, without gathering the values: each
 * needed order statistic is found by a 16-way search over {@link SortableKeys}, one small job per round, every job counting
 * per block by binary search how many values lie at or below each of a target's 15 probes. About 16 rounds for any
 * values; the numbers are those {@link Quantiles#of} gives on the whole sorted column.
 */
final class ExactQuantiles {
    /** Probes per target and round: each round cuts every interval into 16, so 64-bit keys need about 16 rounds. */
    static final int PROBES = 15;
    private static final int ROUNDS = 16;

    private ExactQuantiles() {
    }

    /**
     * @param blocks cached blocks, each with {@code cells} sorted key columns
     * @param ran    the values per cell over all blocks (the same in every cell)
     * @return {@code quantiles[cell][level]}
     */
    static double[][] of(JavaSparkContext jsc, JavaRDD<PopulationBlock> blocks, int cells, long ran, double[] levels,
                         Progress progress) {
        long[] ranks = ranks(ran, levels);
        int targets = cells * ranks.length;
        int[] cellOf = new int[targets];
        long[] rankOf = new long[targets];
        for (int c = 0; c < cells; c++) {
            for (int r = 0; r < ranks.length; r++) {
                cellOf[c * ranks.length + r] = c;
                rankOf[c * ranks.length + r] = ranks[r];
            }
        }
        long[] range = blocks.map(PopulationBlock::range).treeReduce(ExactQuantiles::widest);
        long[] lo = new long[targets];
        long[] hi = new long[targets];
        for (int i = 0; i < targets; i++) {
            lo[i] = range[2 * cellOf[i]];
            hi[i] = range[2 * cellOf[i] + 1];
        }
        Broadcast<int[]> cellsOfTargets = jsc.broadcast(cellOf);
        for (int round = 1; ; round++) {
            long[] probes = new long[targets * PROBES];
            boolean open = false;
            for (int i = 0; i < targets; i++) {
                SortableKeys.probes(lo[i], hi[i], probes, i * PROBES, PROBES);
                open |= lo[i] < hi[i];
            }
            if (!open) {
                break;
            }
            Broadcast<long[]> bounds = jsc.broadcast(probes);
            long[] atMost = blocks.map(b -> b.countAtMost(cellsOfTargets.value(), bounds.value(), PROBES))
                    .treeReduce(ExactQuantiles::add);
            bounds.destroy();
            for (int i = 0; i < targets; i++) {
                if (lo[i] < hi[i]) {
                    narrow(lo, hi, i, probes, atMost, rankOf[i]);
                }
            }
            progress.report(round, Math.max(round, ROUNDS));
        }
        progress.report(ROUNDS, ROUNDS);
        cellsOfTargets.destroy();
        double[][] out = new double[cells][levels.length];
        for (int c = 0; c < cells; c++) {
            for (int q = 0; q < levels.length; q++) {
                double h = Quantiles.position(ran, levels[q]);
                long below = (long) Math.floor(h);
                long above = Math.min(ran - 1, below + 1);
                out[c][q] = Quantiles.interpolate(orderStatistic(lo, c, ranks, below), orderStatistic(lo, c, ranks, above), h - below);
            }
        }
        return out;
    }

    /** The ascending distinct 0-based ranks whose order statistics the levels need. */
    static long[] ranks(long ran, double[] levels) {
        TreeSet<Long> ranks = new TreeSet<>();
        for (double p : levels) {
            long below = (long) Math.floor(Quantiles.position(ran, p));
            ranks.add(below);
            ranks.add(Math.min(ran - 1, below + 1));
        }
        return ranks.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Keeps the part of target i's interval that holds its order statistic: up to the first probe with more than
     * {@code rank} values at or below it, and above the probe before that one.
     */
    private static void narrow(long[] lo, long[] hi, int i, long[] probes, long[] atMost, long rank) {
        for (int j = 0; j < PROBES; j++) {
            long probe = probes[i * PROBES + j];
            if (atMost[i * PROBES + j] > rank) {
                hi[i] = probe;
                return;
            }
            lo[i] = probe + 1;
        }
    }

    private static double orderStatistic(long[] found, int cell, long[] ranks, long rank) {
        int r = java.util.Arrays.binarySearch(ranks, rank);
        return SortableKeys.value(found[cell * ranks.length + r]);
    }

    private static long[] widest(long[] a, long[] b) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i += 2) {
            out[i] = Math.min(a[i], b[i]);
            out[i + 1] = Math.max(a[i + 1], b[i + 1]);
        }
        return out;
    }

    private static long[] add(long[] a, long[] b) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }
}
