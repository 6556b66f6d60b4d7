package org.osteobiome.model.ode;

import java.util.List;
import org.osteobiome.core.OsteobiomeException;

/** The solvers by name, for the command line and for configuration files. */
public final class Solvers {
    private Solvers() {
    }

    /** Names accepted by {@link #byName}. */
    public static List<String> names() {
        return List.of(DormandPrince853Solver.NAME, Rodas4Solver.NAME, Radau5Solver.NAME);
    }

    /** One line per solver, for help texts. */
    public static String describe(String name) {
        return switch (name) {
            case DormandPrince853Solver.NAME -> "Dormand–Prince 8(5,3), explicit, for non-stiff problems (Hipparchus)";
            case Rodas4Solver.NAME -> "RODAS4 Rosenbrock method of order 4(3), L-stable, for stiff problems";
            case Radau5Solver.NAME -> "RADAU5 implicit Runge–Kutta (Radau IIA) method of order 5, L-stable, for stiff problems"
                    + " and frequent dosing";
            default -> throw unknown(name);
        };
    }

    /** The solver called {@code name}, configured with {@code options}. */
    public static Solver byName(String name, SolverOptions options) {
        return switch (name) {
            case DormandPrince853Solver.NAME -> new DormandPrince853Solver(options);
            case Rodas4Solver.NAME -> new Rodas4Solver(options);
            case Radau5Solver.NAME -> new Radau5Solver(options);
            default -> throw unknown(name);
        };
    }

    private static OsteobiomeException unknown(String name) {
        return OsteobiomeException.unknown("unknown solver '" + name + "'; valid solvers: " + String.join(", ", names()));
    }
}
