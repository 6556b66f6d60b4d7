package org.osteobiome.model.ode;

/** Mutable counters for one solve; never shared between threads. */
final class WorkCounter {
    long accepted;
    long rejected;
    long rhs;
    long jacobians;
    long decompositions;

    SolverStatistics snapshot() {
        return new SolverStatistics(accepted, rejected, rhs, jacobians, decompositions);
    }
}
