package org.osteobiome.bench;

import java.util.Locale;
import org.osteobiome.microbiome.diversity.beta.BetaDiversity;
import org.osteobiome.microbiome.diversity.beta.BetaMetric;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;
import org.osteobiome.microbiome.ordination.Ordination;
import org.osteobiome.microbiome.ordination.Pcoa;
import org.osteobiome.microbiome.synthetic.SyntheticCommunities;

/**
 * How close the randomized PCoA comes to the exact one on Bray–Curtis of seeded synthetic tables (the ones
 * DiversityBenchmark uses): for each of the leading axes, the relative error of its eigenvalue and 1 − |cos| between
 * its coordinates and the exact axis's (0 when the axes coincide up to sign). Prints one TSV row per size and axis.
 *
 * <p>Run: {@code java -cp bench/target/osteobiome-bench.jar:bench/target/lib/* org.osteobiome.bench.PcoaAccuracy 500 1000 2000}
 */
public final class PcoaAccuracy {
    private static final int AXES = 10;

    private PcoaAccuracy() {
    }

    public static void main(String[] args) {
        System.out.println("samples\taxis\texact_eigenvalue\trelative_eigenvalue_error\tone_minus_abs_cos\texact_s\trandomized_s");
        for (String arg : args.length == 0 ? new String[] {"500", "1000", "2000"} : args) {
            int n = Integer.parseInt(arg);
            DistanceMatrix dm = BetaDiversity.compute(SyntheticCommunities.table(n, 2000, 0.05, 1), "synthetic",
                    BetaMetric.BRAY_CURTIS, null, BetaDiversity.Options.defaults());
            long t0 = System.nanoTime();
            Ordination exact = Pcoa.exact(dm, Runtime.getRuntime().availableProcessors(), org.osteobiome.core.Progress.NONE);
            long t1 = System.nanoTime();
            Ordination fast = Pcoa.randomized(dm, AXES, 1);
            long t2 = System.nanoTime();
            for (int a = 0; a < AXES; a++) {
                double want = exact.eigenvalues()[a];
                double dot = 0;
                double nx = 0;
                double ny = 0;
                for (int i = 0; i < n; i++) {
                    double x = exact.coordinates()[i][a];
                    double y = fast.coordinates()[i][a];
                    dot += x * y;
                    nx += x * x;
                    ny += y * y;
                }
                System.out.printf(Locale.ROOT, "%d\t%d\t%.6g\t%.2e\t%.2e\t%.2f\t%.2f%n", n, a + 1, want,
                        Math.abs(fast.eigenvalues()[a] - want) / want, 1 - Math.abs(dot) / Math.sqrt(nx * ny),
                        (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            }
        }
    }
}
