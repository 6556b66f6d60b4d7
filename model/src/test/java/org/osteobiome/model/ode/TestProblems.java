package org.osteobiome.model.ode;

/** Test problems with exact solutions and the classic stiff problems of the IVP test set. */
final class TestProblems {
    private TestProblems() {
    }

    /**
     * Prothero–Robinson type problem y' = λ(y − sin t) + cos t with exact solution
     * y(t) = sin t + (y0 − sin t0)·e^{λ(t − t0)}; non-autonomous, stiff for large −λ.
     */
    static OdeSystem prothero(double lambda) {
        return new OdeSystem() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                dydt[0] = lambda * (y[0] - Math.sin(t)) + Math.cos(t);
            }

            @Override
            public boolean hasJacobian() {
                return true;
            }

            @Override
            public void jacobian(double t, double[] y, double[][] jac) {
                jac[0][0] = lambda;
            }
        };
    }

    static double protheroExact(double lambda, double y0, double t) {
        return Math.sin(t) + y0 * Math.exp(lambda * t);
    }

    /** Nonlinear 2-D problem with exact solution (y1, y2) = (cos t·e^{-t/4}, sin t·e^{-t/4}) in polar form. */
    static OdeSystem dampedRotation() {
        return new OdeSystem() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public boolean isAutonomous() {
                return true;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                dydt[0] = -0.25 * y[0] - y[1];
                dydt[1] = y[0] - 0.25 * y[1];
            }
        };
    }

    /**
     * Robertson's chemical kinetics (ROBER in the Test Set for IVP Solvers, Mazzia &amp; Magherini,
     * release 2.4, University of Bari 2008): y(0) = (1, 0, 0), t in [0, 1e11].
     */
    static final OdeSystem ROBERTSON = new OdeSystem() {
        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public boolean isAutonomous() {
            return true;
        }

        @Override
        public void derivatives(double t, double[] y, double[] dydt) {
            dydt[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
            dydt[1] = 0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1];
            dydt[2] = 3e7 * y[1] * y[1];
        }

        @Override
        public boolean hasJacobian() {
            return true;
        }

        @Override
        public void jacobian(double t, double[] y, double[][] j) {
            j[0][0] = -0.04;
            j[0][1] = 1e4 * y[2];
            j[0][2] = 1e4 * y[1];
            j[1][0] = 0.04;
            j[1][1] = -1e4 * y[2] - 6e7 * y[1];
            j[1][2] = -1e4 * y[1];
            j[2][0] = 0;
            j[2][1] = 6e7 * y[1];
            j[2][2] = 0;
        }
    };

    /** ROBER reference solution at t = 1e11 (test set, computed with RADAU5 at tolerance 1.1e-18). */
    static final double[] ROBERTSON_AT_1E11 = {0.2083340149701255e-07, 0.8333360770334713e-13, 0.9999999791665050};

    /** Van der Pol oscillator with μ = 1000 (VDPOL in the test set): y(0) = (2, 0), t in [0, 2000]. */
    static final OdeSystem VAN_DER_POL_1000 = new OdeSystem() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public boolean isAutonomous() {
            return true;
        }

        @Override
        public void derivatives(double t, double[] y, double[] dydt) {
            dydt[0] = y[1];
            dydt[1] = 1000 * (1 - y[0] * y[0]) * y[1] - y[0];
        }
    };

    /** VDPOL reference solution at t = 2000 (test set, RADAU at tolerance 1.1e-18). */
    static final double[] VAN_DER_POL_AT_2000 = {0.1706167732170469e+01, -0.8928097010248125e-03};

    /** HIRES, plant physiology (test set): t in [0, 321.8122]. */
    static final OdeSystem HIRES = new OdeSystem() {
        @Override
        public int dimension() {
            return 8;
        }

        @Override
        public boolean isAutonomous() {
            return true;
        }

        @Override
        public void derivatives(double t, double[] y, double[] f) {
            f[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007;
            f[1] = 1.71 * y[0] - 8.75 * y[1];
            f[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4];
            f[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3];
            f[4] = -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6];
            f[5] = -280 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6];
            f[6] = 280 * y[5] * y[7] - 1.81 * y[6];
            f[7] = -280 * y[5] * y[7] + 1.81 * y[6];
        }
    };

    static final double[] HIRES_INITIAL = {1, 0, 0, 0, 0, 0, 0, 0.0057};
    static final double HIRES_END = 321.8122;

    /** HIRES reference solution at t = 321.8122 (test set, RADAU5 at tolerance 1.1e-18). */
    static final double[] HIRES_AT_END = {0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4,
        0.1175651343283149e-2, 0.2386356198831331e-2, 0.6238968252742796e-2, 0.2849998395185769e-2,
        0.2850001604814231e-2};
}
