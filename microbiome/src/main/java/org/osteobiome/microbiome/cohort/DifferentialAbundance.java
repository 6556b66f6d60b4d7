package org.osteobiome.microbiome.cohort;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.stats.LinearModel;
import org.osteobiome.microbiome.stats.MultipleTesting;
import org.osteobiome.microbiome.table.FeatureTable;

/**
 * Covariate-adjusted differential abundance. For each taxon that passes the prevalence filter, its centred
 * log-ratio (CLR over all retained taxa, structural zeros included; zeros replaced by a pseudocount) is regressed on the cohort design
 * (group indicators against the healthy group, plus covariates); the compositional bias of every term is
 * estimated and removed ({@link CompositionalBias}); two-sided t tests on the corrected coefficients and
 * Benjamini–Hochberg q-values across taxa, per term. A taxon absent from every sample of one group but present in
 * another is a structural zero (as ANCOM-BC): reported as such, never given a fold change or a p-value.
 */
public final class DifferentialAbundance {
    private DifferentialAbundance() {
    }

    /**
     * @param minPrevalence share of the analysed samples in which a taxon must be present (0–1)
     * @param minMeanRelativeAbundance mean relative abundance a taxon must reach (0–1)
     * @param pseudocount   added to every value before the logarithm; NaN: 0.5 for counts, half the smallest positive
     *                      value for other tables
     */
    public record Options(double minPrevalence, double minMeanRelativeAbundance, double pseudocount) {
        public Options {
            if (!(minPrevalence >= 0 && minPrevalence <= 1)) {
                throw OsteobiomeException.invalid("the minimum prevalence is a share between 0 and 1, got " + minPrevalence);
            }
            if (!(minMeanRelativeAbundance >= 0 && minMeanRelativeAbundance < 1)) {
                throw OsteobiomeException.invalid("the minimum mean relative abundance is a share in [0, 1), got "
                        + minMeanRelativeAbundance);
            }
            if (!Double.isNaN(pseudocount) && !(pseudocount > 0 && Double.isFinite(pseudocount))) {
                throw OsteobiomeException.invalid("the pseudocount must be a positive number, got " + pseudocount);
            }
        }

        /**
         * Taxa in at least 25% of samples (decision 0005: with 10%, the t tests of zero-inflated rare taxa gave a
         * false discovery rate of 0.068 at q = 0.05 on planted-truth cohorts; with 25%, 0.050).
         */
        public static Options defaults() {
            return new Options(0.25, 0, Double.NaN);
        }
    }

    /** One taxon and term: natural-log fold change (bias-corrected), its test, or the reason it has none. */
    public record Row(String taxon, String term, double logFoldChange, double standardError, double statistic,
                      double pValue, double qValue, String status, double uncorrectedEstimate,
                      double uncorrectedStandardError) {
        public double log2FoldChange() {
            return logFoldChange / Math.log(2);
        }
    }

    /** What the filter kept, with its thresholds, for the user to see. */
    public record FilterSummary(double minPrevalence, double minMeanRelativeAbundance, int taxaIn, int belowPrevalence,
                                int belowAbundance, int kept) {
        public String describe() {
            return "kept " + kept + " of " + taxaIn + " taxa present in ≥ " + percent(minPrevalence) + " of samples"
                    + (minMeanRelativeAbundance > 0 ? " with mean relative abundance ≥ " + minMeanRelativeAbundance : "")
                    + " (" + belowPrevalence + " below the prevalence threshold"
                    + (minMeanRelativeAbundance > 0 ? ", " + belowAbundance + " below the abundance threshold" : "") + ")";
        }

        private static String percent(double share) {
            return org.osteobiome.core.Numbers.format(100 * share) + "%";
        }
    }

    public record Result(List<Row> rows, FilterSummary filter, List<String> terms, double[] bias, double pseudocount,
                         int samples) {
    }

