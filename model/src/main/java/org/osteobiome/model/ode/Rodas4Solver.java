package org.osteobiome.model.ode;

import java.util.List;
import org.osteobiome.core.ErrorCode;

/**
 * RODAS4: a stiffly accurate, L-stable Rosenbrock method of order 4 with an embedded
 * order-3 error estimate and a continuous extension of order 3 (E. Hairer and G. Wanner,
 * <i>Solving Ordinary Differential Equations II</i>, 2nd ed., Springer 1996, §IV.7; the
 * coefficients are those of the method as published there, parameter set 1 of RODAS).
 *
 * <p>Each step solves six linear systems with the matrix (1/(hγ))·I − J, where J is the
 * analytic Jacobian when the system provides one and a forward-difference Jacobian otherwise.
 * Step sizes follow the standard controller h_new = h·min(6, max(0.2, 0.9·err^(−1/4))).
 */
public final class Rodas4Solver extends EventDrivenSolver {
    public static final String NAME = "rodas4";

    // Method coefficients (transformed form, Hairer & Wanner 1996, RODAS parameter set 1).
    private static final double GAMMA = 0.25;
    private static final double C2 = 0.386;
    private static final double C3 = 0.21;
    private static final double C4 = 0.63;
    private static final double D1 = 0.25;
    private static final double D2 = -0.1043;
    private static final double D3 = 0.1035;
    private static final double D4 = -0.3620000000000023e-01;
    private static final double A21 = 1.544;
    private static final double A31 = 0.9466785280815826;
    private static final double A32 = 0.2557011698983284;
    private static final double A41 = 3.314825187068521;
    private static final double A42 = 2.896124015972201;
    private static final double A43 = 0.9986419139977817;
    private static final double A51 = 1.221224509226641;
    private static final double A52 = 6.019134481288629;
    private static final double A53 = 12.53708332932087;
    private static final double A54 = -0.6878860361058950;
    private static final double C21 = -5.6688;
    private static final double C31 = -2.430093356833875;
    private static final double C32 = -0.2063599157091915;
    private static final double C41 = -0.1073529058151375;
    private static final double C42 = -9.594562251023355;
    private static final double C43 = -20.47028614809616;
    private static final double C51 = 7.496443313967647;
    private static final double C52 = -10.24680431464352;
    private static final double C53 = -33.99990352819905;
    private static final double C54 = 11.70890893206160;
    private static final double C61 = 8.083246795921522;
    private static final double C62 = -7.981132988064893;
    private static final double C63 = -31.52159432874371;
    private static final double C64 = 16.31930543123136;
    private static final double C65 = -6.058818238834054;
    private static final double D21 = 10.12623508344586;
    private static final double D22 = -7.487995877610167;
    private static final double D23 = -34.80091861555747;
    private static final double D24 = -7.992771707568823;
    private static final double D25 = 1.025137723295662;
    private static final double D31 = -0.6762803392801253;
    private static final double D32 = 6.087714651680015;
    private static final double D33 = 16.43084320892478;
    private static final double D34 = 24.76722511418386;
    private static final double D35 = -6.594389125716872;

    private static final double SAFETY = 0.9;
    private static final double MAX_GROWTH = 6.0;
    private static final double MAX_SHRINK = 0.2;
    private static final double UNIT_ROUNDOFF = StepControl.UNIT_ROUNDOFF;

