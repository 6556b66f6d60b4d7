package org.osteobiome.microbiome.ordination;

/**
 * Gower's centred matrix B = −½·J·D²·J of n samples, seen only through products with it, so that it can be held
 * anywhere: one array on this machine, or blocks spread over a cluster ({@link Pcoa#randomized(java.util.List,
 * CentredProducts, int, long, org.osteobiome.core.Progress)}).
 */
public interface CentredProducts {
    /** Samples. */
    int size();

    /** B·X for an n × k matrix X whose rows are samples. */
    double[][] times(double[][] x);

    /** The trace of B: the total inertia, which the proportions explained are shares of. */
    double trace();
}
