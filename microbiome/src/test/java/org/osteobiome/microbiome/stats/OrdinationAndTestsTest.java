package org.osteobiome.microbiome.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteobiome.microbiome.SharedData;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;
import org.osteobiome.microbiome.metadata.MetadataReader;
import org.osteobiome.microbiome.metadata.SampleMetadata;
import org.osteobiome.microbiome.ordination.Ordination;
import org.osteobiome.microbiome.ordination.Pcoa;

/**
 * PCoA and the permutation tests against scikit-bio 0.5.8 and R vegan 2.6-4 (fixtures/generate.sh). Statistics
 * are deterministic and compared to 1e-9 (PERMDISP with spatial medians: to the iterative medians' accuracy);
 * p-values come from different random permutations, so they are compared within Monte Carlo error.
 */
class OrdinationAndTestsTest {
    private static final DistanceMatrix UNWEIGHTED = SharedData.distances("crawford-unweighted-unifrac-skbio.lsmat");
    private static final DistanceMatrix CLAESSON_BC = SharedData.distances("claesson-otu-braycurtis.lsmat");

    @Test
    void pcoaEigenvaluesProportionsAndCoordinatesMatchScikitBio() {
        Ordination o = Pcoa.exact(UNWEIGHTED);
        Map<String, Map<String, Double>> expected = SharedData.table("crawford-unweighted-pcoa-eigenvalues.tsv");
        int axis = 0;
        for (Map<String, Double> row : expected.values()) {
            double want = row.get("eigenvalue");
            if (want > 0) {
                assertThat(SharedData.close(o.eigenvalues()[axis], want, 1e-9)).as("eigenvalue %d", axis + 1).isTrue();
                assertThat(SharedData.close(o.proportionExplained()[axis], row.get("proportion_explained"), 1e-9)).isTrue();
            }
            axis++;
        }
        Map<String, Map<String, Double>> coordinates = SharedData.table("crawford-unweighted-pcoa-coordinates.tsv");
        for (int a = 0; a < 3; a++) {
            String pc = "PC" + (a + 1);
            int first = o.ids().indexOf(coordinates.keySet().iterator().next());
            double sign = Math.signum(o.coordinates()[first][a]) * Math.signum(coordinates.values().iterator().next().get(pc));
            for (Map.Entry<String, Map<String, Double>> e : coordinates.entrySet()) {
                double got = sign * o.coordinates()[o.ids().indexOf(e.getKey())][a];
                assertThat(got).as("%s of %s", pc, e.getKey()).isCloseTo(e.getValue().get(pc), org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void negativeEigenvaluesAreReportedNotDropped() {
        Ordination o = Pcoa.exact(CLAESSON_BC);
        Map<String, Map<String, Double>> expected = SharedData.table("claesson-otu-braycurtis-pcoa-eigenvalues.tsv");
        List<Double> positive = new ArrayList<>();
        expected.values().forEach(r -> {
            if (r.get("eigenvalue") > 0) {
                positive.add(r.get("eigenvalue"));
            }
        });
        for (int i = 0; i < positive.size(); i++) {
            assertThat(SharedData.close(o.eigenvalues()[i], positive.get(i), 1e-8)).as("eigenvalue %d", i + 1).isTrue();
        }
        // scikit-bio sets them to 0; here they are kept, and there are some for Bray–Curtis.
        assertThat(o.negativeEigenvalueSum()).isLessThan(0);
        assertThat(o.axes()).isEqualTo(positive.size());
    }

    @Test
    void randomizedPcoaFindsTheLeadingAxesAndIsSeeded() {
        Ordination exact = Pcoa.exact(CLAESSON_BC);
        Ordination fast = Pcoa.randomized(CLAESSON_BC, 5, 7);
        for (int a = 0; a < 5; a++) {
            assertThat(SharedData.close(fast.eigenvalues()[a], exact.eigenvalues()[a], 1e-6)).as("axis %d", a + 1).isTrue();
        }
        assertThat(Pcoa.randomized(CLAESSON_BC, 5, 7).coordinates()).isDeepEqualTo(fast.coordinates());
    }

    @Test
    void exactPcoaOfEuclideanPointsReproducesTheirDistancesOnAnyThreadCountWithProgress() {
        // 400 seeded points in 6 dimensions: PCoA must give 6 positive axes whose coordinates reproduce every distance
        // (Gower 1966), and the result must not depend on how the eigensolver's loops are split between threads.
        int n = 400;
        int dims = 6;
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        double[][] points = new double[n][dims];
        for (double[] p : points) {
            for (int d = 0; d < dims; d++) {
                p[d] = random.nextDouble() * (d + 1);
            }
        }
        List<String> ids = new ArrayList<>();
        double[] condensed = new double[n * (n - 1) / 2];
        for (int i = 0, k = 0; i < n; i++) {
            ids.add("s" + i);
            for (int j = i + 1; j < n; j++) {
                condensed[k++] = euclidean(points[i], points[j]);
            }
        }
        DistanceMatrix dm = new DistanceMatrix(ids, condensed);
        long[] reported = {0, 0};
        Ordination one = Pcoa.exact(dm, 1, (done, total) -> {
            synchronized (reported) {
                assertThat(done).isGreaterThanOrEqualTo(reported[0]).isLessThanOrEqualTo(total);
                reported[0] = done;
                reported[1] = total;
            }
        });
        assertThat(reported[0]).isEqualTo(reported[1]).isPositive();
        Ordination three = Pcoa.exact(dm, 3, org.osteobiome.core.Progress.NONE);
        assertThat(three.coordinates()).isDeepEqualTo(one.coordinates());
        assertThat(three.eigenvalues()).isEqualTo(one.eigenvalues());
        assertThat(one.axes()).isEqualTo(dims);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                worst = Math.max(worst, Math.abs(euclidean(one.coordinates()[i], one.coordinates()[j]) - dm.get(i, j)));
            }
        }
        assertThat(worst).isLessThan(1e-9);
    }

    private static double euclidean(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += (a[d] - b[d]) * (a[d] - b[d]);
        }
        return Math.sqrt(s);
    }

    private static Grouping crawfordTreatment() {
        SampleMetadata m = MetadataReader.read(SharedData.data("formats/unifrac-crawford/crawford.group.tsv"));
        return Grouping.of(m.values("Treatment", UNWEIGHTED.ids()), "Treatment");
    }

    private static void assertPValue(double p, double reference) {
        // Two independent Monte Carlo estimates with 999 permutations: allow four standard errors of their difference.
        double se = Math.sqrt(2 * Math.max(reference * (1 - reference), 0.001) / 1000);
        assertThat(Math.abs(p - reference)).as("p %s vs reference %s", p, reference).isLessThanOrEqualTo(4 * se + 0.002);
    }

    @Test
    void crawfordStatisticsMatchScikitBioAndVegan() {
        Map<String, Map<String, Double>> skbio = SharedData.table("crawford-unweighted-stats.tsv");
        Map<String, Map<String, Double>> vegan = SharedData.table("crawford-unweighted-stats-vegan.tsv");
        Grouping g = crawfordTreatment();
        TestResult permanova = PermutationTests.permanova(UNWEIGHTED, g, 999, 42, 1);
        assertThat(SharedData.close(permanova.statistic(), skbio.get("permanova").get("statistic"), 1e-9)).isTrue();
        assertThat(SharedData.close(permanova.statistic(), vegan.get("permanova").get("statistic"), 1e-9)).isTrue();
        assertPValue(permanova.pValue(), skbio.get("permanova").get("p_value"));
        TestResult anosim = PermutationTests.anosim(UNWEIGHTED, g, 999, 42, 1);
        assertThat(anosim.statistic()).isEqualTo(0.8125); // exact rational value, reported by both tools
        assertPValue(anosim.pValue(), skbio.get("anosim").get("p_value"));
        TestResult centroid = PermutationTests.permdisp(UNWEIGHTED, g, false, 999, 42, 1);
        assertThat(SharedData.close(centroid.statistic(), skbio.get("permdisp_centroid").get("statistic"), 1e-9)).isTrue();
        assertThat(SharedData.close(centroid.statistic(), vegan.get("permdisp_centroid").get("statistic"), 1e-9)).isTrue();
        TestResult median = PermutationTests.permdisp(UNWEIGHTED, g, true, 999, 42, 1);
        // Both references approximate the spatial median iteratively; they differ from each other by 3e-6 relative.
        assertThat(SharedData.close(median.statistic(), skbio.get("permdisp").get("statistic"), 1e-5)).isTrue();
        assertThat(SharedData.close(median.statistic(), vegan.get("permdisp_median").get("statistic"), 1e-5)).isTrue();
        assertPValue(median.pValue(), skbio.get("permdisp").get("p_value"));
    }

    @Test
    void claessonTestsBySexMatchScikitBio() {
        SampleMetadata m = MetadataReader.read(SharedData.data("real/claesson2012/mapping-orig.txt"));
        Grouping g = Grouping.of(m.values("SEX", CLAESSON_BC.ids()), "SEX");
        Map<String, Map<String, Double>> skbio = SharedData.table("claesson-otu-braycurtis-stats.tsv");
        TestResult permanova = PermutationTests.permanova(CLAESSON_BC, g, 999, 1, 2);
        assertThat(SharedData.close(permanova.statistic(), skbio.get("permanova").get("statistic"), 1e-9)).isTrue();
        assertPValue(permanova.pValue(), skbio.get("permanova").get("p_value"));
        TestResult anosim = PermutationTests.anosim(CLAESSON_BC, g, 999, 1, 2);
        assertThat(SharedData.close(anosim.statistic(), skbio.get("anosim").get("statistic"), 1e-9)).isTrue();
        assertPValue(anosim.pValue(), skbio.get("anosim").get("p_value"));
        TestResult permdisp = PermutationTests.permdisp(CLAESSON_BC, g, true, 999, 1, 2);
        assertThat(SharedData.close(permdisp.statistic(), skbio.get("permdisp").get("statistic"), 1e-5)).isTrue();
    }

    @Test
    void sameSeedSameResultWhateverTheThreads() {
        Grouping g = crawfordTreatment();
        TestResult a = PermutationTests.permanova(UNWEIGHTED, g, 499, 123, 1);
        TestResult b = PermutationTests.permanova(UNWEIGHTED, g, 499, 123, 4);
        TestResult c = PermutationTests.permanova(UNWEIGHTED, g, 499, 124, 1);
        assertThat(b).isEqualTo(a);
        assertThat(a.pValue()).isEqualTo(b.pValue());
        assertThat(c.seed()).isNotEqualTo(a.seed());
        assertThat(a.pValue() * 500 % 1).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9)); // (count + 1)/(perms + 1)
    }
}
