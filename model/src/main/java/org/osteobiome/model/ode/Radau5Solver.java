package org.osteobiome.model.ode;

import java.util.List;
import org.osteobiome.core.ErrorCode;

/**
 * RADAU5: the three-stage Radau IIA collocation method of order 5 (stage order 3, L-stable), with simplified Newton
 * iterations on the stage equations, transformed so that each iteration solves one real and one complex linear system
 * of the model's size (E. Hairer and G. Wanner, <i>Solving Ordinary Differential Equations II</i>, 2nd ed., Springer
 * 1996, §IV.8; the transformation matrices, the error estimate, the Newton stopping rule, the predictive (Gustafsson)
 * step-size controller and the tolerance transformation are those described there for their code RADAU5).
 *
 * <p>The Jacobian is kept across steps while the Newton iterations converge quickly (rate ≤ 0.01), and the two
 * factorisations while the step size stays within a factor [1, 1.2] of the last: on smooth stretches a step costs three
 * to six evaluations of f and a few solves. The stage order of 3 lets a fast component that follows a slowly varying
 * input be integrated with steps set by the input, not by the fast rate. Dense output is the collocation polynomial.
 *
 * <p>Unlike RADAU5, which holds its order-3 error estimate to rtol' = 0.1·rtol^(2/3), the tolerances are used as
 * given, so that a solve is as accurate as the tolerance says: with the mapping, HIRES at rtol 1e-10 ended 9.7e-8 from
 * its reference (RODAS4: 7.9e-9); without it, 6.3e-10 in fewer steps than RODAS4 (decision 0010).
 */
public final class Radau5Solver extends EventDrivenSolver {
    public static final String NAME = "radau5";

    private static final double SQ6 = Math.sqrt(6.0);
    private static final double C1 = (4.0 - SQ6) / 10.0;
    private static final double C2 = (4.0 + SQ6) / 10.0;
    private static final double C1M1 = C1 - 1.0;
    private static final double C2M1 = C2 - 1.0;
    private static final double C1MC2 = C1 - C2;
    private static final double DD1 = -(13.0 + 7.0 * SQ6) / 3.0;
    private static final double DD2 = (-13.0 + 7.0 * SQ6) / 3.0;
    private static final double DD3 = -1.0 / 3.0;
    /** Eigenvalues of the inverse of the method's coefficient matrix: γ real, α ± iβ complex. */
    private static final double GAMMA;
    private static final double ALPHA;
    private static final double BETA;

    static {
        double cbrt81 = Math.cbrt(81.0);
        double cbrt9 = Math.cbrt(9.0);
        double u1 = (6.0 + cbrt81 - cbrt9) / 30.0;
        double alpha = (12.0 - cbrt81 + cbrt9) / 60.0;
        double beta = (cbrt81 + cbrt9) * Math.sqrt(3.0) / 60.0;
        double norm = alpha * alpha + beta * beta;
        GAMMA = 1.0 / u1;
        ALPHA = alpha / norm;
        BETA = beta / norm;
    }

    // T diagonalises the inverse coefficient matrix to diag(γ, [[α, −β], [β, α]]); TI is its inverse.
    private static final double T11 = 9.1232394870892942792e-02;
    private static final double T12 = -0.14125529502095420843;
    private static final double T13 = -3.0029194105147424492e-02;
    private static final double T21 = 0.24171793270710701896;
    private static final double T22 = 0.20412935229379993199;
    private static final double T23 = 0.38294211275726193779;
    private static final double T31 = 0.96604818261509293619;
    private static final double TI11 = 4.3255798900631553510;
    private static final double TI12 = 0.33919925181580986954;
    private static final double TI13 = 0.54177053993587487119;
    private static final double TI21 = -4.1787185915519047273;
    private static final double TI22 = -0.32768282076106238708;
    private static final double TI23 = 0.47662355450055045196;
    private static final double TI31 = -0.50287263494578687595;
    private static final double TI32 = 2.5719269498556054292;
    private static final double TI33 = -0.59603920482822492497;

