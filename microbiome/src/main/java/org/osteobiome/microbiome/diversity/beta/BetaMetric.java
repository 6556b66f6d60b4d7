package org.osteobiome.microbiome.diversity.beta;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.osteobiome.core.OsteobiomeException;

/** Between-sample distances, with the names QIIME 2, scikit-bio and Striped UniFrac use. */
public enum BetaMetric {
    /** Σ|x − y| / Σ(x + y) on the values as given (counts, or relative abundances on request). */
    BRAY_CURTIS("braycurtis", false),
    /** 1 − |A ∩ B| / |A ∪ B| on presence/absence. */
    JACCARD("jaccard", false),
    /** Euclidean distance of centred log-ratios (pseudocount or multiplicative replacement for zeros). */
    AITCHISON("aitchison", false),
    /** Lozupone &amp; Knight 2005: unique branch length over branch length spanned by either sample. */
    UNWEIGHTED_UNIFRAC("unweighted_unifrac", true),
    /** Lozupone et al. 2007, normalised to [0, 1] by the root-to-tip distances. */
    WEIGHTED_NORMALIZED_UNIFRAC("weighted_normalized_unifrac", true),
    /** Lozupone et al. 2007 without normalisation. */
    WEIGHTED_UNNORMALIZED_UNIFRAC("weighted_unnormalized_unifrac", true);

    private final String id;
    private final boolean phylogenetic;

    BetaMetric(String id, boolean phylogenetic) {
        this.id = id;
        this.phylogenetic = phylogenetic;
    }

    public String id() {
        return id;
    }

    public boolean needsTree() {
        return phylogenetic;
    }

    public static BetaMetric parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        switch (n) {
            case "bray_curtis", "bc" -> {
                return BRAY_CURTIS;
            }
            case "unweighted" -> {
                return UNWEIGHTED_UNIFRAC;
            }
            case "weighted_normalized" -> {
                return WEIGHTED_NORMALIZED_UNIFRAC;
            }
            case "weighted_unnormalized", "weighted_unifrac" -> {
                return WEIGHTED_UNNORMALIZED_UNIFRAC;
            }
            default -> {
                for (BetaMetric m : values()) {
                    if (m.id.equals(n)) {
                        return m;
                    }
                }
            }
        }
        throw OsteobiomeException.unknown("unknown beta metric '" + name + "'; valid metrics: " + String.join(", ", ids()));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(BetaMetric::id).toList();
    }
}
