package org.osteobiome.sbml;

/**
 * A compiled SBML math expression: a function of time and of the values of every model symbol (by slot). Booleans
 * are 1 (true) and 0 (false); any non-zero value counts as true.
 */
@FunctionalInterface
public interface Expr {
    double eval(double t, double[] values);

    static Expr constant(double c) {
        return (t, v) -> c;
    }

    static boolean truth(double x) {
        return x != 0 && !Double.isNaN(x);
    }
}
