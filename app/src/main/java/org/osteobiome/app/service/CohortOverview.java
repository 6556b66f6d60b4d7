package org.osteobiome.app.service;

import java.util.Arrays;
import java.util.List;
import org.osteobiome.core.Quantiles;
import org.osteobiome.microbiome.cohort.AlphaByGroup;
import org.osteobiome.microbiome.cohort.CohortDesign;
import org.osteobiome.microbiome.diversity.alpha.AlphaDiversity;
import org.osteobiome.microbiome.diversity.alpha.AlphaMetric;
import org.osteobiome.microbiome.diversity.beta.BetaDiversity;
import org.osteobiome.microbiome.diversity.beta.BetaMetric;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;
import org.osteobiome.microbiome.metadata.SampleMetadata;
import org.osteobiome.microbiome.ordination.Ordination;
import org.osteobiome.microbiome.ordination.Pcoa;
import org.osteobiome.microbiome.stats.DistanceModel;
import org.osteobiome.microbiome.stats.Grouping;
import org.osteobiome.microbiome.stats.PermutationTests;
import org.osteobiome.microbiome.stats.TestResult;
import org.osteobiome.microbiome.table.FeatureTable;

/**
 * A first look at a cohort, as the web application's cohort page shows it: the checks (samples, taxa, depths, samples left out
 * for a missing group), alpha diversity by group with Kruskal–Wallis and pairwise Wilcoxon, the Bray–Curtis PCoA coloured
 * by group, and PERMANOVA with PERMDISP beside it. Seeded.
 */
public final class CohortOverview {
    private CohortOverview() {
    }

    /** Sequencing depths and what the table and metadata hold. */
    public record Checks(int samples, int taxa, int analysed, List<String> leftOut, double minDepth, double medianDepth,
                         double maxDepth, List<String> metadataWarnings) {
    }

    /** The first two PCoA axes with each sample's group. */
    public record Placement(List<String> ids, List<String> groups, double[] axis1, double[] axis2, double explained1,
                            double explained2) {
    }

    public record Result(Checks checks, List<String> levels, int[] groupSizes, AlphaByGroup.Result alpha, Placement pcoa,
                         DistanceModel.Row permanova, TestResult permdisp, int permutations, long seed) {
    }

    public static Result run(FeatureTable table, String tableName, SampleMetadata metadata, String groupColumn, int permutations, long seed,
                             int threads) {
        CohortDesign design = CohortDesign.build(table.sampleIds(), metadata, groupColumn, null, List.of(), true);
        double[] depths = table.sampleTotals().clone();
        Arrays.sort(depths);
        List<String> leftOut = design.dropped();
        Checks checks = new Checks(table.sampleCount(), table.featureIds().size(), design.sampleCount(), leftOut, depths[0],
                Quantiles.of(depths, 0.5), depths[depths.length - 1], metadata.warnings());
        FeatureTable kept = table.selectSamples(design.tableRows());
        AlphaDiversity.Result alpha = AlphaDiversity.compute(table, tableName,
                List.of(AlphaMetric.SHANNON, AlphaMetric.OBSERVED_FEATURES, AlphaMetric.SIMPSON), null, Math.E);
        AlphaByGroup.Result byGroup = AlphaByGroup.compare(alpha, design);
        DistanceMatrix dm = BetaDiversity.compute(kept, tableName, BetaMetric.BRAY_CURTIS, null,
                BetaDiversity.Options.defaults().withThreads(threads));
        Ordination o = dm.size() <= Pcoa.EXACT_LIMIT ? Pcoa.exact(dm) : Pcoa.randomized(dm, 2, seed);
        String[] groups = new String[design.sampleCount()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = design.levels().get(design.groups()[i]);
        }
        double[] a1 = new double[groups.length];
        double[] a2 = new double[groups.length];
        for (int i = 0; i < groups.length; i++) {
            a1[i] = o.coordinates()[i][0];
            a2[i] = o.axes() > 1 ? o.coordinates()[i][1] : 0;
        }
        Placement placement = new Placement(o.ids(), List.of(groups), a1, a2, o.proportionExplained()[0],
                o.axes() > 1 ? o.proportionExplained()[1] : 0);
        DistanceModel.Result permanova = DistanceModel.test(dm, design.design(), design.permanovaTerms(), DistanceModel.By.TERMS,
                permutations, seed, threads);
        TestResult permdisp = PermutationTests.permdisp(dm, Grouping.of(groups, groupColumn), true, permutations, seed, threads);
        return new Result(checks, design.levels(), design.groupSizes(), byGroup, placement, permanova.rows().get(0), permdisp, permutations,
                seed);
    }
}
