package org.osteobiome.microbiome.classify;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Parallel;

/**
 * Repeated stratified cross-validation of a {@link RandomForest} with nested tuning of mtry: in every outer training
 * set, mtry is chosen from {⌈√p/2⌉, ⌊√p⌋, 2⌊√p⌋} by the lowest out-of-bag Brier score of a forest of
 * {@value #INNER_TREES} trees grown on that training set alone (decision 0006), then a forest of the full size is grown on the outer training set
 * and predicts the held-out fold. The outer folds are those of {@link ElasticNetCv} for the same seed, so the two
 * classifiers are compared on the same splits. Everything is seeded and independent of the thread count.
 */
public final class RandomForestCv {
    private RandomForestCv() {
    }

    static final int INNER_TREES = 100;

    /**
     * @param outOfFold  per sample, its held-out probability averaged over the repeats
     * @param perRepeatAuc AUROC of each repeat's held-out probabilities
     * @param mtry       the final forest's mtry (tuned on all samples)
     * @param foldMtry   the mtry chosen in each outer fold
     * @param importance the final forest's Gini importance shares
     * @param stability  per feature, the share of fold forests in which it is among the 20 most important
     */
    public record Result(double[] outOfFold, double[] perRepeatAuc, int trees, int mtry, int[] foldMtry, double[] importance,
                         double[] stability) {
    }

    public static Result run(double[][] x, int[] y, ElasticNetCv.Settings settings, int trees, int threads, IntConsumer progress) {
        if (trees < 10 || trees > 100_000) {
            throw OsteobiomeException.invalid("--trees " + trees + ": give 10 to 100000");
        }
        int n = y.length;
        int p = x[0].length;
        int k = settings.folds();
        int tasks = settings.repeats() * k;
        double[][] predictions = new double[settings.repeats()][n];
        int[][] assignments = new int[settings.repeats()][];
        for (int r = 0; r < settings.repeats(); r++) {
            assignments[r] = StratifiedFolds.assign(y, k, settings.seed() + r);
        }
        int[] foldMtry = new int[tasks];
        double[] stability = new double[p];
        boolean[][] top = new boolean[tasks][];
        AtomicInteger done = new AtomicInteger();
        Parallel.forEach(threads, tasks, task -> {
            int r = task / k;
            int f = task % k;
            int[] train = ElasticNetCv.indices(assignments[r], f, false);
            int[] test = ElasticNetCv.indices(assignments[r], f, true);
            double[][] xTrain = ElasticNetCv.rows(x, train);
            int[] yTrain = ElasticNetCv.labels(y, train);
            long seed = settings.seed() * 31 + task + 1;
            int mtry = tune(xTrain, yTrain, seed);
            RandomForest forest = RandomForest.fit(xTrain, yTrain, trees, mtry, seed);
            foldMtry[task] = mtry;
            for (int i : test) {
                predictions[r][i] = forest.probability(x[i]);
            }
            top[task] = topFeatures(forest.importance(), 20);
            progress.accept(done.incrementAndGet());
        });
        for (boolean[] t : top) {
            for (int j = 0; j < p; j++) {
                stability[j] += t[j] ? 1.0 / tasks : 0;
            }
        }
        double[] mean = new double[n];
        double[] aucs = new double[settings.repeats()];
        for (int r = 0; r < settings.repeats(); r++) {
            for (int i = 0; i < n; i++) {
                mean[i] += predictions[r][i] / settings.repeats();
            }
            aucs[r] = Roc.of(predictions[r], y, 0.95).auc();
        }
        int mtry = tune(x, y, settings.seed() * 31);
        RandomForest finalForest = RandomForest.fit(x, y, trees, mtry, settings.seed() * 31);
        return new Result(mean, aucs, trees, mtry, foldMtry, finalForest.importance(), stability);
    }

    /** Candidate mtry values for p features. */
    static int[] grid(int p) {
        int root = Math.max(1, (int) Math.floor(Math.sqrt(p)));
        return Arrays.stream(new int[] {Math.max(1, (root + 1) / 2), root, Math.min(p, 2 * root)}).distinct().toArray();
    }

    /**
     * The mtry with the lowest out-of-bag Brier score of a {@value #INNER_TREES}-tree forest on these (training)
     * samples, as randomForest's tuneRF judges mtry by out-of-bag error: the outer test fold is never seen.
     */
    static int tune(double[][] x, int[] y, long seed) {
        int[] candidates = grid(x[0].length);
        int best = 0;
        double bestBrier = Double.POSITIVE_INFINITY;
        for (int c = 0; c < candidates.length; c++) {
            double brier = RandomForest.fit(x, y, INNER_TREES, candidates[c], seed + 7919L * (c + 1)).outOfBagBrier();
            if (brier < bestBrier) {
                bestBrier = brier;
                best = c;
            }
        }
        return candidates[best];
    }

    private static boolean[] topFeatures(double[] importance, int count) {
        Integer[] order = new Integer[importance.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(importance[b], importance[a]));
        boolean[] out = new boolean[importance.length];
        for (int j = 0; j < Math.min(count, order.length); j++) {
            if (importance[order[j]] > 0) {
                out[order[j]] = true;
            }
        }
        return out;
    }
}
