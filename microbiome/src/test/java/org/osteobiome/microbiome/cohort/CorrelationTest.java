package org.osteobiome.microbiome.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteobiome.microbiome.SharedData;
import org.osteobiome.microbiome.io.FeatureTables;
import org.osteobiome.microbiome.metadata.MetadataReader;
import org.osteobiome.microbiome.metadata.SampleMetadata;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.table.Rank;
import org.osteobiome.microbiome.table.TaxonomyCollapse;

/**
 * Spearman and partial Spearman correlation of every genus' CLR with HbA1c on Karlsson 2013, against R 4.2.2
 * {@code cor.test(method = "spearman", exact = FALSE)} and rank-residual partial correlation on Age and BMI
 * (fixtures/cohort_fixtures.R), ρ and p to 1e-9.
 */
class CorrelationTest {
    private static final FeatureTable GENUS = TaxonomyCollapse.collapse(
            FeatureTables.read(SharedData.data("real/karlsson2013/taxatable.txt")).table(), Rank.GENUS, "taxatable.txt");
    private static final SampleMetadata META = MetadataReader.read(SharedData.data("real/karlsson2013/mapping-orig.txt"));

    private static Map<String, Correlation.Row> run(List<String> columns) {
        CohortDesign design = CohortDesign.build(GENUS.sampleIds(), META, null, null, columns, false);
        Correlation.Result r = Correlation.spearman(GENUS, "taxatable.txt", design, 0.1);
        assertThat(r.outcome()).isEqualTo("HbA1c");
        Map<String, Correlation.Row> out = new HashMap<>();
        for (Correlation.Row row : r.rows()) {
            out.put(row.feature(), row);
        }
        assertThat(out).containsKeys("shannon", "butyrate_guild_proxy", "lactobacillus");
        return out;
    }

    @Test
    void plainAndPartialSpearmanEqualR() {
        Map<String, Correlation.Row> plain = run(List.of("HbA1c"));
        Map<String, Correlation.Row> partial = run(List.of("HbA1c", "Age", "BMI"));
        int compared = 0;
        for (Map<String, String> e : SharedData.rows("karlsson-genus-spearman-hba1c.tsv")) {
            String taxon = e.get("taxon");
            assertThat(plain).as(taxon).containsKey(taxon);
            check(plain.get(taxon).rho(), e.get("rho"), taxon + " ρ");
            check(plain.get(taxon).pValue(), e.get("p_value"), taxon + " p");
            check(partial.get(taxon).rho(), e.get("partial_rho"), taxon + " partial ρ");
            check(partial.get(taxon).pValue(), e.get("partial_p_value"), taxon + " partial p");
            compared++;
        }
        assertThat(compared).isGreaterThan(400);
        for (Correlation.Row r : partial.values()) {
            assertThat(r.qValue()).as(r.feature()).isBetween(r.pValue(), 1.0);
        }
    }

    private static void check(double ours, String expected, String what) {
        if (expected.strip().equals("NA")) {
            assertThat(ours).as(what).isNaN();
        } else {
            assertThat(SharedData.close(ours, Double.parseDouble(expected), 1e-9)).as(what + ": " + ours + " vs " + expected).isTrue();
        }
    }
}
