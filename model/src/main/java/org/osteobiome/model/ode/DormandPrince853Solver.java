package org.osteobiome.model.ode;

import java.util.List;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.Numbers;

/**
 * Dormand–Prince 8(5,3): the explicit Runge–Kutta pair of order 8 with 5th- and 3rd-order
 * error estimators and 7th-order dense output, from Hipparchus. A new Hipparchus integrator is
 * built for every segment, so this class is immutable and thread-safe; events, output grid and
 * restarts are handled by {@link EventDrivenSolver} like every other solver here.
 */
public final class DormandPrince853Solver extends EventDrivenSolver {
    public static final String NAME = "dp853";

    public DormandPrince853Solver(SolverOptions options) {
        super(options);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    SegmentResult integrateSegment(OdeSystem system, double t0, double[] y0, double tEnd,
                                   List<StateEvent> events, OutputRecorder output, WorkCounter work) {
        SolverOptions opt = options();
        double span = tEnd - t0;
        DormandPrince853Integrator integrator;
        if (opt.isFixedStep()) {
            double h = Math.min(opt.fixedStep(), span);
            integrator = new DormandPrince853Integrator(h * (1 - 1e-12), h, 1e30, 1e30);
            integrator.setInitialStepSize(h);
        } else {
            double minStep = 1e-14 * Math.max(Math.abs(t0), Math.abs(span));
            integrator = new DormandPrince853Integrator(minStep, Math.min(opt.maxStep(), span),
                    opt.absoluteTolerance(), opt.relativeTolerance());
            if (opt.initialStep() > 0) {
                integrator.setInitialStepSize(Math.min(opt.initialStep(), span));
            }
        }
        long evaluationBudget = Math.min(Integer.MAX_VALUE, Math.max(1, opt.maxSteps() - work.accepted) * 13L);
        integrator.setMaxEvaluations((int) evaluationBudget);

        StepRecorder stepRecorder = new StepRecorder(output, work, system.dimension());
        integrator.addStepHandler(stepRecorder);
        Detector[] detectors = new Detector[events.size()];
        double maxCheck = span / 64;
        for (int i = 0; i < detectors.length; i++) {
            detectors[i] = new Detector(events.get(i), maxCheck, opt.eventTolerance());
            integrator.addEventDetector(detectors[i]);
        }

        Equations equations = new Equations(system);
        ODEStateAndDerivative end;
        try {
            end = integrator.integrate(equations, new org.hipparchus.ode.ODEState(t0, y0.clone()), tEnd);
        } catch (NonFiniteDerivative e) {
            double at = stepRecorder.lastTime(t0);
            String where = e.time == at ? "" : " at a trial stage (t = " + Numbers.format(e.time) + ") of the next step";
            throw new SolverException(ErrorCode.SOLVER_FAILURE, at, "derivative of " + system.stateName(e.component) + " is " + e.value
                    + where + ": the model's equations are undefined there (a division by zero or an overflow), the solution left"
                    + " the model's domain, or the problem is stiff and this explicit method became unstable (use the stiff solver rodas4)");
        } catch (MathIllegalArgumentException e) {
            throw new SolverException(ErrorCode.SOLVER_FAILURE, stepRecorder.lastTime(t0),
                    "Dormand–Prince step size fell below its minimum; the solution may blow up or leave its domain here");
        } catch (MathIllegalStateException e) {
            throw new SolverException(ErrorCode.SOLVER_FAILURE, stepRecorder.lastTime(t0),
                    "Dormand–Prince exceeded " + opt.maxSteps() + " steps");
        } finally {
            work.rhs += integrator.getEvaluations();
        }
        for (int i = 0; i < detectors.length; i++) {
            if (detectors[i].fired) {
                return new SegmentResult(end.getTime(), end.getPrimaryState(), i);
            }
        }
        return new SegmentResult(tEnd, end.getPrimaryState(), -1);
    }

    /** Adapts an {@link OdeSystem} to Hipparchus and rejects non-finite derivatives. */
    private static final class Equations implements OrdinaryDifferentialEquation {
        private final OdeSystem system;

        Equations(OdeSystem system) {
            this.system = system;
        }

        @Override
        public int getDimension() {
            return system.dimension();
        }

        @Override
        public double[] computeDerivatives(double t, double[] y) {
            double[] dydt = new double[y.length];
            system.derivatives(t, y, dydt);
            for (int i = 0; i < dydt.length; i++) {
                if (!Double.isFinite(dydt[i])) {
                    throw new NonFiniteDerivative(t, i, dydt[i]);
                }
            }
            return dydt;
        }
    }

    /** Raised inside Hipparchus's step and turned into a {@link SolverException} at the last accepted time. */
    private static final class NonFiniteDerivative extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final double time;
        private final int component;
        private final double value;

        NonFiniteDerivative(double time, int component, double value) {
            super(null, null, false, false);
            this.time = time;
            this.component = component;
            this.value = value;
        }
    }

