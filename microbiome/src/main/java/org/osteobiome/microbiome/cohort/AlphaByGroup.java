package org.osteobiome.microbiome.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osteobiome.core.Quantiles;
import org.osteobiome.microbiome.diversity.alpha.AlphaDiversity;
import org.osteobiome.microbiome.stats.MultipleTesting;
import org.osteobiome.microbiome.stats.RankTests;

/**
 * Alpha diversity compared across a cohort's groups: per metric, each group's median and quartiles, a Kruskal–Wallis
 * test over all groups (Benjamini–Hochberg q over the metrics) and pairwise Wilcoxon rank-sum tests with BH within
 * each metric, as R's {@code kruskal.test} and {@code pairwise.wilcox.test(p.adjust.method = "BH", exact = FALSE)}.
 */
public final class AlphaByGroup {
    private AlphaByGroup() {
    }

    /** One group's summary of one metric. */
    public record GroupSummary(String group, int n, double q1, double median, double q3) {
    }

    /** One metric across the groups. */
    public record MetricRow(String metric, List<GroupSummary> groups, double h, double df, double pValue, double qValue) {
    }

    /** One pair of groups for one metric. */
    public record PairRow(String metric, String group, String against, double w, double pValue, double qValue) {
    }

    public record Result(List<MetricRow> metrics, List<PairRow> pairs, int samples) {
    }

    /**
     * @param alpha  alpha values of the table the design was built for ({@code values[tableRow][metric]})
     * @param design the cohort's samples and groups
     */
    public static Result compare(AlphaDiversity.Result alpha, CohortDesign design) {
        int n = design.sampleCount();
        int groupCount = design.levels().size();
        List<MetricRow> rows = new ArrayList<>();
        List<PairRow> pairs = new ArrayList<>();
        double[] p = new double[alpha.metrics().size()];
        for (int m = 0; m < alpha.metrics().size(); m++) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = alpha.values()[design.tableRows()[i]][m];
            }
            double[][] byGroup = split(values, design.groups(), groupCount);
            List<GroupSummary> summaries = new ArrayList<>();
            for (int g = 0; g < groupCount; g++) {
                double[] v = byGroup[g].clone();
                Arrays.sort(v);
                summaries.add(new GroupSummary(design.levels().get(g), v.length, Quantiles.of(v, 0.25),
                        Quantiles.of(v, 0.5), Quantiles.of(v, 0.75)));
            }
            RankTests.Result kw = RankTests.kruskalWallis(values, design.groups(), groupCount);
            p[m] = kw.pValue();
            String metric = alpha.metrics().get(m).id();
            rows.add(new MetricRow(metric, summaries, kw.statistic(), kw.df(), kw.pValue(), Double.NaN));
            List<PairRow> these = new ArrayList<>();
            for (int a = 0; a < groupCount; a++) {
                for (int b = a + 1; b < groupCount; b++) {
                    RankTests.Result w = RankTests.wilcoxonRankSum(byGroup[b], byGroup[a]);
                    these.add(new PairRow(metric, design.levels().get(b), design.levels().get(a), w.statistic(), w.pValue(), Double.NaN));
                }
            }
            double[] q = MultipleTesting.benjaminiHochberg(these.stream().mapToDouble(PairRow::pValue).toArray());
            for (int k = 0; k < these.size(); k++) {
                PairRow r = these.get(k);
                pairs.add(new PairRow(r.metric(), r.group(), r.against(), r.w(), r.pValue(), q[k]));
            }
        }
        double[] q = MultipleTesting.benjaminiHochberg(p);
        for (int m = 0; m < rows.size(); m++) {
            MetricRow r = rows.get(m);
            rows.set(m, new MetricRow(r.metric(), r.groups(), r.h(), r.df(), r.pValue(), q[m]));
        }
        return new Result(rows, pairs, n);
    }

    private static double[][] split(double[] values, int[] groups, int groupCount) {
        int[] sizes = new int[groupCount];
        for (int g : groups) {
            sizes[g]++;
        }
        double[][] out = new double[groupCount][];
        for (int g = 0; g < groupCount; g++) {
            out[g] = new double[sizes[g]];
        }
        int[] fill = new int[groupCount];
        for (int i = 0; i < values.length; i++) {
            out[groups[i]][fill[groups[i]]++] = values[i];
        }
        return out;
    }
}
