package org.osteobiome.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.osteobiome.microbiome.ordination.CentredProducts;
import scala.Tuple2;

/**
 * Gower's centred matrix B = A − r·1ᵀ − 1·rᵀ + g·1·1ᵀ (A = −½·D², r its row means, g their mean) over distance blocks
 * spread across a cluster. A product B·X sends X to every task and brings back one n × k partial result per block
 * row, so no node ever holds the matrix.
 */
final class BlockCentred implements CentredProducts {
    private final JavaSparkContext jsc;
    private final JavaRDD<DistanceBlock> blocks;
    private final int n;
    private final double[] rowMean;
    private final double grandMean;

    BlockCentred(JavaSparkContext jsc, JavaRDD<DistanceBlock> blocks, int n) {
        this.jsc = jsc;
        this.blocks = blocks;
        this.n = n;
        double[] sums = new double[n];
        for (Tuple2<Integer, double[]> part : blocks.flatMapToPair(b -> pieces(b, b.halfSquaredSums(), 1)).reduceByKey(BlockCentred::add)
                .collect()) {
            System.arraycopy(part._2(), 0, sums, part._1(), part._2().length);
        }
        rowMean = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            rowMean[i] = sums[i] / n;
            total += rowMean[i];
        }
        grandMean = total / n;
    }

    /** A block's two partial results keyed by the first sample of the rows (or columns) they belong to. */
    private static java.util.Iterator<Tuple2<Integer, double[]>> pieces(DistanceBlock b, double[][] parts, int k) {
        List<Tuple2<Integer, double[]>> out = new ArrayList<>(2);
        out.add(new Tuple2<>(b.r0() * k, parts[0]));
        if (parts[1] != null) {
            out.add(new Tuple2<>(b.c0() * k, parts[1]));
        }
        return out.iterator();
    }

    private static double[] add(double[] a, double[] b) {
        double[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += b[i];
        }
        return out;
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public double[][] times(double[][] x) {
        int k = x[0].length;
        double[] flat = new double[n * k];
        double[] columnSum = new double[k];
        double[] meanWeighted = new double[k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                flat[i * k + c] = x[i][c];
                columnSum[c] += x[i][c];
                meanWeighted[c] += rowMean[i] * x[i][c];
            }
        }
        Broadcast<double[]> shared = jsc.broadcast(flat);
        JavaPairRDD<Integer, double[]> parts = blocks.flatMapToPair(b -> pieces(b, b.timesHalfSquared(shared.value(), k), k))
                .reduceByKey(BlockCentred::add);
        double[] ax = new double[n * k];
        for (Tuple2<Integer, double[]> part : parts.collect()) {
            System.arraycopy(part._2(), 0, ax, part._1(), part._2().length);
        }
        shared.destroy();
        double[][] out = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                out[i][c] = ax[i * k + c] - rowMean[i] * columnSum[c] - meanWeighted[c] + grandMean * columnSum[c];
            }
        }
        return out;
    }

    @Override
    public double trace() {
        // B_ii = A_ii − 2·r_i + g with A_ii = 0
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += grandMean - 2 * rowMean[i];
        }
        return trace;
    }
}
