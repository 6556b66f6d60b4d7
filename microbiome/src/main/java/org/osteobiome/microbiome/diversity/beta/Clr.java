package org.osteobiome.microbiome.diversity.beta;

import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.table.FeatureTable;

/**
 * Centred log-ratio transform with zeros handled by a pseudocount or by multiplicative replacement
 * (Martín-Fernández et al. 2003: zeros become δ, the other parts are scaled by 1 − k·δ; δ = 1/D² by default, as in
 * scikit-bio). Kept sparse: a sample's CLR is its zero value z for every absent feature and z + u for present ones.
 */
public final class Clr {
    private Clr() {
    }

    /** How zeros are replaced before the logarithm. */
    public record ZeroHandling(double pseudocount, boolean multiplicativeReplacement, double delta) implements java.io.Serializable {
        public static ZeroHandling pseudocount(double c) {
            if (!(c > 0) || !Double.isFinite(c)) {
                throw OsteobiomeException.invalid("the pseudocount must be a positive number, got " + c);
            }
            return new ZeroHandling(c, false, Double.NaN);
        }

        /** Multiplicative replacement with δ; NaN means 1/D². */
        public static ZeroHandling multiplicative(double delta) {
            return new ZeroHandling(Double.NaN, true, delta);
        }

        public String describe() {
            return multiplicativeReplacement ? "multiplicative replacement" + (Double.isNaN(delta) ? " (delta = 1/D²)" : " (delta = " + delta + ")")
                    : "pseudocount " + pseudocount;
        }
    }

    /** Per sample the CLR value of absent features, and per table entry the excess u over it. */
    public record Sparse(double[] zeroValues, double[] entries) {
    }

    public static Sparse transform(FeatureTable table, ZeroHandling zeros) {
        int n = table.sampleCount();
        int features = table.featureCount();
        double[] zero = new double[n];
        double[] u = new double[(int) table.nonZeroCount()];
        double delta = zeros.multiplicativeReplacement()
                ? (Double.isNaN(zeros.delta()) ? 1.0 / ((double) features * features) : zeros.delta()) : Double.NaN;
        for (int s = 0; s < n; s++) {
            int present = table.observed(s);
            int absent = features - present;
            double logAbsent;
            double sumLog = 0;
            if (zeros.multiplicativeReplacement()) {
                double total = table.sampleTotal(s);
                double scale = 1 - absent * delta;
                if (!(scale > 0)) {
                    throw OsteobiomeException.invalid("multiplicative replacement with delta " + delta + " and " + absent
                            + " zeros leaves nothing for the other parts of sample " + table.sampleIds().get(s) + "; use a smaller delta");
                }
                logAbsent = Math.log(delta);
                for (int k = table.start(s); k < table.end(s); k++) {
                    double log = Math.log(table.valueAt(k) / total * scale);
                    u[k] = log;
                    sumLog += log;
                }
            } else {
                logAbsent = Math.log(zeros.pseudocount());
                for (int k = table.start(s); k < table.end(s); k++) {
                    double log = Math.log(table.valueAt(k) + zeros.pseudocount());
                    u[k] = log;
                    sumLog += log;
                }
            }
            double mean = (sumLog + absent * logAbsent) / features;
            zero[s] = logAbsent - mean;
            for (int k = table.start(s); k < table.end(s); k++) {
                u[k] -= logAbsent;
            }
        }
        return new Sparse(zero, u);
    }

    /** The dense CLR of sample s (for small tables and tests). */
    public static double[] dense(FeatureTable table, Sparse clr, int sample) {
        double[] out = new double[table.featureCount()];
        java.util.Arrays.fill(out, clr.zeroValues()[sample]);
        for (int k = table.start(sample); k < table.end(sample); k++) {
            out[table.featureAt(k)] += clr.entries()[k];
        }
        return out;
    }
}
