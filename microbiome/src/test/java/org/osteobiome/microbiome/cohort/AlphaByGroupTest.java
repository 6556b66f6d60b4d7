package org.osteobiome.microbiome.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteobiome.microbiome.SharedData;
import org.osteobiome.microbiome.diversity.alpha.AlphaDiversity;
import org.osteobiome.microbiome.diversity.alpha.AlphaMetric;
import org.osteobiome.microbiome.io.FeatureTables;
import org.osteobiome.microbiome.metadata.MetadataReader;
import org.osteobiome.microbiome.metadata.SampleMetadata;
import org.osteobiome.microbiome.stats.RankTests;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.table.Rank;
import org.osteobiome.microbiome.table.TaxonomyCollapse;

/**
 * Alpha diversity by group on Karlsson 2013 (genus; NGT, IGT, T2D) against R 4.2.2 {@code kruskal.test}, {@code
 * wilcox.test(exact = FALSE, correct = TRUE)} with BH as {@code pairwise.wilcox.test}, and type-7 quartiles, all
 * from fixtures/cohort_fixtures.R, to 1e-9 relative.
 */
class AlphaByGroupTest {
    private static final FeatureTable GENUS = TaxonomyCollapse.collapse(
            FeatureTables.read(SharedData.data("real/karlsson2013/taxatable.txt")).table(), Rank.GENUS, "taxatable.txt");
    private static final SampleMetadata META = MetadataReader.read(SharedData.data("real/karlsson2013/mapping-orig.txt"));

    @Test
    void kruskalWallisPairwiseWilcoxonAndQuartilesEqualR() {
        CohortDesign design = CohortDesign.build(GENUS.sampleIds(), META, "Classification", "NGT", List.of(), false);
        AlphaDiversity.Result alpha = AlphaDiversity.compute(GENUS, "taxatable.txt",
                List.of(AlphaMetric.SHANNON, AlphaMetric.OBSERVED_FEATURES, AlphaMetric.SIMPSON), null, Math.E);
        AlphaByGroup.Result result = AlphaByGroup.compare(alpha, design);
        assertThat(result.samples()).isEqualTo(144);
        for (Map<String, String> e : SharedData.rows("karlsson-genus-alpha-kruskal.tsv")) {
            AlphaByGroup.MetricRow row = result.metrics().stream().filter(r -> r.metric().equals(e.get("metric"))).findFirst().orElseThrow();
            close(row.h(), e.get("H"), row.metric() + " H");
            assertThat(row.df()).isEqualTo(2);
            close(row.pValue(), e.get("p_value"), row.metric() + " p");
            for (String g : List.of("IGT", "NGT", "T2D")) {
                close(summary(row, g).median(), e.get("median_" + g), row.metric() + " median " + g);
            }
            close(summary(row, "NGT").q1(), e.get("q1_NGT"), row.metric() + " q1");
            close(summary(row, "NGT").q3(), e.get("q3_NGT"), row.metric() + " q3");
        }
        int pairs = 0;
        for (Map<String, String> e : SharedData.rows("karlsson-genus-alpha-wilcox.tsv")) {
            AlphaByGroup.PairRow row = result.pairs().stream().filter(r -> r.metric().equals(e.get("metric"))
                    && (r.group() + r.against()).length() == (e.get("group") + e.get("against")).length()
                    && List.of(r.group(), r.against()).containsAll(List.of(e.get("group"), e.get("against")))).findFirst().orElseThrow();
            boolean same = row.group().equals(e.get("group"));
            int nx = summary(result, row.metric(), row.group()).n();
            int ny = summary(result, row.metric(), row.against()).n();
            double w = same ? row.w() : (double) nx * ny - row.w();
            close(w, e.get("W"), row.metric() + " W");
            close(row.pValue(), e.get("p_value"), row.metric() + " p");
            close(row.qValue(), e.get("q_value"), row.metric() + " q");
            pairs++;
        }
        assertThat(pairs).isEqualTo(9);
    }

    @Test
    void aGroupShiftIsFoundAndTiesOrEmptyGroupsGiveNoPValue() {
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        int[] groups = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};
        RankTests.Result kw = RankTests.kruskalWallis(values, groups, 3);
        // no ties: H = 12/(N(N+1)) Σ R²/n − 3(N+1) with rank sums 10, 26, 42 → 12/156 · (100 + 676 + 1764)/4 − 39
        assertThat(kw.statistic()).isCloseTo(12.0 / 156 * 2540 / 4 - 39, within(1e-12));
        assertThat(kw.pValue()).isLessThan(0.01);
        assertThat(RankTests.kruskalWallis(new double[] {3, 3, 3, 3}, new int[] {0, 0, 1, 1}, 2).pValue()).isNaN();
        assertThat(RankTests.kruskalWallis(values, new int[12], 3).pValue()).isNaN();
        assertThat(RankTests.wilcoxonRankSum(new double[] {1, 1}, new double[] {1, 1}).pValue()).isNaN();
    }

    private static AlphaByGroup.GroupSummary summary(AlphaByGroup.MetricRow row, String group) {
        return row.groups().stream().filter(s -> s.group().equals(group)).findFirst().orElseThrow();
    }

    private static AlphaByGroup.GroupSummary summary(AlphaByGroup.Result r, String metric, String group) {
        return summary(r.metrics().stream().filter(m -> m.metric().equals(metric)).findFirst().orElseThrow(), group);
    }

    private static void close(double ours, String expected, String what) {
        double e = Double.parseDouble(expected.strip());
        assertThat(ours).as(what).isCloseTo(e, within(1e-9 * Math.max(1, Math.abs(e))));
    }
}
