package org.osteobiome.microbiome.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * osteobiome's random forest on planted data with a known Bayes-optimal AUROC, beside Tribuo 4.3.2's random forest
 * (CART, Gini, voting) on the same training and test sets: held-out AUROC close to Tribuo's and to what the planted
 * effects allow, the planted features the most important, same seed same forest.
 */
class RandomForestTest {
    private static final int P = 40;
    private static final int PLANTED = 5;
    private static final double SHIFT = 0.6;

    /** Gaussian features, the first five shifted by SHIFT in cases. */
    private static double[][] features(int n, int[] y, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][P];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int j = 0; j < P; j++) {
                x[i][j] = r.nextGaussian() + (j < PLANTED ? SHIFT * y[i] : 0);
            }
        }
        return x;
    }

    private static double auc(double[] score, int[] y) {
        return Roc.of(score, y, 0.95).auc();
    }

    @Test
    void heldOutAurocMatchesTribuosForestAndStaysBelowTheBayesBound() {
        int[] y = new int[300];
        double[][] x = features(300, y, 1);
        int[] yTest = new int[2000];
        double[][] xTest = features(2000, yTest, 2);
        RandomForest ours = RandomForest.fit(x, y, 300, (int) Math.sqrt(P), 3);
        double[] s = Arrays.stream(xTest).mapToDouble(ours::probability).toArray();
        double oursAuc = auc(s, yTest);

        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        LabelFactory labels = new LabelFactory();
        String[] names = new String[P];
        for (int j = 0; j < P; j++) {
            names[j] = String.format("f%02d", j);
        }
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("planted",
                OffsetDateTime.parse("2026-01-01T00:00:00Z"), labels), labels);
        for (int i = 0; i < x.length; i++) {
            data.add(new ArrayExample<>(new Label(y[i] == 1 ? "case" : "control"), names, x[i]));
        }
        CARTClassificationTrainer cart = new CARTClassificationTrainer(Integer.MAX_VALUE, 1f, 0f,
                (float) ((int) Math.sqrt(P)) / P, new GiniIndex(), 3);
        Model<Label> tribuo = new RandomForestTrainer<>(cart, new VotingCombiner(), 300, 3).train(data);
        double[] t = new double[xTest.length];
        for (int i = 0; i < xTest.length; i++) {
            Label score = tribuo.predict(new ArrayExample<>(new Label("control"), names, xTest[i])).getOutputScores().get("case");
            t[i] = score == null ? 0 : score.getScore();
        }
        double tribuoAuc = auc(t, yTest);
        // Bayes bound: the log-likelihood ratio is proportional to the sum of the planted features, which differs between
        // the classes by SHIFT·√PLANTED standard deviations, so the best AUROC is Φ(SHIFT·√PLANTED/√2) = 0.83.
        double bayes = new org.hipparchus.distribution.continuous.NormalDistribution().cumulativeProbability(
                SHIFT * Math.sqrt(PLANTED) / Math.sqrt(2));
        // AUROC standard error on 2,000 test samples is about 0.01; two forests of 300 trees differ by their randomness too.
        assertThat(oursAuc).as("ours %.3f vs Tribuo %.3f", oursAuc, tribuoAuc).isCloseTo(tribuoAuc,
                org.assertj.core.data.Offset.offset(0.04));
        assertThat(oursAuc).as("below the Bayes bound %.3f", bayes).isLessThan(bayes + 0.02).isGreaterThan(0.65);

        double[] importance = ours.importance();
        Integer[] order = new Integer[P];
        for (int j = 0; j < P; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(importance[b], importance[a]));
        assertThat(Arrays.asList(order).subList(0, PLANTED)).as("the planted features are the most important")
                .containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(Arrays.stream(importance).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void theSameSeedGivesTheSameForest() {
        int[] y = new int[120];
        double[][] x = features(120, y, 5);
        RandomForest a = RandomForest.fit(x, y, 50, 6, 9);
        RandomForest b = RandomForest.fit(x, y, 50, 6, 9);
        RandomForest c = RandomForest.fit(x, y, 50, 6, 10);
        double[] probe = x[7];
        assertThat(b.probability(probe)).isEqualTo(a.probability(probe));
        assertThat(b.importance()).containsExactly(a.importance());
        assertThat(c.importance()).isNotEqualTo(a.importance());
    }

    @Test
    void cutPointsLieMidwayBetweenDistinctValuesAndAreThinnedToTheBinCount() {
        assertThat(RandomForest.cuts(new double[] {3, 1, 1, 2})).containsExactly(1.5, 2.5);
        assertThat(RandomForest.cuts(new double[] {4, 4, 4})).isEmpty();
        double[] many = java.util.stream.IntStream.range(0, 1000).asDoubleStream().toArray();
        double[] cuts = RandomForest.cuts(many);
        assertThat(cuts).hasSize(RandomForest.BINS - 1).isSorted();
        assertThat(RandomForest.bin(cuts, -1)).isZero();
        assertThat(RandomForest.bin(cuts, 5000)).isEqualTo(cuts.length);
        assertThat(RandomForest.bin(cuts, cuts[3])).as("a value on a cut goes left of it").isEqualTo(3);
    }

    @Test
    void crossValidationTunesMtryOnTheSameFoldsAsTheElasticNet() {
        int[] y = new int[100];
        double[][] x = features(100, y, 11);
        ElasticNetCv.Settings settings = new ElasticNetCv.Settings(2, 4, 3, 1, 4);
        RandomForestCv.Result a = RandomForestCv.run(x, y, settings, 60, 1, done -> { });
        RandomForestCv.Result b = RandomForestCv.run(x, y, settings, 60, 2, done -> { });
        assertThat(b.outOfFold()).as("independent of threads").containsExactly(a.outOfFold());
        assertThat(a.foldMtry()).hasSize(8);
        for (int m : a.foldMtry()) {
            assertThat(RandomForestCv.grid(P)).contains(m);
        }
        assertThat(RandomForestCv.grid(P)).containsExactly(3, 6, 12);
        assertThat(a.perRepeatAuc()).hasSize(2);
        for (double v : a.stability()) {
            assertThat(v).isBetween(0.0, 1.0);
        }
    }
}
