package org.osteobiome.model.ode;

import org.osteobiome.core.Progress;

/**
 * An {@link OdeSystem} that reports how far through [start, end] the solver has evaluated it, in thousandths, and
 * otherwise behaves exactly as the system it wraps. Reports only when the fraction grows, so a rejected step that
 * looked ahead never makes the progress go back. Unlike the systems it wraps, it serves one solve at a time: make one
 * per run.
 */
public final class TimeProgress implements OdeSystem {
    private static final long STEPS = 1000;

    private final OdeSystem system;
    private final double start;
    private final double span;
    private final Progress progress;
    private long reported = -1;

    private TimeProgress(OdeSystem system, double start, double end, Progress progress) {
        this.system = system;
        this.start = start;
        this.span = end - start;
        this.progress = progress;
    }

    /** {@code system} itself when there is nothing to report, otherwise a reporting wrapper. */
    public static OdeSystem of(OdeSystem system, double start, double end, Progress progress) {
        return progress == Progress.NONE || !(end > start) ? system : new TimeProgress(system, start, end, progress);
    }

    @Override
    public void derivatives(double t, double[] y, double[] dydt) {
        system.derivatives(t, y, dydt);
        long done = Math.min(STEPS, (long) (STEPS * ((t - start) / span)));
        if (done > reported) {
            reported = done;
            progress.report(done, STEPS);
        }
    }

    @Override
    public int dimension() {
        return system.dimension();
    }

    @Override
    public boolean isAutonomous() {
        return system.isAutonomous();
    }

    @Override
    public int[] constantComponents() {
        return system.constantComponents();
    }

    @Override
    public String stateName(int i) {
        return system.stateName(i);
    }

    @Override
    public boolean[][] jacobianPattern() {
        return system.jacobianPattern();
    }

    @Override
    public boolean hasJacobian() {
        return system.hasJacobian();
    }

    @Override
    public void jacobian(double t, double[] y, double[][] jac) {
        system.jacobian(t, y, jac);
    }
}
