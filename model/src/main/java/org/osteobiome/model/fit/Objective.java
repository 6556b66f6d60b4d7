package org.osteobiome.model.fit;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.Model;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.data.DataComparison;
import org.osteobiome.model.data.Measurement;

/**
 * Weighted residuals (predicted − measured)/σ of a model against measurements, as a function of the fitted
 * parameters' search coordinates. σ is the measurement's reported SD; where none is reported the residual is
 * unweighted (σ = 1) and the confidence intervals are scaled by the residual variance instead.
 */
final class Objective {
    /** Residual given to every measurement when the model cannot be solved at a parameter vector. */
    static final double FAILURE_RESIDUAL = 1e3;

    private final Model model;
    private final ParameterSet base;
    private final List<Measurement> data;
    private final List<FitParameter> parameters;
    private final double[] sigma;
    final boolean weighted;
    final AtomicLong evaluations = new AtomicLong();

    private final org.osteobiome.model.SimulationSettings solver;

    Objective(Model model, ParameterSet base, List<Measurement> data, List<FitParameter> parameters,
              org.osteobiome.model.SimulationSettings solver) {
        this.solver = solver;
        this.model = model;
        this.base = base;
        this.data = data;
        this.parameters = parameters;
        this.sigma = new double[data.size()];
        boolean all = true;
        for (int i = 0; i < sigma.length; i++) {
            double sd = data.get(i).noiseSd();
            sigma[i] = sd > 0 ? sd : 1;
            all &= sd > 0;
        }
        this.weighted = all;
    }

    int size() {
        return data.size();
    }

    Model model() {
        return model;
    }

    ParameterSet base() {
        return base;
    }

    org.osteobiome.model.SimulationSettings solver() {
        return solver;
    }

    ParameterSet parametersAt(double[] x) {
        ParameterSet p = base;
        for (int j = 0; j < parameters.size(); j++) {
            p = p.with(parameters.get(j).id(), parameters.get(j).fromSearch(x[j]));
        }
        return p;
    }

    /** Model predictions for every measurement at search coordinates x. */
    double[] predictions(double[] x) {
        evaluations.incrementAndGet();
        List<DataComparison.Pair> pairs = DataComparison.compare(model, parametersAt(x), data, solver);
        double[] out = new double[pairs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = pairs.get(i).predicted();
        }
        return out;
    }

    /** Weighted residuals; a model failure gives large finite residuals, so optimisers back away from it. */
    double[] residuals(double[] x) {
        double[] r = new double[data.size()];
        try {
            double[] predicted = predictions(x);
            for (int i = 0; i < r.length; i++) {
                r[i] = (predicted[i] - data.get(i).value()) / sigma[i];
                if (!Double.isFinite(r[i])) {
                    r[i] = FAILURE_RESIDUAL;
                }
            }
        } catch (OsteobiomeException e) {
            java.util.Arrays.fill(r, FAILURE_RESIDUAL);
        }
        return r;
    }

    static double sumOfSquares(double[] r) {
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return s;
    }
}
