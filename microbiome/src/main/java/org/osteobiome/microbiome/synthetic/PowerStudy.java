package org.osteobiome.microbiome.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Parallel;
import org.osteobiome.core.Progress;
import org.osteobiome.microbiome.classify.ElasticNetCv;
import org.osteobiome.microbiome.classify.Roc;
import org.osteobiome.microbiome.cohort.CohortDesign;
import org.osteobiome.microbiome.cohort.DifferentialAbundance;
import org.osteobiome.microbiome.diversity.beta.BetaDiversity;
import org.osteobiome.microbiome.diversity.beta.BetaMetric;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;
import org.osteobiome.microbiome.stats.DistanceModel;

/**
 * Power to detect planted shifts by simulation: for each cohort size, {@code replicates} cohorts are drawn around the
 * base ({@link SyntheticCohort}, replicate r of size n seeded by (seed, n, r)) and analysed as a study would:
 * differential abundance (normal vs osteopenia vs osteoporosis, adjusted for age and BMI; a planted taxon is found
 * when any group term has q ≤ α), PERMANOVA on Aitchison distances (group after age and BMI, sequential, 199
 * permutations; rejected when p ≤ α), and the elastic-net classifier of healthy vs at-risk women (one repeat of 5-fold
 * cross-validation with 5-fold inner tuning; "detected" when the DeLong 95% interval of the AUROC excludes 0.5).
 */
public final class PowerStudy {
    private PowerStudy() {
    }

    static final int PERMUTATIONS = 199;

    /**
     * One cohort size.
     *
     * @param daPower        mean over replicates of the share of planted taxa found
     * @param daFdr          mean over replicates of the share of found taxa that were not planted (0 when none found)
     * @param permanovaPower share of replicates with PERMANOVA p ≤ α
     * @param auroc          mean cross-validated AUROC
     * @param aurocPower     share of replicates whose AUROC interval excludes 0.5
     * @param failures       replicates that could not be analysed, with the reason
     */
    public record Row(int n, int replicates, double daPower, double daFdr, double permanovaPower, double auroc, double aurocPower,
                      List<String> failures) {
    }

    public static List<Row> run(SyntheticCohort.Base base, Map<String, Double> effects, int[] sizes, int replicates, double alpha,
                                long seed, int threads, Progress progress) {
        if (replicates < 1 || replicates > 10_000) {
            throw OsteobiomeException.invalid("--replicates " + replicates + ": give 1 to 10000");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw OsteobiomeException.invalid("--alpha " + alpha + ": give a level between 0 and 1");
        }
        for (int n : sizes) {
            if (n < 20 || n > 100_000) {
                throw OsteobiomeException.invalid("--n " + n + ": simulate 20 to 100000 women per cohort (5-fold cross-validation "
                        + "needs several of each group)");
            }
        }
        long total = (long) sizes.length * replicates;
        AtomicLong done = new AtomicLong();
        List<Row> rows = new ArrayList<>();
        for (int s = 0; s < sizes.length; s++) {
            int n = sizes[s];
            double[][] outcome = new double[replicates][];
            String[] failed = new String[replicates];
            long sizeSeed = seed * 1_000_003L + n;
            Parallel.forEach(threads, replicates, r -> {
                try {
                    outcome[r] = replicate(base, effects, n, alpha, Parallel.random(sizeSeed, r).nextLong());
                } catch (OsteobiomeException e) {
                    failed[r] = "n " + n + ", replicate " + (r + 1) + ": " + e.getMessage();
                }
                progress.report(done.incrementAndGet(), total);
            });
            double[] sum = new double[5];
            int ok = 0;
            List<String> failures = new ArrayList<>();
            for (int r = 0; r < replicates; r++) {
                if (outcome[r] == null) {
                    failures.add(failed[r]);
                    continue;
                }
                ok++;
                for (int k = 0; k < 5; k++) {
                    sum[k] += outcome[r][k];
                }
            }
            if (ok == 0) {
                throw OsteobiomeException.invalid("every replicate of n " + n + " failed; first: " + failures.get(0));
            }
            rows.add(new Row(n, ok, sum[0] / ok, sum[1] / ok, sum[2] / ok, sum[3] / ok, sum[4] / ok, failures));
        }
        return rows;
    }

    /** {DA power, DA false discovery share, PERMANOVA rejected, AUROC, AUROC interval excludes 0.5} of one cohort. */
    static double[] replicate(SyntheticCohort.Base base, Map<String, Double> effects, int n, double alpha, long seed) {
        SyntheticCohort.Cohort cohort = SyntheticCohort.generate(base, n, effects, seed);
        CohortDesign design = CohortDesign.build(cohort.table().sampleIds(), cohort.metadata(), "bone_status", "normal",
                List.of("age", "bmi"), false);
        DifferentialAbundance.Result da = DifferentialAbundance.test(cohort.table(), "simulated cohort", design,
                DifferentialAbundance.Options.defaults());
        Set<String> found = new java.util.HashSet<>();
        for (DifferentialAbundance.Row row : da.rows()) {
            if (row.status().equals("tested") && row.qValue() <= alpha) {
                found.add(row.taxon());
            }
        }
        long hits = effects.keySet().stream().filter(found::contains).count();
        double power = effects.isEmpty() ? 0 : (double) hits / effects.size();
        double fdr = found.isEmpty() ? 0 : (double) (found.size() - hits) / found.size();

        DistanceMatrix dm = BetaDiversity.compute(cohort.table().selectSamples(design.tableRows()), "simulated cohort",
                BetaMetric.AITCHISON, null, BetaDiversity.Options.defaults().withThreads(1));
        DistanceModel.Result permanova = DistanceModel.test(dm, design.design(), design.permanovaTerms(), DistanceModel.By.TERMS,
                PERMUTATIONS, seed, 1);
        double rejected = permanova.rows().get(design.permanovaTerms().size() - 1).pValue() <= alpha ? 1 : 0;

        double[][] clr = new double[design.sampleCount()][];
        int[] y = new int[design.sampleCount()];
        double[][] values = DifferentialAbundance.clrOfRetained(cohort.table().selectSamples(design.tableRows()), 0.25);
        for (int i = 0; i < y.length; i++) {
            clr[i] = values[i];
            y[i] = design.groups()[i] == 0 ? 0 : 1;
        }
        ElasticNetCv.Result cv = ElasticNetCv.run(clr, y, new ElasticNetCv.Settings(1, 5, 5, 1, seed), 1, k -> { });
        Roc roc = Roc.of(cv.outOfFold(), y, 0.95);
        return new double[] {power, fdr, rejected, roc.auc(), roc.lower() > 0.5 ? 1 : 0};
    }
}
