package org.osteobiome.microbiome.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.SharedData;
import org.osteobiome.microbiome.io.FeatureTables;
import org.osteobiome.microbiome.metadata.MetadataReader;
import org.osteobiome.microbiome.metadata.SampleMetadata;
import org.osteobiome.microbiome.stats.MultipleTesting;
import org.osteobiome.microbiome.synthetic.SyntheticCohort;
import org.osteobiome.microbiome.synthetic.SyntheticCommunities;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.table.Rank;
import org.osteobiome.microbiome.table.TaxonomyCollapse;

/**
 * Differential abundance against R 4.2.2 {@code lm} and {@code p.adjust} on Karlsson 2013 (fixtures/cohort_fixtures.R),
 * and on synthetic cohorts with planted truth.
 */
class DifferentialAbundanceTest {

    private static FeatureTable karlssonGenus() {
        FeatureTable raw = FeatureTables.read(SharedData.data("real/karlsson2013/taxatable.txt")).table();
        return TaxonomyCollapse.collapse(raw, Rank.GENUS, "taxatable.txt");
    }

    private static SampleMetadata karlssonMetadata() {
        return MetadataReader.read(SharedData.data("real/karlsson2013/mapping-orig.txt"));
    }

    @Test
    void uncorrectedCoefficientsEqualRLm() {
        FeatureTable table = karlssonGenus();
        CohortDesign design = CohortDesign.build(table.sampleIds(), karlssonMetadata(), "Classification", "NGT",
                List.of("Age", "BMI"), false);
        assertThat(design.columns()).containsExactly("(Intercept)", "Classification[IGT]", "Classification[T2D]", "Age", "BMI");
        DifferentialAbundance.Result result = DifferentialAbundance.test(table, "taxatable.txt", design,
                new DifferentialAbundance.Options(0.1, 0, 0.5));
        Map<String, DifferentialAbundance.Row> ours = new HashMap<>();
        for (DifferentialAbundance.Row r : result.rows()) {
            ours.put(r.taxon() + "|" + r.term(), r);
        }
        int compared = 0;
        int structural = 0;
        for (Map<String, String> row : SharedData.rows("karlsson-genus-lm.tsv")) {
            DifferentialAbundance.Row r = ours.get(row.get("taxon") + "|" + row.get("term"));
            assertThat(r).as(row.get("taxon") + " " + row.get("term")).isNotNull();
            if (r.status().startsWith("structural zero")) {
                structural++;
                continue;
            }
            assertThat(SharedData.close(r.uncorrectedEstimate(), Double.parseDouble(row.get("estimate")), 1e-9))
                    .as(row.get("taxon") + " estimate " + r.uncorrectedEstimate() + " vs " + row.get("estimate")).isTrue();
            assertThat(SharedData.close(r.uncorrectedStandardError(), Double.parseDouble(row.get("std_error")), 1e-9))
                    .as(row.get("taxon") + " standard error").isTrue();
            compared++;
        }
        assertThat(compared).isGreaterThan(400);
        assertThat(structural).isLessThan(compared / 10);
    }

