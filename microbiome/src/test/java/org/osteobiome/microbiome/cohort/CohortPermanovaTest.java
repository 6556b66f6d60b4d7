package org.osteobiome.microbiome.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteobiome.microbiome.SharedData;
import org.osteobiome.microbiome.diversity.beta.BetaDiversity;
import org.osteobiome.microbiome.diversity.beta.BetaMetric;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;
import org.osteobiome.microbiome.io.FeatureTables;
import org.osteobiome.microbiome.metadata.MetadataReader;
import org.osteobiome.microbiome.stats.DistanceModel;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.table.Rank;
import org.osteobiome.microbiome.table.TaxonomyCollapse;

/**
 * PERMANOVA with covariates against R 4.2.2 vegan 2.6.4 {@code adonis2(bray ~ Age + BMI + Classification, by =
 * "terms" | "margin")} on Karlsson 2013 at genus level (fixtures/cohort_fixtures.R), on the very permutations R drew:
 * sums of squares, R² and F to 1e-9, p-values exactly (they are counts).
 */
class CohortPermanovaTest {

    private static DistanceModel.Result run(DistanceModel.By by, int[][] orders) {
        FeatureTable raw = FeatureTables.read(SharedData.data("real/karlsson2013/taxatable.txt")).table();
        FeatureTable table = TaxonomyCollapse.collapse(raw, Rank.GENUS, "taxatable.txt");
        CohortDesign design = CohortDesign.build(table.sampleIds(), MetadataReader.read(SharedData.data(
                "real/karlsson2013/mapping-orig.txt")), "Classification", "NGT", List.of("Age", "BMI"), false);
        DistanceMatrix dm = BetaDiversity.compute(table, "taxatable.txt", BetaMetric.parse("braycurtis"), null,
                BetaDiversity.Options.defaults()).select(design.samples());
        return DistanceModel.test(dm, design.design(), design.permanovaTerms(), by, orders, 0, 2, org.osteobiome.core.Progress.NONE);
    }

    private static int[][] rPermutations() throws IOException {
        return Files.readAllLines(SharedData.fixture("karlsson-adonis2-permutations.tsv")).stream()
                .map(l -> java.util.Arrays.stream(l.split("\t")).mapToInt(v -> Integer.parseInt(v) - 1).toArray())
                .toArray(int[][]::new);
    }

    @Test
    void sequentialAndMarginalTermsEqualAdonis2OnTheSamePermutations() throws IOException {
        int[][] orders = rPermutations();
        assertThat(orders).hasNumberOfRows(199);
        for (DistanceModel.By by : DistanceModel.By.values()) {
            DistanceModel.Result ours = run(by, orders);
            List<Map<String, String>> expected = SharedData.rows("karlsson-adonis2.tsv").stream()
                    .filter(r -> r.get("by").equals(by.name().toLowerCase(java.util.Locale.ROOT))).toList();
            assertThat(ours.rows()).hasSameSizeAs(expected);
            for (int k = 0; k < expected.size(); k++) {
                Map<String, String> e = expected.get(k);
                DistanceModel.Row r = ours.rows().get(k);
                String what = by + " " + e.get("term");
                assertThat(r.term()).isEqualTo(e.get("term"));
                assertThat(r.df()).as(what).isEqualTo(Integer.parseInt(e.get("df").strip()));
                assertThat(SharedData.close(r.sumOfSquares(), Double.parseDouble(e.get("sum_of_squares")), 1e-9)).as(what + " SS "
                        + r.sumOfSquares()).isTrue();
                assertThat(SharedData.close(r.r2(), Double.parseDouble(e.get("r2")), 1e-9)).as(what + " R²").isTrue();
                if (!e.get("f").strip().equals("NA")) {
                    assertThat(SharedData.close(r.f(), Double.parseDouble(e.get("f")), 1e-9)).as(what + " F " + r.f()).isTrue();
                    assertThat(r.pValue()).as(what + " p").isCloseTo(Double.parseDouble(e.get("p_value")),
                            org.assertj.core.data.Offset.offset(1e-12));
                } else {
                    assertThat(r.f()).as(what).isNaN();
                }
            }
        }
    }

    @Test
    void ownPermutationsAreSeededAndIndependentOfThreads() {
        FeatureTable raw = FeatureTables.read(SharedData.data("real/karlsson2013/taxatable.txt")).table();
        FeatureTable table = TaxonomyCollapse.collapse(raw, Rank.GENUS, "taxatable.txt");
        CohortDesign design = CohortDesign.build(table.sampleIds(), MetadataReader.read(SharedData.data(
                "real/karlsson2013/mapping-orig.txt")), "Classification", "NGT", List.of("BMI"), false);
        DistanceMatrix dm = BetaDiversity.compute(table, "taxatable.txt", BetaMetric.parse("braycurtis"), null,
                BetaDiversity.Options.defaults()).select(design.samples());
        DistanceModel.Result one = DistanceModel.test(dm, design.design(), design.permanovaTerms(), DistanceModel.By.MARGIN, 99, 5, 1);
        DistanceModel.Result two = DistanceModel.test(dm, design.design(), design.permanovaTerms(), DistanceModel.By.MARGIN, 99, 5, 2);
        DistanceModel.Result other = DistanceModel.test(dm, design.design(), design.permanovaTerms(), DistanceModel.By.MARGIN, 99, 6, 2);
        assertThat(two.rows()).isEqualTo(one.rows());
        assertThat(one.rows().get(0).term()).isEqualTo("BMI");
        assertThat(one.rows().get(1).term()).isEqualTo("Classification");
        assertThat(other.rows().get(0).f()).isEqualTo(one.rows().get(0).f());
        assertThat(one.rows().get(0).pValue()).isBetween(1.0 / 100, 1.0);
    }
}