    public Rodas4Solver(SolverOptions options) {
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
        private final double[] reduced;
        private final double[] dfdt;
        private final double[] f0;
        private final double[] fTmp;
        private final double[] yTmp;
        private final double[] k1;
        private final double[] k2;
        private final double[] k3;
        private final double[] k4;
        private final double[] k5;
        private final double[] k6;
        private final DenseLu lu;

        Run(OdeSystem system, WorkCounter work) {
            this.system = system;
            this.work = work;
            this.n = system.dimension();
            this.jacobian = new StiffJacobian(system);
            int m = jacobian.size();
            this.reduced = new double[m];
            this.dfdt = new double[n];
            this.f0 = new double[n];
            this.fTmp = new double[n];
            this.yTmp = new double[n];
            this.k1 = new double[n];
            this.k2 = new double[n];
            this.k3 = new double[n];
            this.k4 = new double[n];
            this.k5 = new double[n];
            this.k6 = new double[n];
            this.lu = new DenseLu(m);
        }

        SegmentResult integrate(double t0, double[] y0, double tEnd, List<StateEvent> events, OutputRecorder output) {
            SolverOptions opt = options();
            double t = t0;
            double[] y = y0.clone();
            double span = tEnd - t0;
            double hMax = Math.min(opt.maxStep(), span);
            StateEventLocator locator = events.isEmpty() ? null
                    : new StateEventLocator(events, opt.eventTolerance(), t0, y);

            rhs(t, y, f0);
            StiffJacobian.requireFiniteDerivative(system, t, f0);
            double h = StepControl.firstStep(system, t, y, f0, hMax, opt, work);
            boolean lastRejected = false;

            while (!OutputRecorder.sameTime(t, tEnd) && t < tEnd) {
                formJacobian(t, y);
                double err;
                boolean nonFiniteTrial = false;
                while (true) {
                    h = StepControl.toEnd(t, h, tEnd);
                    StepControl.requireTrial("RODAS4", t, h, nonFiniteTrial, "the solution may blow up or leave its domain here",
                            work, opt);
                    if (!attemptStep(t, y, h)) {
                        work.rejected++;
                        h *= 0.25;
                        lastRejected = true;
                        nonFiniteTrial = true;
                        continue;
                    }
                    if (opt.isFixedStep()) {
                        err = 0;
                        break;
                    }
                    err = errorNorm(y, opt);
                    if (err <= 1.0) {
                        break;
                    }
                    nonFiniteTrial = false;
                    work.rejected++;
                    h *= Math.max(MAX_SHRINK, SAFETY * Math.pow(err, -0.25));
                    lastRejected = true;
                }
                work.accepted++;
                double tNew = t + h;
                double[] yNew = StepControl.advance(system, t, yTmp, k6);
                SegmentResult stopped = StepControl.deliver(new Interpolant(t, tNew, y, yNew), yNew, locator, output, tEnd);
                if (stopped != null) {
                    return stopped;
                }
                t = OutputRecorder.sameTime(tNew, tEnd) ? tEnd : tNew;
                y = yNew;
                rhs(t, y, f0);
                StiffJacobian.requireFiniteDerivative(system, t, f0);
                if (!opt.isFixedStep()) {
                    double factor = err == 0 ? MAX_GROWTH : Math.min(MAX_GROWTH, Math.max(MAX_SHRINK, SAFETY * Math.pow(err, -0.25)));
                    if (lastRejected) {
                        factor = Math.min(factor, 1.0);
                    }
                    h = Math.min(h * factor, hMax);
                }
                lastRejected = false;
            }
            return new SegmentResult(tEnd, y, -1);
        }

        private void rhs(double t, double[] y, double[] out) {
            system.derivatives(t, y, out);
            work.rhs++;
        }

        /** Jacobian (active components only) and time derivative at (t, y); f0 holds f(t, y). */
        private void formJacobian(double t, double[] y) {
            jacobian.form(t, y, f0, work);
            if (system.isAutonomous()) {
                java.util.Arrays.fill(dfdt, 0.0);
            } else {
                double delta = Math.sqrt(UNIT_ROUNDOFF * Math.max(1e-5, Math.abs(t)));
                rhs(t + delta, y, fTmp);
                for (int i = 0; i < n; i++) {
                    dfdt[i] = (fTmp[i] - f0[i]) / delta;
                    if (!Double.isFinite(dfdt[i])) {
                        throw new SolverException(ErrorCode.SOLVER_FAILURE, t, "time derivative of the rate of " + system.stateName(i) + " is " + dfdt[i]
                                + ": the model's equations are not differentiable in time here");
                    }
                }
            }
        }

        /** Computes the six stages for step h; false when the step must be retried smaller. */
        private boolean attemptStep(double t, double[] y, double h) {
            double[][] matrix = lu.matrix();
            double[][] jac = jacobian.values();
            double diagonal = 1.0 / (h * GAMMA);
            for (int i = 0; i < reduced.length; i++) {
                double[] row = matrix[i];
                double[] jRow = jac[i];
                for (int j = 0; j < reduced.length; j++) {
                    row[j] = -jRow[j];
                }
                row[i] += diagonal;
            }
            work.decompositions++;
            if (!lu.factor()) {
                return false;
            }
            double invH = 1.0 / h;
            // Stage 1
            for (int i = 0; i < n; i++) {
                k1[i] = f0[i] + h * D1 * dfdt[i];
            }
            solve(k1);
            // Stage 2
            for (int i = 0; i < n; i++) {
                yTmp[i] = y[i] + A21 * k1[i];
            }
            rhs(t + C2 * h, yTmp, fTmp);
            for (int i = 0; i < n; i++) {
                k2[i] = fTmp[i] + C21 * k1[i] * invH + h * D2 * dfdt[i];
            }
            solve(k2);
            // Stage 3
            for (int i = 0; i < n; i++) {
                yTmp[i] = y[i] + A31 * k1[i] + A32 * k2[i];
            }
            rhs(t + C3 * h, yTmp, fTmp);
            for (int i = 0; i < n; i++) {
                k3[i] = fTmp[i] + (C31 * k1[i] + C32 * k2[i]) * invH + h * D3 * dfdt[i];
            }
            solve(k3);
            // Stage 4
            for (int i = 0; i < n; i++) {
                yTmp[i] = y[i] + A41 * k1[i] + A42 * k2[i] + A43 * k3[i];
            }
            rhs(t + C4 * h, yTmp, fTmp);
            for (int i = 0; i < n; i++) {
                k4[i] = fTmp[i] + (C41 * k1[i] + C42 * k2[i] + C43 * k3[i]) * invH + h * D4 * dfdt[i];
            }
            solve(k4);
            // Stage 5
            for (int i = 0; i < n; i++) {
                yTmp[i] = y[i] + A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i];
            }
            rhs(t + h, yTmp, fTmp);
            for (int i = 0; i < n; i++) {
                k5[i] = fTmp[i] + (C51 * k1[i] + C52 * k2[i] + C53 * k3[i] + C54 * k4[i]) * invH;
            }
            solve(k5);
            // Stage 6 (the embedded solution is yTmp + k5; the error estimate is k6)
            for (int i = 0; i < n; i++) {
                yTmp[i] += k5[i];
            }
            rhs(t + h, yTmp, fTmp);
            for (int i = 0; i < n; i++) {
                k6[i] = fTmp[i] + (C61 * k1[i] + C62 * k2[i] + C63 * k3[i] + C64 * k4[i] + C65 * k5[i]) * invH;
            }
            solve(k6);
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(k6[i]) || !Double.isFinite(yTmp[i])) {
                    return false;
                }
            }
            return true;
        }

        /** Solves the iteration matrix for the active components of {@code k}; constant components get 0. */
        private void solve(double[] k) {
            jacobian.gather(k, reduced);
            lu.solve(reduced);
            jacobian.scatter(reduced, k);
        }

        private double errorNorm(double[] y, SolverOptions opt) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double yNew = yTmp[i] + k6[i];
                double scale = opt.absoluteTolerance() + opt.relativeTolerance() * Math.max(Math.abs(y[i]), Math.abs(yNew));
                double e = k6[i] / scale;
                sum += e * e;
            }
            double norm = Math.sqrt(sum / n);
            return Double.isNaN(norm) ? Double.POSITIVE_INFINITY : norm;
        }

        /** Dense output of the step just taken: y(t0 + θh) = (1−θ)y0 + θ(y1 + (1−θ)(K1 + θK2)). */
        private final class Interpolant implements DenseStep {
            private final double start;
            private final double end;
            private final double[] y0;
            private final double[] y1;
            private final double[] q1;
            private final double[] q2;

            Interpolant(double start, double end, double[] y0, double[] y1) {
                this.start = start;
                this.end = end;
                this.y0 = y0;
                this.y1 = y1;
                this.q1 = new double[n];
                this.q2 = new double[n];
                for (int i = 0; i < n; i++) {
                    q1[i] = D21 * k1[i] + D22 * k2[i] + D23 * k3[i] + D24 * k4[i] + D25 * k5[i];
                    q2[i] = D31 * k1[i] + D32 * k2[i] + D33 * k3[i] + D34 * k4[i] + D35 * k5[i];
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
                double theta = (t - start) / (end - start);
                double theta1 = 1.0 - theta;
                for (int i = 0; i < n; i++) {
                    out[i] = theta1 * y0[i] + theta * (y1[i] + theta1 * (q1[i] + theta * q2[i]));
                }
            }
        }
    }
}