    /** Feeds the output grid from Hipparchus's dense output and counts steps. */
    private static final class StepRecorder implements ODEStepHandler {
        private final OutputRecorder output;
        private final WorkCounter work;
        private final int dimension;
        private double last = Double.NaN;

        StepRecorder(OutputRecorder output, WorkCounter work, int dimension) {
            this.output = output;
            this.work = work;
            this.dimension = dimension;
        }

        double lastTime(double fallback) {
            return Double.isNaN(last) ? fallback : last;
        }

        @Override
        public void handleStep(ODEStateInterpolator interpolator) {
            work.accepted++;
            double start = interpolator.getPreviousState().getTime();
            double end = interpolator.getCurrentState().getTime();
            last = end;
            for (double v : interpolator.getCurrentState().getPrimaryState()) {
                if (!Double.isFinite(v)) {
                    throw new SolverException(ErrorCode.SOLVER_FAILURE, end, "the state became non-finite");
                }
            }
            DenseStep step = new DenseStep() {
                @Override
                public double start() {
                    return start;
                }

                @Override
                public double end() {
                    return end;
                }

                @Override
                public void stateAt(double t, double[] out) {
                    System.arraycopy(interpolator.getInterpolatedState(t).getPrimaryState(), 0, out, 0, dimension);
                }
            };
            // An output at the end of this step is written by the next step (as its start) or, at
            // the end of the segment, by the driver after any event action.
            output.recordBefore(step, end);
        }
    }

    /** A state event as a Hipparchus detector that stops the segment at the root. */
    private static final class Detector implements ODEEventDetector, ODEEventHandler {
        private final StateEvent event;
        private final AdaptableInterval maxCheck;
        private final BracketedUnivariateSolver<UnivariateFunction> solver;
        private boolean fired;

        Detector(StateEvent event, double maxCheck, double tolerance) {
            this.event = event;
            this.maxCheck = AdaptableInterval.of(maxCheck);
            this.solver = new BracketingNthOrderBrentSolver(tolerance, 5);
        }

        @Override
        public AdaptableInterval getMaxCheckInterval() {
            return maxCheck;
        }

        @Override
        public int getMaxIterationCount() {
            return 200;
        }

        @Override
        public BracketedUnivariateSolver<UnivariateFunction> getSolver() {
            return solver;
        }

        @Override
        public ODEEventHandler getHandler() {
            return this;
        }

        @Override
        public double g(ODEStateAndDerivative state) {
            return event.condition().g(state.getTime(), state.getPrimaryState());
        }

        @Override
        public Action eventOccurred(ODEStateAndDerivative state, ODEEventDetector detector, boolean increasing) {
            boolean wanted = switch (event.direction()) {
                case RISING -> increasing;
                case FALLING -> !increasing;
                case ANY -> true;
            };
            if (!wanted) {
                return Action.CONTINUE;
            }
            fired = true;
            return Action.STOP;
        }
    }
}
