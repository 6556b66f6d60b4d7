package org.osteobiome.microbiome.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.hipparchus.distribution.continuous.TDistribution;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.diversity.alpha.AlphaDiversity;
import org.osteobiome.microbiome.diversity.alpha.AlphaMetric;
import org.osteobiome.microbiome.index.GuildIndices;
import org.osteobiome.microbiome.stats.LinearModel;
import org.osteobiome.microbiome.stats.MultipleTesting;
import org.osteobiome.microbiome.stats.PermutationTests;
import org.osteobiome.microbiome.table.FeatureTable;

/**
 * Spearman correlation of taxa and indices with a continuous outcome (T-score, BMD, …), partial on covariates when
 * given. Taxa enter as CLR values (pseudocount 0.5 on counts, over the taxa present in at least the given share of
 * samples), indices as Shannon (natural log), the butyrate-producer proxy and Lactobacillus (% of reads).
 * <ul>
 * <li>Spearman ρ is the Pearson correlation of the ranks (ties averaged), p from t = ρ√((n − 2)/(1 − ρ²)) on n − 2
 * degrees of freedom: R's {@code cor.test(method = "spearman", exact = FALSE)}.</li>
 * <li>Partial Spearman: the ranks of the feature and of the outcome are each regressed on the ranks of the k
 * covariates (with an intercept); ρ is the Pearson correlation of the residuals, p from t on n − 2 − k degrees of
 * freedom (as {@code ppcor::pcor.test(method = "spearman")}).</li>
 * <li>Benjamini–Hochberg q-values over the taxa, and separately over the indices.</li>
 * </ul>
 */
public final class Correlation {
    private Correlation() {
    }

    public record Row(String feature, String kind, double rho, double pValue, double qValue) {
    }

    /** @param covariates the covariates the correlation is partial on (none: plain Spearman) */
    public record Result(String outcome, List<String> covariates, int samples, DifferentialAbundance.FilterSummary filter,
                         List<Row> rows) {
    }

    /**
     * @param design a design built without a group: intercept, the outcome, then the covariates (numeric columns)
     */
    public static Result spearman(FeatureTable table, String tableName, CohortDesign design, double minPrevalence) {
        if (design.columns().size() < 2) {
            throw new IllegalArgumentException("the design needs the outcome as its second column");
        }
        FeatureTable t = table.selectSamples(design.tableRows());
        int n = t.sampleCount();
        int k = design.columns().size() - 2;
        if (n - 2 - k < 1) {
            throw OsteobiomeException.invalid(tableName + ": " + n + " samples are too few for a correlation partial on " + k
                    + " covariates");
        }
        double[] outcome = column(design, 1);
        double[][] covariateRanks = new double[n][k + 1];
        for (int i = 0; i < n; i++) {
            covariateRanks[i][0] = 1;
        }
        List<String> covariates = design.columns().subList(2, design.columns().size());
        for (int c = 0; c < k; c++) {
            double[] r = PermutationTests.ranks(column(design, 2 + c));
            for (int i = 0; i < n; i++) {
                covariateRanks[i][c + 1] = r[i];
            }
        }
        List<String> names = new ArrayList<>(List.of("(Intercept)"));
        names.addAll(covariates);
        LinearModel model = new LinearModel(covariateRanks, names);
        double[] outcomeResidual = residuals(model, covariateRanks, PermutationTests.ranks(outcome));
        TDistribution dist = new TDistribution(n - 2 - k);

        int[] present = new int[t.featureCount()];
        double[] totals = t.sampleTotals();
        for (int s = 0; s < n; s++) {
            if (!(totals[s] > 0)) {
                throw OsteobiomeException.invalid(tableName + ": sample " + design.samples().get(s) + " has no reads; remove it");
            }
            for (int e = t.start(s); e < t.end(s); e++) {
                if (t.valueAt(e) > 0) {
                    present[t.featureAt(e)]++;
                }
            }
        }
        int inTable = (int) IntStream.of(present).filter(c -> c > 0).count();
        int[] retained = IntStream.range(0, t.featureCount()).filter(f -> present[f] >= minPrevalence * n).toArray();
        if (retained.length < 2) {
            throw OsteobiomeException.invalid(tableName + ": only " + retained.length + " taxa are present in ≥ "
                    + Math.round(100 * minPrevalence) + "% of samples; lower --min-prevalence");
        }
        double[][] clr = DifferentialAbundance.clr(t, retained, retained, DifferentialAbundance.defaultPseudocount(t));
        List<Row> taxa = rows(clr, IntStream.of(retained).mapToObj(f -> t.featureIds().get(f)).toList(), "taxon", model,
                covariateRanks, outcomeResidual, dist);
        double[][] alpha = AlphaDiversity.compute(t, tableName, List.of(AlphaMetric.SHANNON), null, Math.E).values();
        double[] shannon = java.util.Arrays.stream(alpha).mapToDouble(v -> v[0]).toArray();
        double[] butyrate = GuildIndices.relativeSum(t, GuildIndices.members(t, GuildIndices.BUTYRATE_GENERA));
        double[] lacto = GuildIndices.relativeSum(t, GuildIndices.members(t, GuildIndices.LACTOBACILLUS_GENERA));
        List<Row> indices = rows(new double[][] {shannon, percent(butyrate), percent(lacto)},
                List.of("shannon", "butyrate_guild_proxy", "lactobacillus"), "index", model, covariateRanks, outcomeResidual, dist);
        List<Row> all = new ArrayList<>(indices);
        all.addAll(taxa);
        DifferentialAbundance.FilterSummary filter = new DifferentialAbundance.FilterSummary(minPrevalence, 0, inTable,
                inTable - retained.length, 0, retained.length);
        return new Result(design.columns().get(1), covariates, n, filter, all);
    }

