package org.osteobiome.model.ode;

import org.osteobiome.core.ErrorCode;

/** What the stiff solvers' step loops share: the guards on a trial step and the hand-over of an accepted one. */
final class StepControl {
    static final double UNIT_ROUNDOFF = 0x1.0p-52;

    private StepControl() {
    }

    /** {@code h}, or the rest of the segment when the step reaches or nearly reaches its end. */
    static double toEnd(double t, double h, double tEnd) {
        return t + h >= tEnd || OutputRecorder.sameTime(t + h, tEnd) || tEnd - (t + h) < 1e-10 * h ? tEnd - t : h;
    }

    /**
     * Fails when {@code h} is below 16 ulp of t (naming non-finite stages when those shrank it, else {@code stalled})
     * or when the step budget, rejected trials included, is spent.
     */
    static void requireTrial(String method, double t, double h, boolean nonFinite, String stalled, WorkCounter work,
                             SolverOptions opt) {
        double minStep = Math.max(16 * UNIT_ROUNDOFF * Math.abs(t), Double.MIN_NORMAL);
        if (!(h >= minStep)) {
            String size = String.format("%.3g", minStep);
            throw new SolverException(ErrorCode.SOLVER_FAILURE, t, nonFinite
                    ? method + " steps down to " + size + " all gave non-finite stages; the model's equations overflow or"
                            + " leave their domain here"
                    : method + " step size fell below " + size + "; " + stalled);
        }
        if (work.accepted + work.rejected >= opt.maxSteps()) {
            throw new SolverException(ErrorCode.SOLVER_FAILURE, t, method + " exceeded " + opt.maxSteps()
                    + " steps; the problem may need a looser tolerance or a longer step limit");
        }
    }

    /** {@code base + increment}, failing with the state's name where a component is not finite. */
    static double[] advance(OdeSystem system, double t, double[] base, double[] increment) {
        double[] next = new double[base.length];
        for (int i = 0; i < next.length; i++) {
            next[i] = base[i] + increment[i];
            if (!Double.isFinite(next[i])) {
                throw new SolverException(ErrorCode.SOLVER_FAILURE, t, system.stateName(i) + " became non-finite");
            }
        }
        return next;
    }

    /**
     * Hands an accepted step to the state-event locator and the output grid: the segment's result when a state event
     * ends it inside the step, otherwise null.
     */
    static SegmentResult deliver(DenseStep dense, double[] yNew, StateEventLocator locator, OutputRecorder output,
                                 double tEnd) {
        if (locator != null) {
            StateEventLocator.Hit hit = locator.check(dense, yNew);
            if (hit != null) {
                output.recordBefore(dense, hit.time());
                return new SegmentResult(hit.time(), hit.state(), hit.index());
            }
        }
        output.recordBefore(dense, tEnd);
        return null;
    }

    /**
     * The first step of a segment: the fixed step, the user's initial step, or an estimate for a method whose error
     * estimate is of order 3; never above {@code hMax}. {@code f0} holds f(t, y).
     */
    static double firstStep(OdeSystem system, double t, double[] y, double[] f0, double hMax, SolverOptions opt,
                            WorkCounter work) {
        double h;
        if (opt.isFixedStep()) {
            h = opt.fixedStep();
        } else if (opt.initialStep() > 0) {
            h = opt.initialStep();
        } else {
            h = estimate(system, t, y, f0, hMax, opt, 3, work);
        }
        return Math.min(h, hMax);
    }

    /**
     * Starting step from the size of y and f (Hairer, Nørsett and Wanner, <i>Solving ODE I</i>, §II.4) for a method
     * whose error estimate is of order {@code estimateOrder}; {@code f0} holds f(t, y).
     */
    private static double estimate(OdeSystem system, double t, double[] y, double[] f0, double hMax, SolverOptions opt,
                              int estimateOrder, WorkCounter work) {
        int n = y.length;
        double d0 = 0;
        double d1 = 0;
        for (int i = 0; i < n; i++) {
            double scale = opt.absoluteTolerance() + opt.relativeTolerance() * Math.abs(y[i]);
            d0 += (y[i] / scale) * (y[i] / scale);
            d1 += (f0[i] / scale) * (f0[i] / scale);
        }
        d0 = Math.sqrt(d0 / n);
        d1 = Math.sqrt(d1 / n);
        double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.min(h0, hMax);
        double[] y1 = new double[n];
        double[] f1 = new double[n];
        for (int i = 0; i < n; i++) {
            y1[i] = y[i] + h0 * f0[i];
        }
        system.derivatives(t + h0, y1, f1);
        work.rhs++;
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            double scale = opt.absoluteTolerance() + opt.relativeTolerance() * Math.abs(y[i]);
            double v = (f1[i] - f0[i]) / scale;
            d2 += v * v;
        }
        d2 = Math.sqrt(d2 / n) / h0;
        double h1 = Math.max(d1, d2) <= 1e-15 ? Math.max(1e-6, h0 * 1e-3)
                : Math.pow(0.01 / Math.max(d1, d2), 1.0 / (estimateOrder + 1));
        double h = Math.min(Math.min(100 * h0, h1), hMax);
        return h > 0 && Double.isFinite(h) ? h : Math.min(1e-6, hMax);
    }
}
