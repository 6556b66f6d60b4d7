package org.osteobiome.microbiome.diversity.alpha;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.osteobiome.core.OsteobiomeException;

/**
 * Within-sample diversity metrics, defined as in scikit-bio (and vegan), computed from a sample's non-zero
 * abundances. Shannon uses the natural logarithm unless another base is asked for.
 */
public enum AlphaMetric {
    /** Number of features present. */
    OBSERVED_FEATURES("observed_features"),
    /** H = −Σ p ln p (or another base). */
    SHANNON("shannon"),
    /** 1 − Σ p². */
    SIMPSON("simpson"),
    /** 1 / Σ p². */
    INVERSE_SIMPSON("inverse_simpson"),
    /** Pielou's evenness H / ln S (undefined for S = 1). */
    PIELOU_E("pielou_e"),
    /**
     * Bias-corrected Chao1 richness S + F1(F1 − 1)/(2(F2 + 1)) (Chao 1987 with the bias correction of Chao 2005):
     * scikit-bio's {@code chao1()} default, QIIME 2's {@code chao1} and vegan's {@code estimateR} S.chao1; needs
     * integer counts.
     */
    CHAO1("chao1"),
    /**
     * Classic Chao1 S + F1²/(2·F2), or the bias-corrected form when there are no doubletons (scikit-bio's
     * {@code chao1(bias_corrected=False)}); needs integer counts.
     */
    CHAO1_CLASSIC("chao1_classic"),
    /** Faith's phylogenetic diversity: needs a tree (see {@link FaithPd}). */
    FAITH_PD("faith_pd");

    private final String id;

    AlphaMetric(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean needsTree() {
        return this == FAITH_PD;
    }

    /** Whether the metric counts singletons and doubletons, so needs integer counts. */
    public boolean needsCounts() {
        return this == CHAO1 || this == CHAO1_CLASSIC;
    }

    /** The metrics computed when none are named: every one but the classic Chao1 (and Faith PD without a tree). */
    public static List<AlphaMetric> defaults(boolean withTree) {
        return Arrays.stream(values()).filter(m -> m != CHAO1_CLASSIC && (withTree || !m.needsTree())).toList();
    }

    public static AlphaMetric parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("observed_otus") || n.equals("observed")) {
            return OBSERVED_FEATURES;
        }
        if (n.equals("enspie") || n.equals("invsimpson")) {
            return INVERSE_SIMPSON;
        }
        for (AlphaMetric m : values()) {
            if (m.id.equals(n)) {
                return m;
            }
        }
        throw OsteobiomeException.unknown("unknown alpha metric '" + name + "'; valid metrics: " + String.join(", ", ids()));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(AlphaMetric::id).toList();
    }

    /**
     * The metric for one sample's non-zero abundances; NaN where it is undefined (Pielou with one feature).
     *
     * @param logBase base of the logarithm for Shannon (Math.E for nats)
     */
    double compute(double[] values, double logBase) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        switch (this) {
            case OBSERVED_FEATURES:
                return values.length;
            case SHANNON:
                return entropy(values, total) / Math.log(logBase);
            case SIMPSON:
                return 1 - sumOfSquares(values, total);
            case INVERSE_SIMPSON:
                return 1 / sumOfSquares(values, total);
            case PIELOU_E:
                return values.length < 2 ? Double.NaN : entropy(values, total) / Math.log(values.length);
            case CHAO1:
                return chao1(values, true);
            case CHAO1_CLASSIC:
                return chao1(values, false);
            default:
                throw new IllegalStateException(id + " is computed with a tree");
        }
    }

    private static double entropy(double[] values, double total) {
        double h = 0;
        for (double v : values) {
            double p = v / total;
            h -= p * Math.log(p);
        }
        return h;
    }

    private static double sumOfSquares(double[] values, double total) {
        double s = 0;
        for (double v : values) {
            double p = v / total;
            s += p * p;
        }
        return s;
    }

    private static double chao1(double[] counts, boolean biasCorrected) {
        int singletons = 0;
        int doubletons = 0;
        for (double c : counts) {
            if (c == 1) {
                singletons++;
            } else if (c == 2) {
                doubletons++;
            }
        }
        double observed = counts.length;
        if (!biasCorrected && doubletons > 0) {
            return observed + (double) singletons * singletons / (2.0 * doubletons);
        }
        return observed + singletons * (singletons - 1) / (2.0 * (doubletons + 1));
    }
}
