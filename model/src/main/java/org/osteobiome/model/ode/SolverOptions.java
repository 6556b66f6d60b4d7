package org.osteobiome.model.ode;

/**
 * Settings shared by all solvers. Values are immutable; use the {@code with…} methods to vary them.
 *
 * @param relativeTolerance  local error tolerance relative to the size of each state
 * @param absoluteTolerance  local error tolerance in the units of the states
 * @param initialStep        first step size; 0 lets the solver choose
 * @param maxStep            largest step size; {@code Double.POSITIVE_INFINITY} for no limit
 * @param fixedStep          when positive, every step has this size and no error control is done
 *                           (used to measure convergence orders)
 * @param maxSteps           the solve fails after this many steps
 * @param eventTolerance     events are located to this absolute accuracy in time
 */
public record SolverOptions(double relativeTolerance, double absoluteTolerance, double initialStep,
                            double maxStep, double fixedStep, long maxSteps, double eventTolerance) {

    public static final SolverOptions DEFAULT = new SolverOptions(1e-8, 1e-10, 0,
            Double.POSITIVE_INFINITY, 0, 5_000_000, 1e-10);

    public SolverOptions {
        if (!(relativeTolerance > 0) || !(absoluteTolerance > 0)) {
            throw org.osteobiome.core.OsteobiomeException.invalid("tolerances must be positive, got rtol=" + relativeTolerance
                    + " atol=" + absoluteTolerance);
        }
        if (!(maxStep > 0) || initialStep < 0 || fixedStep < 0 || maxSteps <= 0 || !(eventTolerance > 0)) {
            throw org.osteobiome.core.OsteobiomeException.invalid("step settings must be positive");
        }
    }

    public static SolverOptions tolerances(double rtol, double atol) {
        return DEFAULT.withTolerances(rtol, atol);
    }

    public SolverOptions withTolerances(double rtol, double atol) {
        return new SolverOptions(rtol, atol, initialStep, maxStep, fixedStep, maxSteps, eventTolerance);
    }

    public SolverOptions withInitialStep(double h) {
        return new SolverOptions(relativeTolerance, absoluteTolerance, h, maxStep, fixedStep, maxSteps, eventTolerance);
    }

    public SolverOptions withMaxStep(double h) {
        return new SolverOptions(relativeTolerance, absoluteTolerance, initialStep, h, fixedStep, maxSteps, eventTolerance);
    }

    public SolverOptions withFixedStep(double h) {
        return new SolverOptions(relativeTolerance, absoluteTolerance, initialStep, maxStep, h, maxSteps, eventTolerance);
    }

    public SolverOptions withMaxSteps(long n) {
        return new SolverOptions(relativeTolerance, absoluteTolerance, initialStep, maxStep, fixedStep, n, eventTolerance);
    }

    public SolverOptions withEventTolerance(double tol) {
        return new SolverOptions(relativeTolerance, absoluteTolerance, initialStep, maxStep, fixedStep, maxSteps, tol);
    }

    /** True when steps are fixed and error control is off. */
    public boolean isFixedStep() {
        return fixedStep > 0;
    }
}
