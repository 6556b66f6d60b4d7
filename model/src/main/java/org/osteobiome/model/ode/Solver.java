package org.osteobiome.model.ode;

/**
 * An ODE solver: a configured, immutable algorithm. {@link #solve} keeps all of its working
 * state local to the call, so one instance can be used from many threads at once.
 */
public interface Solver {

    /** Short name used on the command line ("dp853", "rodas4"). */
    String name();

    /** The settings this solver was built with. */
    SolverOptions options();

    /**
     * Integrates the problem, applying its events.
     *
     * @throws SolverException when the method fails or a {@link EventAction.Fail} event fires
     */
    OdeSolution solve(OdeProblem problem);
}
