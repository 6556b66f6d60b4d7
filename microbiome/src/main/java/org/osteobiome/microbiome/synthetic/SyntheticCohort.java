package org.osteobiome.microbiome.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.table.FeatureTableBuilder;

/**
 * A seeded synthetic cohort of postmenopausal women around a real base cohort, from a zero-inflated logistic-normal
 * model fitted to the base table: each taxon is present with its base prevalence, its absolute abundance where present
 * is log-normal with the mean and spread of its base log relative abundance, and counts are Poisson at a depth
 * resampled from the base table's (20,000 reads when the base holds relative abundances), so depth, sparsity and
 * spread stay realistic. Each woman gets an age, BMI, years since menopause and a DXA T-score; her WHO group follows
 * from it (normal T &gt; −1, osteopenia −2.5 &lt; T ≤ −1, osteoporosis T ≤ −2.5). A planted shift multiplies a taxon's
 * absolute abundance by exp(effect) in osteoporosis and exp(effect/2) in osteopenia before the normalisation, so the
 * planted set is exactly the taxa whose absolute abundance changes (the others change only through the composition).
 * Simulated data: label it so wherever it is shown.
 */
public final class SyntheticCohort {
    private SyntheticCohort() {
    }

    /** Metadata column names the generator writes. */
    public static final List<String> COLUMNS = List.of("bone_status", "t_score", "age", "bmi", "years_since_menopause");

    /**
     * The distribution fitted to the base cohort.
     *
     * @param featureIds base feature ids
     * @param prevalence share of base samples in which each feature is present
     * @param logMean    mean natural log relative abundance where present
     * @param logSd      its standard deviation
     * @param depths     per base sample read depth (empty: 20,000 reads)
     */
    public record Base(List<String> featureIds, double[] prevalence, double[] logMean, double[] logSd, double[] depths) {
        public static Base fit(FeatureTable table) {
            int n = table.sampleCount();
            int features = table.featureCount();
            if (n < 2 || features < 2) {
                throw OsteobiomeException.invalid("a base cohort needs at least 2 samples and 2 features, got " + n + " × " + features);
            }
            double[] totals = table.sampleTotals();
            int[] present = new int[features];
            double[] sum = new double[features];
            double[] square = new double[features];
            int used = 0;
            for (int s = 0; s < n; s++) {
                if (!(totals[s] > 0)) {
                    continue;
                }
                used++;
                for (int k = table.start(s); k < table.end(s); k++) {
                    if (table.valueAt(k) > 0) {
                        double log = Math.log(table.valueAt(k) / totals[s]);
                        int f = table.featureAt(k);
                        present[f]++;
                        sum[f] += log;
                        square[f] += log * log;
                    }
                }
            }
            if (used < 2) {
                throw OsteobiomeException.invalid("a base cohort needs at least 2 samples with reads");
            }
            double[] prevalence = new double[features];
            double[] mean = new double[features];
            double[] sd = new double[features];
            List<Double> sds = new ArrayList<>();
            double floor = 0;
            for (int f = 0; f < features; f++) {
                prevalence[f] = (double) present[f] / used;
                if (present[f] > 0) {
                    mean[f] = sum[f] / present[f];
                    floor = Math.min(floor, mean[f]);
                }
                if (present[f] > 2) {
                    sd[f] = Math.sqrt(Math.max(0, (square[f] - present[f] * mean[f] * mean[f]) / (present[f] - 1)));
                    sds.add(sd[f]);
                }
            }
            sds.sort(null);
            double typical = sds.isEmpty() ? 1 : sds.get(sds.size() / 2);
            for (int f = 0; f < features; f++) {
                if (present[f] <= 2) {
                    sd[f] = typical; // too few observations for a spread of its own
                }
                if (present[f] == 0) {
                    mean[f] = floor; // never seen: as rare as the rarest taxon, and almost never present
                    prevalence[f] = 0.5 / used;
                }
            }
            double[] depths = table.isIntegral() ? java.util.Arrays.stream(totals).filter(t -> t > 0).toArray() : new double[0];
            return new Base(table.featureIds(), prevalence, mean, sd, depths);
        }

        /** Expected relative abundance of each feature (for choosing taxa to plant shifts on). */
        public double[] meanAbundance() {
            double[] m = new double[logMean.length];
            double total = 0;
            for (int f = 0; f < m.length; f++) {
                m[f] = prevalence[f] * Math.exp(logMean[f] + logSd[f] * logSd[f] / 2);
                total += m[f];
            }
            for (int f = 0; f < m.length; f++) {
                m[f] /= total;
            }
            return m;
        }
    }

