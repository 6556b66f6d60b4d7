package org.osteobiome.microbiome.diversity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteobiome.microbiome.SharedData;
import org.osteobiome.microbiome.diversity.alpha.AlphaDiversity;
import org.osteobiome.microbiome.diversity.alpha.AlphaMetric;
import org.osteobiome.microbiome.io.FeatureTables;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.tree.Newick;
import org.osteobiome.microbiome.tree.PhyloTree;

/** Alpha diversity against scikit-bio 0.5.8 and Striped UniFrac's faithpd on the real files (fixtures/generate.sh). */
class AlphaDiversityTest {
    private static final List<AlphaMetric> ALL = List.of(AlphaMetric.values());
    private static final List<AlphaMetric> NO_TREE = ALL.stream().filter(m -> !m.needsTree()).toList();

    /** scikit-bio's alpha fixture with both Chao1 forms taken from the Chao1 fixture (scikit-bio's default and classic). */
    private static Map<String, Map<String, Double>> expected(String dataset) {
        Map<String, Map<String, Double>> alpha = SharedData.table(dataset + "-alpha.tsv");
        Map<String, Map<String, Double>> chao1 = SharedData.table(dataset + "-chao1.tsv");
        alpha.forEach((sample, row) -> {
            row.put("chao1", chao1.get(sample).get("chao1"));
            row.put("chao1_classic", chao1.get(sample).get("chao1_classic"));
        });
        return alpha;
    }

