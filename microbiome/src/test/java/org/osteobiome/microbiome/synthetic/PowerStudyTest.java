package org.osteobiome.microbiome.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteobiome.microbiome.SharedData;
import org.osteobiome.microbiome.io.FeatureTables;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.table.Rank;
import org.osteobiome.microbiome.table.TaxonomyCollapse;

/** Power by simulation: large planted shifts are found in larger cohorts, the result is seeded, bad sizes refused. */
class PowerStudyTest {
    private static final FeatureTable GENUS = TaxonomyCollapse.collapse(
            FeatureTables.read(SharedData.data("real/karlsson2013/taxatable.txt")).table(), Rank.GENUS, "taxatable.txt");

    private static Map<String, Double> large() {
        Map<String, Double> effects = new java.util.LinkedHashMap<>();
        for (String genus : List.of("g__Faecalibacterium", "g__Bacteroides", "g__Roseburia")) {
            for (int f = 0; f < GENUS.featureCount(); f++) {
                if (GENUS.featureIds().get(f).endsWith(genus)) {
                    effects.put(GENUS.featureIds().get(f), (genus.contains("Bacteroides") ? 1.5 : -1.5) * Math.log(2));
                }
            }
        }
        return effects;
    }

    @Test
    void largeShiftsAreFoundMoreOftenInLargerCohortsAndTheSeedFixesTheResult() {
        SyntheticCohort.Base base = SyntheticCohort.Base.fit(GENUS);
        Map<String, Double> effects = large();
        assertThat(effects).hasSize(3);
        List<PowerStudy.Row> a = PowerStudy.run(base, effects, new int[] {40, 240}, 3, 0.05, 5, 2, (d, n) -> { });
        List<PowerStudy.Row> b = PowerStudy.run(base, effects, new int[] {40, 240}, 3, 0.05, 5, 1, (d, n) -> { });
        assertThat(b).usingRecursiveFieldByFieldElementComparator().isEqualTo(a);
        PowerStudy.Row small = a.get(0);
        PowerStudy.Row big = a.get(1);
        assertThat(big.daPower()).isGreaterThan(small.daPower()).isGreaterThanOrEqualTo(2.0 / 3);
        assertThat(big.aurocPower()).isEqualTo(1.0);
        assertThat(big.auroc()).isGreaterThan(small.auroc());
        for (PowerStudy.Row r : a) {
            assertThat(r.replicates()).isEqualTo(3);
            assertThat(r.daFdr()).isBetween(0.0, 1.0);
            assertThat(r.permanovaPower()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void impossibleSettingsAreRefused() {
        SyntheticCohort.Base base = SyntheticCohort.Base.fit(GENUS);
        assertThatThrownBy(() -> PowerStudy.run(base, large(), new int[] {5}, 2, 0.05, 1, 1, (d, n) -> { }))
                .hasMessageContaining("--n 5");
        assertThatThrownBy(() -> PowerStudy.run(base, large(), new int[] {50}, 0, 0.05, 1, 1, (d, n) -> { }))
                .hasMessageContaining("--replicates 0");
        assertThatThrownBy(() -> PowerStudy.run(base, large(), new int[] {50}, 2, 1.5, 1, 1, (d, n) -> { }))
                .hasMessageContaining("--alpha");
    }
}