    private static final int MAX_NEWTON = 7;
    private static final double SAFETY = 0.9;
    /** Step sizes change by at most these factors per step. */
    private static final double MAX_GROWTH = 8.0;
    private static final double MAX_SHRINK = 0.2;
    /**
     * The Jacobian is recomputed when the Newton iterations converged slower than this. Hairer's default is 0.001 and
     * he advises larger values where Jacobians are expensive; with 0.01, a 20-year gut-bone-axis subject forms 35
     * Jacobians and 75 factorisations instead of 170 and 183, for 11 % fewer evaluations of f (decision 0010).
     */
    private static final double JACOBIAN_REUSE_RATE = 0.01;
    /** The factorisations are kept when the proposed step is within [1, KEEP_STEP] times the current one. */
    private static final double KEEP_STEP = 1.2;
    private static final double UNIT_ROUNDOFF = StepControl.UNIT_ROUNDOFF;

    public Radau5Solver(SolverOptions options) {
        super(options);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    SegmentResult integrateSegment(OdeSystem system, double t0, double[] y0, double tEnd,
                                   List<StateEvent> events, OutputRecorder output, WorkCounter work) {
        return new Run(system, work).integrate(t0, y0, tEnd, events, output);
    }

    /** The working storage of one segment; never shared. */
    private final class Run {
        private final OdeSystem system;
        private final WorkCounter work;
        private final int n;
        private final StiffJacobian jacobian;
        private final DenseLu real;
        private final ComplexLu complex;
        private final double rtol;
        private final double atol;
        private final double newtonTolerance;
        /** Stage increments Z (y at the stages minus y) and their transforms W = TI·Z. */
        private final double[] z1;
        private final double[] z2;
        private final double[] z3;
        private final double[] w1;
        private final double[] w2;
        private final double[] w3;
        private final double[] f0;
        private final double[] yStage;
        /** (d1·Z1 + d2·Z2 + d3·Z3)/h of the error estimate. */
        private final double[] errorTerms;
        private final double[] scale;
        private final double[] estimate;
        private final double[] reducedRe;
        private final double[] reducedIm;
        /** Newton outcome of the last attempt: iterations used and the convergence rate. */
        private int iterations;
        private double rate;
        private double lastContraction = 1.0;
        /** True when the last Newton attempt failed on a non-finite stage derivative. */
        private boolean nonFiniteStage;

        Run(OdeSystem system, WorkCounter work) {
            this.system = system;
            this.work = work;
            this.n = system.dimension();
            this.jacobian = new StiffJacobian(system);
            int m = jacobian.size();
            this.real = new DenseLu(m);
            this.complex = new ComplexLu(m);
            SolverOptions opt = options();
            this.rtol = opt.relativeTolerance();
            this.atol = opt.absoluteTolerance();
            this.newtonTolerance = Math.max(10 * UNIT_ROUNDOFF / rtol, Math.min(0.03, Math.sqrt(rtol)));
            this.z1 = new double[n];
            this.z2 = new double[n];
            this.z3 = new double[n];
            this.w1 = new double[n];
            this.w2 = new double[n];
            this.w3 = new double[n];
            this.f0 = new double[n];
            this.yStage = new double[n];
            this.errorTerms = new double[n];
            this.scale = new double[n];
            this.estimate = new double[n];
            this.reducedRe = new double[m];
            this.reducedIm = new double[m];
        }

        SegmentResult integrate(double t0, double[] y0, double tEnd, List<StateEvent> events, OutputRecorder output) {
            SolverOptions opt = options();
            double t = t0;
            double[] y = y0.clone();
            double hMax = Math.min(opt.maxStep(), tEnd - t0);
            StateEventLocator locator = events.isEmpty() ? null
                    : new StateEventLocator(events, opt.eventTolerance(), t0, y);
            rhs(t, y, f0);
            StiffJacobian.requireFiniteDerivative(system, t, f0);
            double h = StepControl.firstStep(system, t, y, f0, hMax, opt, work);
            updateScale(y);

            boolean first = true;
            boolean rejected = false;
            boolean needJacobian = true;
            boolean jacobianFresh = false;
            double factoredStep = Double.NaN;
            Interpolant previous = null;
            double acceptedStep = 0;
            double acceptedError = 0;
            int acceptedCount = 0;

            while (!OutputRecorder.sameTime(t, tEnd) && t < tEnd) {
                if (needJacobian) {
                    jacobian.form(t, y, f0, work);
                    needJacobian = false;
                    jacobianFresh = true;
                    factoredStep = Double.NaN;
                }
                h = StepControl.toEnd(t, h, tEnd);
                StepControl.requireTrial("RADAU5", t, h, nonFiniteStage, "the Newton iterations do not converge or the"
                        + " solution may blow up or leave its domain here", work, opt);
                if (h != factoredStep) {
                    if (!factor(h)) {
                        work.rejected++;
                        h *= 0.5;
                        rejected = true;
                        continue;
                    }
                    factoredStep = h;
                }
                startingValues(previous, h);
                double shrink = newton(t, y, h);
                if (shrink > 0) { // the iterations diverged or would converge too slowly
                    if (opt.isFixedStep() && !jacobianFresh) { // retry the same step with a Jacobian formed here
                        needJacobian = true;
                        continue;
                    }
                    if (opt.isFixedStep()) {
                        throw new SolverException(ErrorCode.SOLVER_FAILURE, t, nonFiniteStage
                                ? "RADAU5's stages became non-finite at the fixed step " + h
                                        + ": the model's equations overflow or leave their domain here"
                                : "RADAU5's Newton iterations do not converge at the fixed step " + h + "; use a smaller step");
                    }
                    work.rejected++;
                    h *= shrink;
                    rejected = true;
                    needJacobian = !jacobianFresh;
                    continue;
                }
                double err = opt.isFixedStep() ? 0.0 : errorNorm(t, y, h, first || rejected);
                double safety = Math.min(SAFETY, SAFETY * (1 + 2 * MAX_NEWTON) / (iterations + 2 * MAX_NEWTON));
                double quotient = Math.max(1.0 / MAX_GROWTH, Math.min(1.0 / MAX_SHRINK, Math.pow(err, 0.25) / safety));
                double hNew = h / quotient;
                if (err >= 1.0) {
                    work.rejected++;
                    rejected = true;
                    h = first ? 0.1 * h : hNew;
                    needJacobian = !jacobianFresh;
                    continue;
                }
                // Accepted.
                work.accepted++;
                acceptedCount++;
                if (acceptedCount > 1) { // predictive controller (Gustafsson)
                    double predicted = (acceptedStep / h) * Math.pow(err * err / acceptedError, 0.25) / SAFETY;
                    predicted = Math.max(1.0 / MAX_GROWTH, Math.min(1.0 / MAX_SHRINK, predicted));
                    hNew = h / Math.max(quotient, predicted);
                }
                acceptedStep = h;
                acceptedError = Math.max(1e-2, err);
                double tNew = t + h;
                double[] yNew = StepControl.advance(system, t, y, z3);
                Interpolant dense = new Interpolant(t, tNew, yNew);
                SegmentResult stopped = StepControl.deliver(dense, yNew, locator, output, tEnd);
                if (stopped != null) {
                    return stopped;
                }
                previous = dense;
                t = OutputRecorder.sameTime(tNew, tEnd) ? tEnd : tNew;
                y = yNew;
                rhs(t, y, f0);
                StiffJacobian.requireFiniteDerivative(system, t, f0);
                updateScale(y);
                first = false;
                jacobianFresh = false;
                if (opt.isFixedStep()) {
                    continue;
                }
                hNew = Math.min(hNew, hMax);
                if (rejected) {
                    hNew = Math.min(hNew, h);
                }
                rejected = false;
                double ratio = hNew / h;
                boolean slowNewton = rate > JACOBIAN_REUSE_RATE;
                if (slowNewton || ratio < 1.0 || ratio > KEEP_STEP) {
                    h = hNew;
                }
                needJacobian = slowNewton;
            }
            return new SegmentResult(tEnd, y, -1);
        }

        private void rhs(double t, double[] y, double[] out) {
            system.derivatives(t, y, out);
            work.rhs++;
        }

        private void updateScale(double[] y) {
            for (int i = 0; i < n; i++) {
                scale[i] = atol + rtol * Math.abs(y[i]);
            }
        }

        /** Factors γ/h·I − J and (α + iβ)/h·I − J; false when either is singular. */
        private boolean factor(double h) {
            work.decompositions++;
            double[][] matrix = real.matrix();
            double[][] jac = jacobian.values();
            double diagonal = GAMMA / h;
            for (int i = 0; i < reducedRe.length; i++) {
                double[] row = matrix[i];
                double[] jRow = jac[i];
                for (int j = 0; j < reducedRe.length; j++) {
                    row[j] = -jRow[j];
                }
                row[i] += diagonal;
            }
            return real.factor() && complex.factor(ALPHA / h, BETA / h, jac);
        }

        /** Z and W for the first iteration: zero, or the previous step's collocation polynomial extrapolated. */
        private void startingValues(Interpolant previous, double h) {
            if (previous == null) {
                java.util.Arrays.fill(z1, 0.0);
                java.util.Arrays.fill(z2, 0.0);
                java.util.Arrays.fill(z3, 0.0);
                java.util.Arrays.fill(w1, 0.0);
                java.util.Arrays.fill(w2, 0.0);
                java.util.Arrays.fill(w3, 0.0);
                return;
            }
            double c3q = h / (previous.end - previous.start);
            double c1q = C1 * c3q;
            double c2q = C2 * c3q;
            for (int i = 0; i < n; i++) {
                double a1 = previous.q1[i];
                double a2 = previous.q2[i];
                double a3 = previous.q3[i];
                double s1 = c1q * (a1 + (c1q - C2M1) * (a2 + (c1q - C1M1) * a3));
                double s2 = c2q * (a1 + (c2q - C2M1) * (a2 + (c2q - C1M1) * a3));
                double s3 = c3q * (a1 + (c3q - C2M1) * (a2 + (c3q - C1M1) * a3));
                z1[i] = s1;
                z2[i] = s2;
                z3[i] = s3;
                w1[i] = TI11 * s1 + TI12 * s2 + TI13 * s3;
                w2[i] = TI21 * s1 + TI22 * s2 + TI23 * s3;
                w3[i] = TI31 * s1 + TI32 * s2 + TI33 * s3;
            }
        }

        /**
         * Simplified Newton iterations on the stage equations from the current Z and W. Returns 0 when they converged
         * (Z holds the stage increments), otherwise the factor to shrink the step by.
         */
        private double newton(double t, double[] y, double h) {
            double fac1 = GAMMA / h;
            double alphaN = ALPHA / h;
            double betaN = BETA / h;
            lastContraction = Math.pow(Math.max(lastContraction, UNIT_ROUNDOFF), 0.8);
            rate = JACOBIAN_REUSE_RATE;
            iterations = 0;
            nonFiniteStage = false;
            double previousNorm = 0;
            double previousRatio = 0;
            while (true) {
                if (iterations >= MAX_NEWTON) {
                    return 0.5;
                }
                stage(t + C1 * h, y, z1);
                stage(t + C2 * h, y, z2);
                stage(t + h, y, z3);
                for (int i = 0; i < n; i++) {
                    double a1 = z1[i];
                    double a2 = z2[i];
                    double a3 = z3[i];
                    if (!Double.isFinite(a1) || !Double.isFinite(a2) || !Double.isFinite(a3)) {
                        nonFiniteStage = true;
                        return 0.5;
                    }
                    z1[i] = TI11 * a1 + TI12 * a2 + TI13 * a3 - w1[i] * fac1;
                    z2[i] = TI21 * a1 + TI22 * a2 + TI23 * a3 - w2[i] * alphaN + w3[i] * betaN;
                    z3[i] = TI31 * a1 + TI32 * a2 + TI33 * a3 - w3[i] * alphaN - w2[i] * betaN;
                }
                solveReal(z1);
                jacobian.gather(z2, reducedRe);
                jacobian.gather(z3, reducedIm);
                complex.solve(reducedRe, reducedIm);
                jacobian.scatter(reducedRe, z2);
                jacobian.scatter(reducedIm, z3);
                iterations++;
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    double e1 = z1[i] / scale[i];
                    double e2 = z2[i] / scale[i];
                    double e3 = z3[i] / scale[i];
                    sum += e1 * e1 + e2 * e2 + e3 * e3;
                }
                double norm = Math.sqrt(sum / (3 * n));
                if (!Double.isFinite(norm)) {
                    return 0.5;
                }
                if (iterations > 1 && iterations < MAX_NEWTON) {
                    double ratio = norm / previousNorm;
                    rate = iterations == 2 ? ratio : Math.sqrt(ratio * previousRatio);
                    previousRatio = ratio;
                    if (rate >= 0.99) {
                        return 0.5;
                    }
                    lastContraction = rate / (1.0 - rate);
                    double predicted = lastContraction * norm * Math.pow(rate, MAX_NEWTON - 1 - iterations) / newtonTolerance;
                    if (predicted >= 1.0) { // would not converge within the allowed iterations
                        double q = Math.max(1e-4, Math.min(20.0, predicted));
                        return 0.8 * Math.pow(q, -1.0 / (4 + MAX_NEWTON - 1 - iterations));
                    }
                }
                previousNorm = Math.max(norm, UNIT_ROUNDOFF);
                for (int i = 0; i < n; i++) {
                    double v1 = w1[i] + z1[i];
                    double v2 = w2[i] + z2[i];
                    double v3 = w3[i] + z3[i];
                    w1[i] = v1;
                    w2[i] = v2;
                    w3[i] = v3;
                    z1[i] = T11 * v1 + T12 * v2 + T13 * v3;
                    z2[i] = T21 * v1 + T22 * v2 + T23 * v3;
                    z3[i] = T31 * v1 + v2;
                }
                if (lastContraction * norm <= newtonTolerance) {
                    return 0;
                }
            }
        }

        /** Replaces the stage increment {@code z} by f(t, y + z). */
        private void stage(double t, double[] y, double[] z) {
            for (int i = 0; i < n; i++) {
                yStage[i] = y[i] + z[i];
            }
            rhs(t, yStage, z);
        }

        /**
         * The error estimate (γ/h·I − J)⁻¹·(f(t, y) + (d1·Z1 + d2·Z2 + d3·Z3)/h), filtered once more through the
         * matrix after a first or rejected step whose estimate fails (Hairer and Wanner 1996, §IV.8).
         */
        private double errorNorm(double t, double[] y, double h, boolean refine) {
            double e1 = DD1 / h;
            double e2 = DD2 / h;
            double e3 = DD3 / h;
            for (int i = 0; i < n; i++) {
                errorTerms[i] = e1 * z1[i] + e2 * z2[i] + e3 * z3[i];
                estimate[i] = errorTerms[i] + f0[i];
            }
            solveReal(estimate);
            double err = scaledNorm(estimate);
            if (err >= 1.0 && refine) {
                for (int i = 0; i < n; i++) {
                    yStage[i] = y[i] + estimate[i];
                }
                rhs(t, yStage, estimate);
                for (int i = 0; i < n; i++) {
                    estimate[i] += errorTerms[i];
                }
                solveReal(estimate);
                err = scaledNorm(estimate);
            }
            return err;
        }

        private void solveReal(double[] v) {
            jacobian.gather(v, reducedRe);
            real.solve(reducedRe);
            jacobian.scatter(reducedRe, v);
        }

        private double scaledNorm(double[] v) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double e = v[i] / scale[i];
                sum += e * e;
            }
            double norm = Math.sqrt(sum / n);
            return Double.isNaN(norm) ? Double.POSITIVE_INFINITY : Math.max(norm, 1e-10);
        }

        /** The collocation polynomial of the step just taken, in Hairer's divided-difference form about its end. */
        private final class Interpolant implements DenseStep {
            private final double start;
            private final double end;
            private final double[] y1;
            private final double[] q1;
            private final double[] q2;
            private final double[] q3;

            Interpolant(double start, double end, double[] y1) {
                this.start = start;
                this.end = end;
                this.y1 = y1;
                this.q1 = new double[n];
                this.q2 = new double[n];
                this.q3 = new double[n];
                for (int i = 0; i < n; i++) {
                    q1[i] = (z2[i] - z3[i]) / C2M1;
                    double ak = (z1[i] - z2[i]) / C1MC2;
                    double a3 = (ak - z1[i] / C1) / C2;
                    q2[i] = (ak - q1[i]) / C1M1;
                    q3[i] = q2[i] - a3;
                }
            }

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
                double s = (t - end) / (end - start);
                for (int i = 0; i < n; i++) {
                    out[i] = y1[i] + s * (q1[i] + (s - C2M1) * (q2[i] + (s - C1M1) * q3[i]));
                }
            }
        }
    }
}
