package org.osteobiome.model.ode;

/** One accepted step with its continuous extension (dense output) over [start, end]. */
interface DenseStep {

    double start();

    double end();

    /** Writes the interpolated state at {@code t} (within [start, end]) into {@code out}. */
    void stateAt(double t, double[] out);
}
