package org.osteobiome.microbiome.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Parallel;

/**
 * Repeated stratified cross-validation of {@link ElasticNetLogistic} with nested tuning: in every outer training set
 * an inner stratified k-fold picks λ from a 30-step path (λ_max to λ_max/100) by mean held-out binomial deviance (as
 * glmnet's {@code cv.glmnet(type.measure = "deviance")}); the outer held-out samples are predicted by the model refitted
 * on the whole outer training set at that λ. Everything is seeded: repeat r uses seed + r for its outer folds.
 */
public final class ElasticNetCv {
    private ElasticNetCv() {
    }

    /**
     * @param repeats    outer repetitions
     * @param folds      outer folds
     * @param innerFolds inner folds for λ
     * @param alpha      elastic-net mixing (1 lasso)
     * @param seed       random seed
     */
    public record Settings(int repeats, int folds, int innerFolds, double alpha, long seed) {
        public Settings {
            if (repeats < 1 || repeats > 100) {
                throw OsteobiomeException.invalid("--cv-repeats must be between 1 and 100, got " + repeats);
            }
            if (folds < 2 || innerFolds < 2) {
                throw OsteobiomeException.invalid("cross-validation needs at least 2 outer and 2 inner folds");
            }
            if (!(alpha > 0 && alpha <= 1)) {
                throw OsteobiomeException.invalid("--alpha must lie in (0, 1] (1 = lasso), got " + alpha);
            }
        }
    }

    /**
     * @param outOfFold    per sample, its held-out probability averaged over the repeats
     * @param perRepeatAuc AUROC of each repeat's held-out probabilities
     * @param foldModels   every outer fold's model (repeats × folds)
     * @param finalModel   the model on all samples, λ chosen by one inner cross-validation on all of them
     * @param stability    per feature, the share of fold models in which it is non-zero
     */
    public record Result(double[] outOfFold, double[] perRepeatAuc, List<ElasticNetLogistic.Model> foldModels,
                         ElasticNetLogistic.Model finalModel, double[] stability) {
    }

    public static Result run(double[][] x, int[] y, Settings settings, int threads, IntConsumer progress) {
        int n = y.length;
        int k = settings.folds();
        int tasks = settings.repeats() * k;
        double[][] predictions = new double[settings.repeats()][n];
        ElasticNetLogistic.Model[] models = new ElasticNetLogistic.Model[tasks];
        int[][] assignments = new int[settings.repeats()][];
        for (int r = 0; r < settings.repeats(); r++) {
            assignments[r] = StratifiedFolds.assign(y, k, settings.seed() + r);
        }
        AtomicInteger done = new AtomicInteger();
        Parallel.forEach(threads, tasks, task -> {
            int r = task / k;
            int f = task % k;
            int[] train = indices(assignments[r], f, false);
            int[] test = indices(assignments[r], f, true);
            double[][] xTrain = rows(x, train);
            int[] yTrain = labels(y, train);
            double lambda = tune(xTrain, yTrain, settings, settings.seed() * 31 + task + 1);
            ElasticNetLogistic.Model m = ElasticNetLogistic.fit(xTrain, yTrain, settings.alpha(), lambda);
            models[task] = m;
            for (int i : test) {
                predictions[r][i] = m.probability(x[i]);
            }
            progress.accept(done.incrementAndGet());
        });
        double[] mean = new double[n];
        double[] aucs = new double[settings.repeats()];
        for (int r = 0; r < settings.repeats(); r++) {
            for (int i = 0; i < n; i++) {
                mean[i] += predictions[r][i] / settings.repeats();
            }
            aucs[r] = Roc.of(predictions[r], y, 0.95).auc();
        }
        double lambda = tune(x, y, settings, settings.seed() * 31);
        ElasticNetLogistic.Model finalModel = ElasticNetLogistic.fit(x, y, settings.alpha(), lambda);
        double[] stability = new double[x[0].length];
        for (ElasticNetLogistic.Model m : models) {
            for (int j = 0; j < stability.length; j++) {
                stability[j] += m.coefficients()[j] != 0 ? 1.0 / tasks : 0;
            }
        }
        return new Result(mean, aucs, List.of(models), finalModel, stability);
    }

    /** λ with the lowest mean held-out deviance over inner stratified folds. */
    static double tune(double[][] x, int[] y, Settings settings, long seed) {
        double[] lambdas = ElasticNetLogistic.lambdaPath(x, y, settings.alpha(), 30, 0.01);
        int[] fold = StratifiedFolds.assign(y, Math.min(settings.innerFolds(), minClass(y)), seed);
        int folds = Arrays.stream(fold).max().orElse(0) + 1;
        double[] deviance = new double[lambdas.length];
        for (int f = 0; f < folds; f++) {
            int[] train = indices(fold, f, false);
            int[] test = indices(fold, f, true);
            ElasticNetLogistic.Model[] path = ElasticNetLogistic.path(rows(x, train), labels(y, train), settings.alpha(), lambdas,
                    ElasticNetLogistic.TUNING);
            for (int l = 0; l < lambdas.length; l++) {
                for (int i : test) {
                    double p = Math.min(Math.max(path[l].probability(x[i]), 1e-12), 1 - 1e-12);
                    deviance[l] += -2 * (y[i] == 1 ? Math.log(p) : Math.log(1 - p));
                }
            }
        }
        int best = 0;
        for (int l = 1; l < lambdas.length; l++) {
            if (deviance[l] < deviance[best]) {
                best = l;
            }
        }
        return lambdas[best];
    }

    private static int minClass(int[] y) {
        int cases = Arrays.stream(y).sum();
        return Math.max(2, Math.min(cases, y.length - cases));
    }

    static int[] indices(int[] fold, int f, boolean inFold) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == f) == inFold) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    static double[][] rows(double[][] x, int[] idx) {
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = x[idx[i]];
        }
        return out;
    }

    static int[] labels(int[] y, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = y[idx[i]];
        }
        return out;
    }
}
