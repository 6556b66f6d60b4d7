package org.osteobiome.model.ode;

import java.util.List;

/**
 * Finds the first state event inside an accepted step by bracketing a sign change of g and
 * refining it on the dense output (Illinois variant of regula falsi). The reported time lies
 * on the far side of the root, within the tolerance, so that g already has its new sign there
 * and a restart from it does not fire the same event again.
 */
final class StateEventLocator {
    private final List<StateEvent> events;
    private final double tolerance;
    private final double[] previous;
    private final double[] scratch;

    StateEventLocator(List<StateEvent> events, double tolerance, double t0, double[] y0) {
        this.events = events;
        this.tolerance = tolerance;
        this.previous = new double[events.size()];
        this.scratch = new double[y0.length];
        for (int i = 0; i < previous.length; i++) {
            previous[i] = events.get(i).condition().g(t0, y0);
        }
    }

    /** A located event: which one, when, and the state there. */
    record Hit(int index, double time, double[] state) {
    }

    /** Checks one step; returns the earliest event in it, or null. Updates the stored signs otherwise. */
    Hit check(DenseStep step, double[] endState) {
        Hit first = null;
        double[] current = new double[previous.length];
        for (int i = 0; i < previous.length; i++) {
            StateEvent event = events.get(i);
            double g1 = event.condition().g(step.end(), endState);
            current[i] = g1;
            double g0 = previous[i];
            if (g0 == 0.0) {
                continue; // sign still unknown after a restart on the root: wait for a non-zero value
            }
            if (event.direction().accepts(g0, g1)) {
                double root = locate(event.condition(), step, g0, g1);
                if (first == null || root < first.time()) {
                    double[] state = new double[endState.length];
                    step.stateAt(root, state);
                    first = new Hit(i, root, state);
                }
            }
        }
        if (first == null) {
            for (int i = 0; i < previous.length; i++) {
                if (current[i] != 0.0 || previous[i] == 0.0) {
                    previous[i] = current[i] == 0.0 ? previous[i] : current[i];
                }
            }
        }
        return first;
    }

    private double locate(StateEvent.Condition g, DenseStep step, double gLeft, double gRight) {
        double a = step.start();
        double b = step.end();
        double fa = gLeft;
        double fb = gRight;
        int side = 0;
        for (int iteration = 0; iteration < 200 && b - a > tolerance; iteration++) {
            double c = (a * fb - b * fa) / (fb - fa);
            if (!(c > a && c < b)) {
                c = 0.5 * (a + b);
            }
            step.stateAt(c, scratch);
            double fc = g.g(c, scratch);
            if (Math.signum(fc) == Math.signum(fa) && fc != 0.0) {
                a = c;
                fa = fc;
                if (side == -1) {
                    fb *= 0.5;
                }
                side = -1;
            } else {
                b = c;
                fb = fc;
                if (side == 1) {
                    fa *= 0.5;
                }
                side = 1;
            }
        }
        return b;
    }
}
