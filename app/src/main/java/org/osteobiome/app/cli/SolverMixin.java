package org.osteobiome.app.cli;

import org.osteobiome.model.SimulationSettings;
import picocli.CommandLine.Option;

/** {@code --solver}, {@code --rtol}, {@code --atol}: the same solver choices on every command that simulates. */
public final class SolverMixin {
    @Option(names = "--solver", paramLabel = "NAME",
            description = "radau5 (stiff; default for gut-bone-axis), rodas4 (stiff) or dp853 (default for the published models)")
    public String solver;

    @Option(names = "--rtol", paramLabel = "TOL", description = "relative tolerance (default: the model's)")
    public Double rtol;

    @Option(names = "--atol", paramLabel = "TOL", description = "absolute tolerance (default: the model's)")
    public Double atol;

    /** The settings with these choices applied; what was not given keeps its value. */
    public SimulationSettings applyTo(SimulationSettings settings) {
        SimulationSettings s = solver == null ? settings : settings.withSolver(solver);
        return rtol == null && atol == null ? s
                : s.withTolerances(rtol == null ? s.relativeTolerance() : rtol, atol == null ? s.absoluteTolerance() : atol);
    }
}
