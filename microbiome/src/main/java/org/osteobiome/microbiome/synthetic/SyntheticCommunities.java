package org.osteobiome.microbiome.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.table.FeatureTableBuilder;

/**
 * Seeded synthetic amplicon tables and trees for benchmarks, demos and tests. Every feature has a log-normal
 * mean abundance; each sample draws Dirichlet proportions around them (concentration {@code concentration}) and
 * Poisson counts at a depth between 5,000 and 20,000 reads, which gives sparse, over-dispersed tables like real
 * 16S data. The tree is a random binary tree over the features with exponential branch lengths. Simulated data:
 * label it as such wherever it is shown.
 */
public final class SyntheticCommunities {
    private SyntheticCommunities() {
    }

    /** A samples × features count table; the same seed gives the same table. */
    public static FeatureTable table(int samples, int features, double concentration, long seed) {
        if (samples < 1 || features < 2 || !(concentration > 0)) {
            throw OsteobiomeException.invalid("a synthetic table needs ≥ 1 sample, ≥ 2 features and a positive concentration");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] mean = new double[features];
        double total = 0;
        for (int f = 0; f < features; f++) {
            mean[f] = Math.exp(2.0 * normal(random));
            total += mean[f];
        }
        for (int f = 0; f < features; f++) {
            mean[f] /= total;
        }
        List<String> sampleIds = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            sampleIds.add("sim" + (s + 1));
        }
        List<String> featureIds = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            featureIds.add("F" + (f + 1));
        }
        FeatureTableBuilder builder = FeatureTable.builder("synthetic table (seed " + seed + ")", sampleIds, featureIds);
        double[] weights = new double[features];
        for (int s = 0; s < samples; s++) {
            double depth = 5000 + 15000 * random.nextDouble();
            double sum = 0;
            for (int f = 0; f < features; f++) {
                weights[f] = gamma(concentration * features * mean[f], random);
                sum += weights[f];
            }
            for (int f = 0; f < features; f++) {
                double count = poisson(depth * weights[f] / sum, random);
                builder.add(s, f, count, "generated");
            }
        }
        FeatureTable table = builder.build();
        for (int s = 0; s < samples; s++) {
            if (table.observed(s) == 0) {
                throw new IllegalStateException("generated an empty sample; raise the depth");
            }
        }
        return table;
    }

    /** A random rooted binary tree over features F1…Fn, in Newick, with exponential(mean 0.1) branch lengths. */
    public static String newickTree(int features, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<String> nodes = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            nodes.add("F" + (f + 1) + ":" + length(random));
        }
        while (nodes.size() > 1) {
            int a = random.nextInt(nodes.size());
            String first = nodes.set(a, nodes.get(nodes.size() - 1));
            nodes.remove(nodes.size() - 1);
            int b = random.nextInt(nodes.size());
            String second = nodes.get(b);
            nodes.set(b, "(" + first + "," + second + ")" + (nodes.size() == 1 ? "" : ":" + length(random)));
        }
        return nodes.get(0) + ";";
    }

    private static String length(SplittableRandom random) {
        return Double.toString(-0.1 * Math.log(1 - random.nextDouble()));
    }

    static double normal(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (2000), with the boost for shape &lt; 1. */
    static double gamma(double shape, SplittableRandom random) {
        if (shape < 1) {
            return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = normal(random);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** Poisson(λ): Knuth's product method for small λ, a rounded normal approximation above 500. */
    static double poisson(double lambda, SplittableRandom random) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 500) {
            return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(random)));
        }
        if (lambda > 30) {
            // split to keep exp(−λ) away from underflow
            return poisson(lambda / 2, random) + poisson(lambda / 2, random);
        }
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
