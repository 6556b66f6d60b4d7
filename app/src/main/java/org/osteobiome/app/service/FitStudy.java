package org.osteobiome.app.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.Model;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.ParameterSpec;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;
import org.osteobiome.model.data.DataComparison;
import org.osteobiome.model.data.Measurement;
import org.osteobiome.model.fit.FitParameter;
import org.osteobiome.model.fit.FitResult;

/** What {@code osteobiome fit} and the web's fit job share: the search bounds of a parameter, and the fitted curves with the data. */
public final class FitStudy {
    private FitStudy() {
    }

    /** One condition of one observable: the model curve at the estimates over the data's span, and the data (± SD, 0 where none). */
    public record Curve(String condition, double[] time, double[] fitted, double[] dataTime, double[] data, double[] dataSd) {
    }

    /** The curves of one observable. */
    public record Panel(String observable, List<Curve> curves) {
    }

    /**
     * The parameter to fit with its search bounds: {@code boundsText} ({@code LOW:HIGH}) when given, else the default
     * value ÷100 to ×100 inside the allowed range (the allowed range where the value is 0).
     */
    public static FitParameter parameter(Model model, ParameterSet base, String id, String boundsText) {
        ParameterSpec s = model.parameters().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() ->
                OsteobiomeException.invalid("--fit " + id + ": model " + model.id() + " has no parameter " + id
                        + "; see 'osteobiome model show " + model.id() + "'"));
        if (s.kind() != ParameterSpec.Kind.REAL) {
            throw OsteobiomeException.invalid("--fit " + id + ": only real-valued parameters can be fitted (" + id + " is " + s.kind() + ")");
        }
        if (boundsText != null) {
            double[] b = ModelRuns.bounds(id, boundsText);
            if (b[0] < s.min() || b[1] > s.max()) {
                throw OsteobiomeException.invalid("--bounds " + id + "=" + boundsText + " leaves the allowed range " + s.rangeText());
            }
            return new FitParameter(id, b[0], b[1]);
        }
        double v = base.real(id);
        if (v > 0) {
            return new FitParameter(id, Math.max(s.min(), v / 100), Math.min(s.max(), v * 100));
        }
        return new FitParameter(id, s.min(), s.max());
    }

    /** The parameters at the estimates. */
    public static ParameterSet fitted(ParameterSet base, FitResult r) {
        ParameterSet fitted = base;
        for (int j = 0; j < r.parameters().size(); j++) {
            fitted = fitted.with(r.parameters().get(j).id(), r.estimates()[j]);
        }
        return fitted;
    }

    /** One panel per observable, one curve per condition (201 points from day 0 or the first datum to the last). */
    public static List<Panel> curves(Model model, ParameterSet base, FitResult r) {
        ParameterSet fitted = fitted(base, r);
        Map<String, Map<Map<String, String>, List<Measurement>>> byObservable = new LinkedHashMap<>();
        for (DataComparison.Pair pair : r.pairs()) {
            Measurement m = pair.measurement();
            byObservable.computeIfAbsent(m.observable(), o -> new LinkedHashMap<>()).computeIfAbsent(m.condition(), c -> new ArrayList<>()).add(m);
        }
        List<Panel> panels = new ArrayList<>();
        for (Map.Entry<String, Map<Map<String, String>, List<Measurement>>> o : byObservable.entrySet()) {
            List<Curve> curves = new ArrayList<>();
            for (Map.Entry<Map<String, String>, List<Measurement>> c : o.getValue().entrySet()) {
                TreeSet<Double> times = new TreeSet<>();
                c.getValue().forEach(m -> times.add(m.time()));
                double first = Math.min(0, times.first());
                double last = times.last();
                int steps = 200;
                double[] grid = new double[steps + 1];
                for (int i = 0; i <= steps; i++) {
                    grid[i] = first + (last - first) * i / steps;
                }
                if (last == first) {
                    grid = new double[] {first};
                }
                Trajectory t = model.simulate(fitted.withAll(c.getKey()), SimulationSettings.DEFAULTS.withOutputTimes(grid));
                curves.add(new Curve(condition(c.getKey()), grid, t.column(o.getKey()), c.getValue().stream().mapToDouble(Measurement::time)
                        .toArray(), c.getValue().stream().mapToDouble(Measurement::value).toArray(),
                        c.getValue().stream().mapToDouble(m -> Double.isNaN(m.noiseSd()) ? 0 : m.noiseSd()).toArray()));
            }
            panels.add(new Panel(o.getKey(), curves));
        }
        return panels;
    }

    /** A condition as {@code name=value;…} in name order, "-" when empty. */
    public static String condition(Map<String, String> c) {
        List<String> parts = new ArrayList<>();
        new java.util.TreeMap<>(c).forEach((k, v) -> parts.add(k + "=" + v));
        return parts.isEmpty() ? "-" : String.join(";", parts);
    }
}