    /**
     * @param table     counts or relative abundances
     * @param tableName the table's file (for messages)
     */
    public static Result test(FeatureTable table, String tableName, CohortDesign design, Options options) {
        int n = design.sampleCount();
        FeatureTable t = table.selectSamples(design.tableRows());
        int features = t.featureCount();
        double[] totals = t.sampleTotals();
        int[] present = new int[features];
        double[] meanRel = new double[features];
        int[][] presentInGroup = new int[design.levels().size()][features];
        for (int s = 0; s < n; s++) {
            if (!(totals[s] > 0)) {
                throw OsteobiomeException.invalid(tableName + ": sample " + design.samples().get(s)
                        + " has no reads; remove it before the analysis");
            }
            for (int k = t.start(s); k < t.end(s); k++) {
                int f = t.featureAt(k);
                if (t.valueAt(k) > 0) {
                    present[f]++;
                    presentInGroup[design.groups()[s]][f]++;
                    meanRel[f] += t.valueAt(k) / totals[s] / n;
                }
            }
        }
        boolean[] keep = new boolean[features];
        int belowPrevalence = 0;
        int belowAbundance = 0;
        int inTable = 0;
        for (int f = 0; f < features; f++) {
            if (present[f] == 0) {
                continue;
            }
            inTable++;
            if (present[f] < options.minPrevalence() * n) {
                belowPrevalence++;
            } else if (meanRel[f] < options.minMeanRelativeAbundance()) {
                belowAbundance++;
            } else {
                keep[f] = true;
            }
        }
        // structural zeros: absent from a whole group while present elsewhere
        List<Row> rows = new ArrayList<>();
        List<Integer> tested = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            if (!keep[f]) {
                continue;
            }
            List<String> absentIn = new ArrayList<>();
            for (int g = 0; g < design.levels().size(); g++) {
                if (presentInGroup[g][f] == 0) {
                    absentIn.add(design.levels().get(g));
                }
            }
            if (absentIn.isEmpty()) {
                tested.add(f);
            } else {
                for (int l = 1; l < design.levels().size(); l++) {
                    rows.add(new Row(t.featureIds().get(f), design.columns().get(l), Double.NaN, Double.NaN, Double.NaN,
                            Double.NaN, Double.NaN, "structural zero: absent from every '" + String.join("', '", absentIn)
                            + "' sample", Double.NaN, Double.NaN));
                }
            }
        }
        FilterSummary filter = new FilterSummary(options.minPrevalence(), options.minMeanRelativeAbundance(), inTable,
                belowPrevalence, belowAbundance, tested.size() + (int) rows.stream().map(Row::taxon).distinct().count());
        if (tested.size() < 2) {
            throw OsteobiomeException.invalid(tableName + ": only " + tested.size() + " taxa pass the filter ("
                    + filter.describe() + "); lower --min-prevalence");
        }
        double pseudo = Double.isNaN(options.pseudocount()) ? defaultPseudocount(t) : options.pseudocount();
        int[] retained = java.util.stream.IntStream.range(0, features).filter(f -> keep[f]).toArray();
        int m = tested.size();
        double[][] clr = clr(t, retained, tested.stream().mapToInt(Integer::intValue).toArray(), pseudo);
        LinearModel model = new LinearModel(design.design(), design.columns());
        int p = design.columns().size();
        double[][] beta = new double[p][m];
        double[][] se = new double[p][m];
        for (int j = 0; j < m; j++) {
            LinearModel.Fit fit = model.fit(clr[j]);
            for (int k = 0; k < p; k++) {
                beta[k][j] = fit.coefficients()[k];
                se[k][j] = fit.standardErrors()[k];
            }
        }
        int df = n - p;
        TDistribution dist = new TDistribution(df);
        List<String> terms = design.columns().subList(1, p);
        double[] bias = new double[p - 1];
        List<Row> testedRows = new ArrayList<>();
        for (int k = 1; k < p; k++) {
            CompositionalBias b = CompositionalBias.estimate(beta[k], se[k]);
            bias[k - 1] = b.delta();
            double[] pv = new double[m];
            double[] lfc = new double[m];
            double[] sd = new double[m];
            double[] w = new double[m];
            for (int j = 0; j < m; j++) {
                lfc[j] = beta[k][j] - b.delta();
                sd[j] = Math.sqrt(se[k][j] * se[k][j] + b.variance());
                w[j] = sd[j] > 0 ? lfc[j] / sd[j] : Double.NaN;
                pv[j] = sd[j] > 0 ? 2 * dist.cumulativeProbability(-Math.abs(w[j])) : Double.NaN;
            }
            double[] q = MultipleTesting.benjaminiHochberg(pv);
            for (int j = 0; j < m; j++) {
                testedRows.add(new Row(t.featureIds().get(tested.get(j)), design.columns().get(k), lfc[j], sd[j], w[j], pv[j],
                        q[j], sd[j] > 0 ? "tested" : "constant", beta[k][j], se[k][j]));
            }
        }
        testedRows.addAll(rows);
        return new Result(testedRows, filter, List.copyOf(terms), bias, pseudo, n);
    }

    /**
     * {@code out[s][j]}: the CLR (pseudocount as {@link #test}) of sample s over the taxa present in at least
     * {@code minPrevalence} of the samples, in table order.
     */
    public static double[][] clrOfRetained(FeatureTable t, double minPrevalence) {
        int n = t.sampleCount();
        int[] present = new int[t.featureCount()];
        for (int s = 0; s < n; s++) {
            for (int k = t.start(s); k < t.end(s); k++) {
                if (t.valueAt(k) > 0) {
                    present[t.featureAt(k)]++;
                }
            }
        }
        int[] retained = java.util.stream.IntStream.range(0, present.length).filter(f -> present[f] >= minPrevalence * n).toArray();
        if (retained.length < 2) {
            throw OsteobiomeException.invalid("only " + retained.length + " taxa are present in ≥ " + Math.round(100 * minPrevalence)
                    + "% of samples; lower the prevalence threshold");
        }
        double[][] byFeature = clr(t, retained, retained, defaultPseudocount(t));
        double[][] out = new double[n][retained.length];
        for (int j = 0; j < retained.length; j++) {
            for (int s = 0; s < n; s++) {
                out[s][j] = byFeature[j][s];
            }
        }
        return out;
    }

    /**
     * {@code clr[j][s]}: log(x + pseudocount) of feature {@code features[j]} in sample s minus that sample's mean over the
     * {@code retained} features.
     */
    static double[][] clr(FeatureTable t, int[] retained, int[] features, double pseudo) {
        int n = t.sampleCount();
        double[][] clr = new double[features.length][n];
        for (int s = 0; s < n; s++) {
            double[] dense = t.denseSample(s);
            double mean = 0;
            for (int f : retained) {
                mean += Math.log(dense[f] + pseudo) / retained.length;
            }
            for (int j = 0; j < features.length; j++) {
                clr[j][s] = Math.log(dense[features[j]] + pseudo) - mean;
            }
        }
        return clr;
    }

    static double defaultPseudocount(FeatureTable t) {
        if (t.isIntegral()) {
            return 0.5;
        }
        double smallest = Double.POSITIVE_INFINITY;
        for (int s = 0; s < t.sampleCount(); s++) {
            for (int k = t.start(s); k < t.end(s); k++) {
                if (t.valueAt(k) > 0) {
                    smallest = Math.min(smallest, t.valueAt(k));
                }
            }
        }
        return smallest / 2;
    }
}
