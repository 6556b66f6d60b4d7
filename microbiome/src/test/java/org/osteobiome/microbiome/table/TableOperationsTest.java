package org.osteobiome.microbiome.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.osteobiome.microbiome.SharedData;
import org.osteobiome.microbiome.io.FeatureTables;

class TableOperationsTest {
    private static final FeatureTable CLAESSON = FeatureTables.read(SharedData.data("real/claesson2012/otutable.txt")).table();

    @Test
    void rarefactionIsSeededAndHitsTheDepth() {
        Rarefaction.Result a = Rarefaction.rarefy(CLAESSON, 1000, 7);
        Rarefaction.Result b = Rarefaction.rarefy(CLAESSON, 1000, 7);
        Rarefaction.Result c = Rarefaction.rarefy(CLAESSON, 1000, 8);
        for (int s = 0; s < a.table().sampleCount(); s++) {
            assertThat(a.table().sampleTotal(s)).isEqualTo(1000);
            assertThat(a.table().sampleValues(s)).containsExactly(b.table().sampleValues(s));
        }
        assertThat(Arrays.equals(a.table().sampleValues(0), c.table().sampleValues(0))
                && Arrays.equals(a.table().sampleFeatures(0), c.table().sampleFeatures(0))).isFalse();
        long shallow = Arrays.stream(CLAESSON.sampleTotals()).filter(t -> t < 1000).count();
        assertThat(a.dropped()).hasSize((int) shallow);
    }

    @Test
    void rarefiedCountsFollowTheHypergeometricMean() {
        // One sample with features 1:3 in proportion; over many seeds the mean draw approaches depth·proportion.
        FeatureTable t = FeatureTable.builder("t", List.of("s"), List.of("a", "b")).add(0, 0, 250, "x").add(0, 1, 750, "x").build();
        double sum = 0;
        int runs = 400;
        for (int seed = 0; seed < runs; seed++) {
            sum += Rarefaction.rarefy(t, 100, seed).table().get(0, 0);
        }
        // Mean 25, SD of one draw √(100·0.25·0.75·900/999) ≈ 4.1: the mean of 400 draws is within ±0.8 (4 SE).
        assertThat(sum / runs).isBetween(24.2, 25.8);
    }

    @Test
    void filtersDropShallowSamplesAndRareFeatures() {
        FeatureTable filtered = new TableFilter(5000, 0.1, 0).apply(CLAESSON);
        assertThat(Arrays.stream(filtered.sampleTotals()).min().orElse(0)).isGreaterThanOrEqualTo(5000);
        int[] prevalence = filtered.featurePrevalence();
        assertThat(Arrays.stream(prevalence).min().orElse(0)).isGreaterThanOrEqualTo((int) Math.ceil(0.1 * filtered.sampleCount()));
        assertThatThrownBy(() -> new TableFilter(0, 2, 0)).hasMessageContaining("prevalence");
    }

    @Test
    void collapseToGenusKeepsEverySampleTotal() {
        FeatureTable taxa = FeatureTables.read(SharedData.data("real/karlsson2013/taxatable.txt")).table();
        FeatureTable genus = TaxonomyCollapse.collapse(taxa, Rank.GENUS, "taxatable.txt");
        assertThat(genus.featureCount()).isLessThan(taxa.featureCount());
        for (int s = 0; s < taxa.sampleCount(); s++) {
            assertThat(genus.sampleTotal(s)).isEqualTo(taxa.sampleTotal(s));
        }
        assertThat(genus.featureIds()).contains("k__Bacteria; p__Bacteroidetes; c__Bacteroidia; o__Bacteroidales; "
                + "f__Bacteroidaceae; g__Bacteroides");
        // Rows that stop above genus stay separate, padded with an unnamed genus.
        assertThat(genus.featureIds()).contains("k__Bacteria; p__Bacteroidetes; c__Bacteroidia; o__Bacteroidales; f__; g__");
    }

    @Test
    void lineageParsingAcrossConventions() {
        assertThat(Lineage.parse("k__Bacteria; p__Firmicutes; c__; g__Roseburia").at(Rank.GENUS)).isEqualTo("Roseburia");
        assertThat(Lineage.parse("d__Bacteria;p__Bacillota;c__Clostridia").at(Rank.CLASS)).isEqualTo("Clostridia");
        assertThat(Lineage.parse("k__Bacteria|p__Firmicutes|s__Faecalibacterium_prausnitzii").at(Rank.SPECIES))
                .isEqualTo("Faecalibacterium_prausnitzii");
        assertThat(Lineage.parse("Bacteria;Firmicutes;Clostridia").at(Rank.CLASS)).isEqualTo("Clostridia");
        assertThat(Lineage.parse("").names()).isEmpty();
        assertThat(Rank.parse("Genus")).isEqualTo(Rank.GENUS);
        assertThatThrownBy(() -> Rank.parse("tribe")).hasMessageContaining("valid ranks");
    }

    @Test
    void largeSparseTablesStayLean() {
        // 10,000 samples × 50,000 features at 2 % density: 10 million non-zeros.
        int samples = 10_000;
        int features = 50_000;
        List<String> sampleIds = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            sampleIds.add("S" + s);
        }
        List<String> featureIds = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            featureIds.add("F" + f);
        }
        FeatureTableBuilder builder = FeatureTable.builder("generated", sampleIds, featureIds);
        SplittableRandom random = new SplittableRandom(1);
        for (int s = 0; s < samples; s++) {
            int start = random.nextInt(features - 1000);
            for (int k = 0; k < 1000; k++) {
                builder.add(s, start + k, 1 + random.nextInt(50), "generated");
            }
        }
        FeatureTable table = builder.build();
        assertThat(table.nonZeroCount()).isEqualTo(10_000_000L);
        assertThat(table.density()).isEqualTo(0.02);
        // 12 bytes per non-zero plus the row pointers: about 120 MB.
        assertThat(table.numericBytes()).isLessThan(125_000_000L);
    }
}