    @Test
    void benjaminiHochbergEqualsPAdjust() {
        Map<String, List<double[]>> byTerm = new LinkedHashMap<>();
        for (Map<String, String> row : SharedData.rows("karlsson-genus-lm.tsv")) {
            byTerm.computeIfAbsent(row.get("term"), k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(row.get("p_value")), Double.parseDouble(row.get("q_bh"))});
        }
        assertThat(byTerm).hasSize(2);
        for (List<double[]> rows : byTerm.values()) {
            double[] p = rows.stream().mapToDouble(r -> r[0]).toArray();
            double[] q = MultipleTesting.benjaminiHochberg(p);
            for (int i = 0; i < p.length; i++) {
                assertThat(q[i]).isCloseTo(rows.get(i)[1], org.assertj.core.data.Offset.offset(1e-14));
            }
        }
    }

    @Test
    void benjaminiHochbergLeavesNaNOutOfTheCount() {
        // p.adjust(c(0.01, NA, 0.04, 0.03), "BH") = 0.03, NA, 0.04, 0.04 (m = 3)
        double[] q = MultipleTesting.benjaminiHochberg(new double[] {0.01, Double.NaN, 0.04, 0.03});
        assertThat(q[0]).isCloseTo(0.03, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(q[1]).isNaN();
        assertThat(q[2]).isCloseTo(0.04, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(q[3]).isCloseTo(0.04, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void plantedShiftsAreRecoveredWithTheFalseDiscoveryRateAtTheNominalLevel() {
        SyntheticCohort.Base base = SyntheticCohort.Base.fit(karlssonGenus());
        double fdpSum = 0;
        double fdpSquares = 0;
        double powerSum = 0;
        int seeds = 20;
        for (int seed = 1; seed <= seeds; seed++) {
            SplittableRandom pick = new SplittableRandom(1000 + seed);
            Map<String, Double> effects = new HashMap<>();
            while (effects.size() < 15) {
                int f = pick.nextInt(base.featureIds().size());
                if (base.meanAbundance()[f] > 1e-3) {
                    effects.put(base.featureIds().get(f), effects.size() % 2 == 0 ? -0.7 : 0.7);
                }
            }
            SyntheticCohort.Cohort cohort = SyntheticCohort.generate(base, 300, effects, seed);
            CohortDesign design = CohortDesign.build(cohort.table().sampleIds(), cohort.metadata(), "bone_status", "normal",
                    List.of("age", "bmi"), false);
            DifferentialAbundance.Result result = DifferentialAbundance.test(cohort.table(), "simulated", design,
                    DifferentialAbundance.Options.defaults());
            int discoveries = 0;
            int falseDiscoveries = 0;
            int truePlanted = 0;
            int plantedTested = 0;
            for (DifferentialAbundance.Row r : result.rows()) {
                if (!r.term().equals("bone_status[osteoporosis]") || !r.status().equals("tested")) {
                    continue;
                }
                boolean planted = effects.containsKey(r.taxon());
                plantedTested += planted ? 1 : 0;
                if (r.qValue() <= 0.05) {
                    discoveries++;
                    falseDiscoveries += planted ? 0 : 1;
                    truePlanted += planted ? 1 : 0;
                }
            }
            double fdp = discoveries == 0 ? 0 : (double) falseDiscoveries / discoveries;
            fdpSum += fdp;
            fdpSquares += fdp * fdp;
            powerSum += (double) truePlanted / plantedTested;
        }
        double fdr = fdpSum / seeds;
        double standardError = Math.sqrt((fdpSquares / seeds - fdr * fdr) / (seeds - 1));
        double power = powerSum / seeds;
        System.out.printf("planted-truth DA: mean FDP %.4f (SE %.4f), mean power %.3f over %d seeds%n", fdr, standardError,
                power, seeds);
        // BH at q = 0.05 promises FDR ≤ π0·q. The mean false-discovery proportion over the seeds estimates the FDR; the
        // claim fails when that estimate lies more than 1.645 standard errors above 0.05 (one-sided 5% test).
        assertThat(fdr).isLessThanOrEqualTo(0.05 + 1.645 * standardError);
        assertThat(power).isGreaterThan(0.5);
    }

    @Test
    void aTaxonAbsentFromAWholeGroupIsAStructuralZeroNotAFoldChange() {
        SyntheticCohort.Base base = SyntheticCohort.Base.fit(SyntheticCommunities.table(60, 40, 0.5, 3));
        SyntheticCohort.Cohort cohort = SyntheticCohort.generate(base, 200, Map.of(), 5);
        SampleMetadata meta = cohort.metadata();
        // remove F1 from every osteoporosis sample
        FeatureTable t = cohort.table();
        double[] values = new double[(int) t.nonZeroCount()];
        for (int s = 0; s < t.sampleCount(); s++) {
            boolean osteoporosis = cohort.women().get(s).boneStatus().equals("osteoporosis");
            for (int k = t.start(s); k < t.end(s); k++) {
                values[k] = osteoporosis && t.featureIds().get(t.featureAt(k)).equals("F1") ? 0 : t.valueAt(k);
            }
        }
        FeatureTable edited = t.withValues(values);
        CohortDesign design = CohortDesign.build(edited.sampleIds(), meta, "bone_status", "normal", List.of(), false);
        DifferentialAbundance.Result result = DifferentialAbundance.test(edited, "edited", design,
                new DifferentialAbundance.Options(0, 0, Double.NaN));
        List<DifferentialAbundance.Row> f1 = result.rows().stream().filter(r -> r.taxon().equals("F1")).toList();
        assertThat(f1).isNotEmpty().allSatisfy(r -> {
            assertThat(r.status()).contains("structural zero").contains("osteoporosis");
            assertThat(r.logFoldChange()).isNaN();
            assertThat(r.pValue()).isNaN();
        });
    }

    @Test
    void badDesignsAreRefusedWithTheFileAndTheFix() {
        SampleMetadata meta = karlssonMetadata();
        FeatureTable table = karlssonGenus();
        assertThatThrownBy(() -> CohortDesign.build(table.sampleIds(), meta, "Classification", "healthy", List.of(), false))
                .isInstanceOf(OsteobiomeException.class).hasMessageContaining("mapping-orig.txt")
                .hasMessageContaining("no sample with the healthy value 'healthy'");
        assertThatThrownBy(() -> CohortDesign.build(table.sampleIds(), meta, "Classification", "NGT", List.of("Years_in_Sweden"), false))
                .isInstanceOf(OsteobiomeException.class).hasMessageContaining("mapping-orig.txt")
                .hasMessageContaining("'Years_in_Sweden'").hasMessageContaining("--drop-incomplete");
        assertThatThrownBy(() -> CohortDesign.build(table.sampleIds(), meta, "Age", "70.02", List.of(), false))
                .isInstanceOf(OsteobiomeException.class).hasMessageContaining("continuous or id column");
        List<String> ids = new ArrayList<>(table.sampleIds());
        ids.add("S_unknown");
        assertThatThrownBy(() -> CohortDesign.build(ids, meta, "Classification", "NGT", List.of(), false))
                .isInstanceOf(OsteobiomeException.class).hasMessageContaining("S_unknown");
    }
}