    private static void compare(AlphaDiversity.Result result, Map<String, Map<String, Double>> expected, double relative) {
        assertThat(result.sampleIds()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (int s = 0; s < result.sampleIds().size(); s++) {
            Map<String, Double> row = expected.get(result.sampleIds().get(s));
            for (int m = 0; m < result.metrics().size(); m++) {
                double want = row.get(result.metrics().get(m).id());
                double got = result.values()[s][m];
                if (Double.isNaN(want)) {
                    assertThat(got).isNaN();
                } else {
                    assertThat(SharedData.close(got, want, relative)).as("%s of %s: %s vs scikit-bio %s", result.metrics().get(m).id(),
                            result.sampleIds().get(s), got, want).isTrue();
                }
            }
        }
    }

    @Test
    void crawfordMatchesScikitBioIncludingFaithPd() {
        FeatureTable table = FeatureTables.read(SharedData.data("formats/unifrac-crawford/crawford.biom")).table();
        PhyloTree tree = Newick.read(SharedData.data("formats/unifrac-crawford/crawford.tre"));
        compare(AlphaDiversity.compute(table, "crawford.biom", ALL, tree, Math.E), expected("crawford"), 1e-9);
    }

    @Test
    void faithPdMatchesStripedUniFracAndItsExpectedFile() {
        FeatureTable table = FeatureTables.read(SharedData.data("formats/unifrac-crawford/crawford.biom")).table();
        PhyloTree tree = Newick.read(SharedData.data("formats/unifrac-crawford/crawford.tre"));
        AlphaDiversity.Result r = AlphaDiversity.compute(table, "crawford.biom", List.of(AlphaMetric.FAITH_PD), tree, Math.E);
        Map<String, Map<String, Double>> faithpd = SharedData.table("crawford-faithpd.tsv");
        for (int s = 0; s < r.sampleIds().size(); s++) {
            // faithpd sums branch lengths in single precision (its values differ from scikit-bio's in the 8th digit)
            assertThat(SharedData.close(r.values()[s][0], faithpd.get(r.sampleIds().get(s)).get("faith_pd"), 1e-7)).isTrue();
        }
        assertThat(r.values()[r.sampleIds().indexOf("10084.PC.481")][0]).isCloseTo(8.268050017119094, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void shannonInBaseTwoOnRequest() {
        FeatureTable table = FeatureTables.read(SharedData.data("formats/unifrac-crawford/crawford.biom")).table();
        AlphaDiversity.Result r = AlphaDiversity.compute(table, "crawford.biom", List.of(AlphaMetric.SHANNON), null, 2);
        Map<String, Map<String, Double>> expected = SharedData.table("crawford-alpha.tsv");
        for (int s = 0; s < r.sampleIds().size(); s++) {
            assertThat(SharedData.close(r.values()[s][0], expected.get(r.sampleIds().get(s)).get("shannon_base2"), 1e-9)).isTrue();
        }
    }

    @Test
    void claessonOtuTableMatchesScikitBio() {
        FeatureTable table = FeatureTables.read(SharedData.data("real/claesson2012/otutable.txt")).table();
        compare(AlphaDiversity.compute(table, "otutable.txt", NO_TREE, null, Math.E), expected("claesson-otu"), 1e-9);
    }

    @Test
    void karlssonLineageTableMatchesScikitBio() {
        FeatureTable table = FeatureTables.read(SharedData.data("real/karlsson2013/taxatable.txt")).table();
        compare(AlphaDiversity.compute(table, "taxatable.txt", NO_TREE, null, Math.E), expected("karlsson"), 1e-9);
    }

    @Test
    void chao1IsBiasCorrectedByDefaultAndClassicByName() {
        FeatureTable t = FeatureTable.builder("t", List.of("a", "b"), List.of("f1", "f2", "f3", "f4")).add(0, 0, 1, "x")
                .add(0, 1, 1, "x").add(0, 2, 5, "x").add(1, 0, 1, "x").add(1, 1, 2, "x").add(1, 2, 2, "x").add(1, 3, 9, "x").build();
        AlphaDiversity.Result r = AlphaDiversity.compute(t, "t", List.of(AlphaMetric.CHAO1, AlphaMetric.CHAO1_CLASSIC), null, Math.E);
        // a: F1 = 2, F2 = 0, S = 3: both forms S + F1(F1 − 1)/(2(F2 + 1)) = 4 (the classic one falls back without doubletons)
        assertThat(r.values()[0]).containsExactly(3 + 2.0 * 1 / 2, 3 + 2.0 * 1 / 2);
        // b: F1 = 1, F2 = 2, S = 4: bias-corrected 4 + 1·0/(2·3) = 4; classic 4 + 1/(2·2) = 4.25
        assertThat(r.values()[1]).containsExactly(4.0, 4.25);
    }

    @Test
    void chao1FormsDifferWhereThereAreDoubletons() {
        FeatureTable t = FeatureTable.builder("t", List.of("a"), List.of("f1", "f2", "f3", "f4")).add(0, 0, 1, "x")
                .add(0, 1, 1, "x").add(0, 2, 2, "x").add(0, 3, 7, "x").build();
        AlphaDiversity.Result r = AlphaDiversity.compute(t, "t", List.of(AlphaMetric.CHAO1, AlphaMetric.CHAO1_CLASSIC), null, Math.E);
        // F1 = 2, F2 = 1, S = 4: bias-corrected 4 + 2·1/(2·2) = 4.5; classic 4 + 4/2 = 6
        assertThat(r.values()[0]).containsExactly(4.5, 6.0);
    }

    @Test
    void chao1MatchesVeganEstimateR() {
        for (String dataset : List.of("crawford", "claesson-otu", "karlsson")) {
            String file = switch (dataset) {
                case "crawford" -> "formats/unifrac-crawford/crawford.biom";
                case "claesson-otu" -> "real/claesson2012/otutable.txt";
                default -> "real/karlsson2013/taxatable.txt";
            };
            FeatureTable table = FeatureTables.read(SharedData.data(file)).table();
            AlphaDiversity.Result r = AlphaDiversity.compute(table, file, List.of(AlphaMetric.CHAO1), null, Math.E);
            Map<String, Map<String, Double>> vegan = SharedData.table(dataset + "-chao1.tsv");
            for (int s = 0; s < r.sampleIds().size(); s++) {
                double want = vegan.get(r.sampleIds().get(s)).get("vegan_S.chao1");
                assertThat(SharedData.close(r.values()[s][0], want, 1e-9)).as(dataset + " " + r.sampleIds().get(s)).isTrue();
            }
        }
    }

    @Test
    void badInputIsRefused() {
        FeatureTable withEmpty = FeatureTable.builder("t", List.of("a", "b"), List.of("f1")).add(0, 0, 3, "x").build();
        assertThatThrownBy(() -> AlphaDiversity.compute(withEmpty, "t.tsv", NO_TREE, null, Math.E))
                .hasMessageContaining("sample 'b' has no counts");
        FeatureTable relative = FeatureTable.builder("t", List.of("a"), List.of("f1", "f2")).add(0, 0, 0.4, "x").add(0, 1, 0.6, "x").build();
        assertThatThrownBy(() -> AlphaDiversity.compute(relative, "t.tsv", List.of(AlphaMetric.CHAO1), null, Math.E))
                .hasMessageContaining("integer counts");
        assertThatThrownBy(() -> AlphaDiversity.compute(relative, "t.tsv", List.of(AlphaMetric.FAITH_PD), null, Math.E))
                .hasMessageContaining("--tree");
        assertThatThrownBy(() -> AlphaMetric.parse("goods")).hasMessageContaining("valid metrics: observed_features, shannon");
    }
}