    private static List<Row> rows(double[][] features, List<String> names, String kind, LinearModel model, double[][] x,
                                  double[] outcomeResidual, TDistribution dist) {
        int m = features.length;
        double[] rho = new double[m];
        double[] p = new double[m];
        for (int j = 0; j < m; j++) {
            double[] residual = residuals(model, x, PermutationTests.ranks(features[j]));
            rho[j] = pearson(residual, outcomeResidual);
            if (Double.isNaN(rho[j])) {
                p[j] = Double.NaN;
            } else {
                double df = dist.getDegreesOfFreedom();
                double tStat = rho[j] * Math.sqrt(df / Math.max(1e-300, 1 - rho[j] * rho[j]));
                p[j] = Math.min(1, 2 * dist.cumulativeProbability(-Math.abs(tStat)));
            }
        }
        double[] q = MultipleTesting.benjaminiHochberg(p);
        List<Row> out = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            out.add(new Row(names.get(j), kind, rho[j], p[j], q[j]));
        }
        return out;
    }

    private static double[] residuals(LinearModel model, double[][] x, double[] y) {
        double[] beta = model.fit(y).coefficients();
        double[] r = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double fitted = 0;
            for (int c = 0; c < beta.length; c++) {
                fitted += x[i][c] * beta[c];
            }
            r[i] = y[i] - fitted;
        }
        return r;
    }

    /** Pearson correlation; NaN when either is constant (a taxon with the same rank everywhere has no correlation). */
    private static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i] / n;
            mb += b[i] / n;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        double scale = Math.max(saa, sbb);
        if (!(saa > 1e-24 * Math.max(1, scale)) || !(sbb > 1e-24 * Math.max(1, scale))) {
            return Double.NaN;
        }
        return sab / Math.sqrt(saa * sbb);
    }

    private static double[] column(CohortDesign design, int c) {
        double[] v = new double[design.sampleCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = design.design()[i][c];
        }
        return v;
    }

    private static double[] percent(double[] shares) {
        double[] out = new double[shares.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = 100 * shares[i];
        }
        return out;
    }
}
