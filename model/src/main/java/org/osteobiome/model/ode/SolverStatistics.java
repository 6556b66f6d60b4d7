package org.osteobiome.model.ode;

/**
 * Work done by one solve.
 *
 * @param acceptedSteps       steps kept
 * @param rejectedSteps       steps redone with a smaller step size
 * @param rhsEvaluations      calls of f(t, y), including those for finite-difference Jacobians
 * @param jacobianEvaluations Jacobians formed (analytic or finite-difference)
 * @param decompositions      LU decompositions of the iteration matrix
 */
public record SolverStatistics(long acceptedSteps, long rejectedSteps, long rhsEvaluations,
                               long jacobianEvaluations, long decompositions) {
}
