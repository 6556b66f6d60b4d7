package org.osteobiome.model.ode;

/** Where a system's Jacobian can be non-zero, found by evaluating its right-hand side. */
public final class JacobianPatterns {
    private JacobianPatterns() {
    }

    /**
     * The structural pattern of ∂f/∂y by NaN propagation: y_j is set to NaN at (t, y) and every f_i that becomes NaN
     * reads y_j; the diagonal is always included. Exact for systems whose only dependence on a state through a
     * comparison ({@code x >= 0 ? x : x·s}, a branch on a state) is on the row's own state or on states the row also
     * reads outside the branch; {@code Math.max}, {@code Math.min}, {@code abs} and {@code pow} propagate NaN and are
     * safe. A system with other branches on states must not use it (or must probe states covering every branch).
     */
    public static boolean[][] probe(OdeSystem system, double t, double[] y) {
        int n = system.dimension();
        boolean[][] pattern = new boolean[n][n];
        double[] probe = y.clone();
        double[] f = new double[n];
        for (int j = 0; j < n; j++) {
            probe[j] = Double.NaN;
            system.derivatives(t, probe, f);
            probe[j] = y[j];
            for (int i = 0; i < n; i++) {
                pattern[i][j] = i == j || Double.isNaN(f[i]);
            }
        }
        return pattern;
    }
}
