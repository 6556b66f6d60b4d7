package org.osteobiome.model.ode;

/**
 * A system of ordinary differential equations y' = f(t, y).
 *
 * <p>Implementations must be safe to call from several threads at once when they are shared
 * between solves (keep per-call scratch space local).
 */
public interface OdeSystem {

    /** Number of state variables. */
    int dimension();

    /** Writes f(t, y) into {@code dydt}; must not modify {@code y}. */
    void derivatives(double t, double[] y, double[] dydt);

    /** True when f does not depend on t, which lets stiff solvers skip the time derivative. */
    default boolean isAutonomous() {
        return false;
    }

    /**
     * Indices of components whose derivative is identically zero: inputs that only events change. Stiff solvers leave
     * them out of the Jacobian and the linear algebra (their stage increments are zero), which saves work in
     * proportion to the cube of the dimension. {@link #derivatives} must write exactly 0 for them; RODAS4 checks this.
     */
    default int[] constantComponents() {
        return new int[0];
    }

    /** How failure messages name state {@code i}: its symbol where the system has one. */
    default String stateName(int i) {
        return "state component " + i;
    }

    /**
     * Which entries of ∂f/∂y can be non-zero: {@code pattern[row][column]} is false only where f_row never reads
     * y_column, whatever the state and time (a structural zero, not one that happens to vanish at some state). Stiff
     * solvers then form finite-difference Jacobians with one evaluation of f per group of columns that share no row
     * (Curtis, Powell and Reid 1974) instead of one per column; the Jacobian is the same, bit for bit, as long as the
     * pattern is right. Null (the default): every entry may be non-zero.
     */
    default boolean[][] jacobianPattern() {
        return null;
    }

    /** True when {@link #jacobian} is implemented; otherwise solvers use finite differences. */
    default boolean hasJacobian() {
        return false;
    }

    /** Writes the Jacobian ∂f/∂y at (t, y) into {@code jac[row][column]}. */
    default void jacobian(double t, double[] y, double[][] jac) {
        throw new UnsupportedOperationException("no analytic Jacobian");
    }
}