    /** One simulated woman's metadata. */
    public record Woman(String id, String boneStatus, double tScore, double age, double bmi, double yearsSinceMenopause) {
        public List<String> cells() {
            return List.of(boneStatus, fmt(tScore), fmt(age), fmt(bmi), fmt(yearsSinceMenopause));
        }

        private static String fmt(double v) {
            return String.valueOf(Math.round(v * 100) / 100.0);
        }
    }

    /**
     * @param table   counts, samples {@code sim1…simN}
     * @param women   their metadata, in the same order
     * @param effects planted natural-log effect in osteoporosis per feature id (the truth)
     */
    public record Cohort(FeatureTable table, List<Woman> women, Map<String, Double> effects) {
        /** The women's metadata as the metadata reader would give it ({@link #COLUMNS}; bone_status categorical). */
        public org.osteobiome.microbiome.metadata.SampleMetadata metadata() {
            List<String> ids = new ArrayList<>();
            List<String[]> cells = new ArrayList<>();
            for (Woman w : women) {
                ids.add(w.id());
                cells.add(w.cells().toArray(new String[0]));
            }
            return new org.osteobiome.microbiome.metadata.SampleMetadata("simulated metadata", ids, COLUMNS, cells,
                    new boolean[] {false, true, true, true, true}, List.of());
        }
    }

    /**
     * @param base    fitted base distribution
     * @param n       women
     * @param effects natural-log effect in osteoporosis by feature id (ids must be in the base)
     * @param seed    random seed
     */
    public static Cohort generate(Base base, int n, Map<String, Double> effects, long seed) {
        if (n < 1 || n > 1_000_000) {
            throw OsteobiomeException.invalid("a synthetic cohort needs between 1 and 1,000,000 women, got " + n);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int f = 0; f < base.featureIds().size(); f++) {
            index.put(base.featureIds().get(f), f);
        }
        double[] effect = new double[base.featureIds().size()];
        for (Map.Entry<String, Double> e : effects.entrySet()) {
            Integer f = index.get(e.getKey());
            if (f == null) {
                throw OsteobiomeException.unknown("planted effect on '" + e.getKey() + "', which is not a feature of the base table");
            }
            if (!Double.isFinite(e.getValue()) || Math.abs(e.getValue()) > 10) {
                throw OsteobiomeException.invalid("planted effect on '" + e.getKey() + "' is " + e.getValue()
                        + "; give a natural-log fold change between −10 and 10");
            }
            effect[f] = e.getValue();
        }
        SplittableRandom random = new SplittableRandom(seed);
        int features = effect.length;
        List<String> ids = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            ids.add("sim" + (s + 1));
        }
        FeatureTableBuilder builder = FeatureTable.builder("synthetic cohort (seed " + seed + ")", ids, base.featureIds());
        List<Woman> women = new ArrayList<>();
        double[] weights = new double[features];
        for (int s = 0; s < n; s++) {
            double age = clamp(62 + 7 * SyntheticCommunities.normal(random), 45, 90);
            double ysm = clamp(age - 51 + 2 * SyntheticCommunities.normal(random), 0.5, 45);
            double bmi = clamp(26 + 4 * SyntheticCommunities.normal(random), 16, 45);
            double t = clamp(-1.4 - 0.03 * (age - 62) + 0.04 * (bmi - 26) + 1.1 * SyntheticCommunities.normal(random), -5, 3);
            String status = t > -1 ? "normal" : t > -2.5 ? "osteopenia" : "osteoporosis";
            double scale = t > -1 ? 0 : t > -2.5 ? 0.5 : 1;
            double depth = base.depths().length > 0 ? base.depths()[random.nextInt(base.depths().length)] : 20000;
            double total = 0;
            for (int f = 0; f < features; f++) {
                boolean present = random.nextDouble() < base.prevalence()[f];
                weights[f] = present ? Math.exp(base.logMean()[f] + base.logSd()[f] * SyntheticCommunities.normal(random)
                        + scale * effect[f]) : 0;
                total += weights[f];
            }
            boolean any = false;
            for (int f = 0; f < features; f++) {
                double count = total > 0 ? SyntheticCommunities.poisson(depth * weights[f] / total, random) : 0;
                if (count > 0) {
                    builder.add(s, f, count, "generated");
                    any = true;
                }
            }
            if (!any) {
                builder.add(s, maxIndex(base.logMean()), 1, "generated");
            }
            women.add(new Woman(ids.get(s), status, t, age, bmi, ysm));
        }
        return new Cohort(builder.build(), women, Map.copyOf(effects));
    }

    private static int maxIndex(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
