package org.osteobiome.model.ode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.osteobiome.core.ErrorCode;

/**
 * ∂f/∂y for the implicit and Rosenbrock solvers, restricted to the components that take part in the linear algebra
 * (all but the system's constant components): analytic when the system provides it, otherwise forward differences, one
 * evaluation of f per group of columns that share no row of the system's Jacobian pattern (Curtis, Powell and Reid
 * 1974). Working storage of one segment; never shared.
 */
final class StiffJacobian {
    private static final double UNIT_ROUNDOFF = StepControl.UNIT_ROUNDOFF;

    private final OdeSystem system;
    private final int n;
    /** Components that take part in the linear algebra, in order. */
    private final int[] active;
    private final int[] constant;
    /** ∂f/∂y restricted to the active components, in their order. */
    private final double[][] values;
    private final double[][] fullJacobian;
    /** Groups of active columns (positions in {@code active}) that share no row. */
    private final int[][] groups;
    /** For each active column, the active rows (positions) its entries can be non-zero in. */
    private final int[][] rowsOf;
    private final double[] deltas;
    private final double[] yPerturbed;
    private final double[] fPerturbed;

    StiffJacobian(OdeSystem system) {
        this.system = system;
        this.n = system.dimension();
        this.constant = system.constantComponents().clone();
        boolean[] isConstant = new boolean[n];
        for (int i : constant) {
            if (i < 0 || i >= n || isConstant[i]) {
                throw new IllegalArgumentException("constant component " + i + " is out of range or repeated (dimension " + n + ")");
            }
            isConstant[i] = true;
        }
        this.active = IntStream.range(0, n).filter(i -> !isConstant[i]).toArray();
        int m = active.length;
        this.values = new double[m][m];
        this.fullJacobian = system.hasJacobian() ? new double[n][n] : null;
        this.rowsOf = new int[m][];
        this.deltas = new double[m];
        this.yPerturbed = new double[n];
        this.fPerturbed = new double[n];
        this.groups = system.hasJacobian() ? null : columnGroups(system.jacobianPattern());
    }

    /** Number of active components: the size of the linear systems. */
    int size() {
        return active.length;
    }

    /** Entry (row, column) in active positions, valid after {@link #form}. */
    double[][] values() {
        return values;
    }

    /**
     * Greedy grouping of the active columns so that no two columns of a group have a non-zero in the same row; with
     * no pattern, every column is a group of its own (and has every row).
     */
    private int[][] columnGroups(boolean[][] pattern) {
        if (pattern != null && (pattern.length != n || Arrays.stream(pattern).anyMatch(row -> row.length != n))) {
            throw new IllegalArgumentException("the Jacobian pattern must be " + n + " × " + n);
        }
        int m = active.length;
        List<boolean[]> rowsTaken = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            int column = active[c];
            rowsOf[c] = IntStream.range(0, m).filter(r -> pattern == null || pattern[active[r]][column]).toArray();
            int g = 0;
            while (g < members.size() && (pattern == null || shares(rowsOf[c], rowsTaken.get(g)))) {
                g++;
            }
            if (g == members.size()) {
                members.add(new ArrayList<>());
                rowsTaken.add(new boolean[m]);
            }
            members.get(g).add(c);
            for (int r : rowsOf[c]) {
                rowsTaken.get(g)[r] = true;
            }
        }
        return members.stream().map(g -> g.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    private static boolean shares(int[] rows, boolean[] taken) {
        for (int r : rows) {
            if (taken[r]) {
                return true;
            }
        }
        return false;
    }

    /** Forms the Jacobian at (t, y), where {@code f0} holds f(t, y). */
    void form(double t, double[] y, double[] f0, WorkCounter work) {
        work.jacobians++;
        for (int i : constant) {
            if (f0[i] != 0.0) {
                throw new IllegalStateException("component " + i + " is declared constant but its derivative is " + f0[i]);
            }
        }
        int m = active.length;
        if (fullJacobian != null) {
            system.jacobian(t, y, fullJacobian);
            for (int r = 0; r < m; r++) {
                double[] source = fullJacobian[active[r]];
                double[] row = values[r];
                for (int c = 0; c < m; c++) {
                    row[c] = source[active[c]];
                    requireFinite(t, active[r], active[c], row[c], "Jacobian");
                }
            }
            return;
        }
        // Entries outside the pattern are never written and stay 0.
        System.arraycopy(y, 0, yPerturbed, 0, n);
        for (int[] group : groups) {
            for (int c : group) {
                int j = active[c];
                deltas[c] = Math.sqrt(UNIT_ROUNDOFF * Math.max(1e-5, Math.abs(y[j])));
                yPerturbed[j] = y[j] + deltas[c];
            }
            system.derivatives(t, yPerturbed, fPerturbed);
            work.rhs++;
            for (int c : group) {
                int j = active[c];
                double delta = deltas[c];
                yPerturbed[j] = y[j];
                for (int r : rowsOf[c]) {
                    values[r][c] = (fPerturbed[active[r]] - f0[active[r]]) / delta;
                    requireFinite(t, active[r], j, values[r][c], "finite-difference Jacobian");
                }
            }
        }
    }

    private void requireFinite(double t, int row, int column, double value, String kind) {
        if (!Double.isFinite(value)) {
            throw new SolverException(ErrorCode.SOLVER_FAILURE, t, kind + " entry ∂f" + row + "/∂y" + column + " (the rate of "
                    + system.stateName(row) + " by " + system.stateName(column) + ") is " + value
                    + ": the model's equations are not differentiable at this state");
        }
    }

    /** Copies the active components of {@code full} into {@code reduced}. */
    void gather(double[] full, double[] reduced) {
        for (int c = 0; c < active.length; c++) {
            reduced[c] = full[active[c]];
        }
    }

    /** Writes {@code reduced} back into the active components of {@code full}; constant components get 0. */
    void scatter(double[] reduced, double[] full) {
        for (int c = 0; c < active.length; c++) {
            full[active[c]] = reduced[c];
        }
        for (int i : constant) {
            full[i] = 0.0;
        }
    }

    /** Fails with the state's name when a derivative is not finite. */
    static void requireFiniteDerivative(OdeSystem system, double t, double[] f) {
        for (int i = 0; i < f.length; i++) {
            if (!Double.isFinite(f[i])) {
                throw new SolverException(ErrorCode.SOLVER_FAILURE, t, "derivative of " + system.stateName(i) + " is "
                        + f[i] + ": the model's equations are undefined at this state (a division by zero or an"
                        + " overflow), or the solution left the model's domain");
            }
        }
    }
}
