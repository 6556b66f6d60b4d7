package org.osteobiome.model.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.osteobiome.model.Model;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;

/** Runs a model at every condition of a measurement table and pairs each measurement with the prediction. */
public final class DataComparison {
    private DataComparison() {
    }

    /** A measurement and the model's value for it. */
    public record Pair(Measurement measurement, double predicted) {
        /** predicted − measured. */
        public double residual() {
            return predicted - measurement.value();
        }

        /** Residual in units of the reported SD (NaN when no SD is reported or it is 0). */
        public double zScore() {
            double sd = measurement.noiseSd();
            return sd > 0 ? residual() / sd : Double.NaN;
        }
    }

    /** Predictions for every measurement; {@code base} holds settings shared by all conditions. */
    public static List<Pair> compare(Model model, ParameterSet base, List<Measurement> measurements) {
        return compare(model, base, measurements, SimulationSettings.DEFAULTS);
    }

    /** The same with the given solver settings (their output grid is replaced by the measurement times). */
    public static List<Pair> compare(Model model, ParameterSet base, List<Measurement> measurements, SimulationSettings solver) {
        Map<Map<String, String>, List<Measurement>> byCondition = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            byCondition.computeIfAbsent(m.condition(), c -> new ArrayList<>()).add(m);
        }
        Map<Measurement, Double> predictions = new LinkedHashMap<>();
        for (Map.Entry<Map<String, String>, List<Measurement>> group : byCondition.entrySet()) {
            TreeSet<Double> times = new TreeSet<>();
            group.getValue().forEach(m -> times.add(m.time()));
            double[] grid = times.stream().mapToDouble(Double::doubleValue).toArray();
            Trajectory t = model.simulate(base.withAll(group.getKey()), solver.withOutputTimes(grid));
            for (Measurement m : group.getValue()) {
                predictions.put(m, t.at(m.time(), m.observable()));
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (Measurement m : measurements) {
            pairs.add(new Pair(m, predictions.get(m)));
        }
        return pairs;
    }

    /** Root-mean-square residual. */
    public static double rootMeanSquare(List<Pair> pairs) {
        double sum = 0;
        for (Pair p : pairs) {
            sum += p.residual() * p.residual();
        }
        return Math.sqrt(sum / pairs.size());
    }
}
