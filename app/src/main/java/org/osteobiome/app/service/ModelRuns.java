package org.osteobiome.app.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.osteobiome.model.ParameterSpec;
import org.osteobiome.model.data.MeasurementTable;
import org.osteobiome.model.vpop.Variability;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.Model;
import org.osteobiome.model.ParameterSet;

/** Shared steps of everything that runs a model (commands and web jobs): parameters from --set and an optional --scenario. */
public final class ModelRuns {
    private ModelRuns() {
    }

    /** The thread count of {@code --threads}: all cores when not given; 0 or less is refused. */
    public static int threads(Integer threads) {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1) {
            throw org.osteobiome.core.OsteobiomeException.invalid("--threads must be at least 1, got " + threads);
        }
        return threads;
    }

    /** The model's defaults with the --set values and the scenario applied. */
    public static ParameterSet parameters(Model model, Map<String, String> set, String scenario) {
        for (Map.Entry<String, String> e : set.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw OsteobiomeException.invalid("--set " + e.getKey() + " needs a value: --set " + e.getKey() + "=VALUE");
            }
        }
        ParameterSet p = ParameterSet.defaults(model).withAll(set);
        if (scenario != null) {
            if (model.parameters().stream().noneMatch(s -> s.id().equals("scenario"))) {
                throw OsteobiomeException.invalid("model " + model.id() + " has no scenarios; --scenario applies to gut-bone-axis");
            }
            p = p.with("scenario", scenario);
        }
        return p;
    }

    /** A measurement table from a file, or one shipped with osteobiome when no such file exists. */
    public static MeasurementTable measurements(String fileOrName) {
        Path file = Path.of(fileOrName);
        if (Files.isRegularFile(file)) {
            return MeasurementTable.read(file);
        }
        if (!fileOrName.contains("/") && MeasurementTable.class.getResource(fileOrName) != null) {
            return MeasurementTable.resource(fileOrName);
        }
        throw OsteobiomeException.invalid("--data " + fileOrName + ": no such file (shipped tables: " + String.join(", ",
                MeasurementTable.SHIPPED) + ")");
    }

    /** Parses the LOW:HIGH of {@code --bounds id=LOW:HIGH}. */
    public static double[] bounds(String id, String text) {
        String[] parts = text.split(":");
        try {
            if (parts.length == 2) {
                double lo = Double.parseDouble(parts[0].trim());
                double hi = Double.parseDouble(parts[1].trim());
                if (lo < hi) {
                    return new double[] {lo, hi};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw OsteobiomeException.invalid("--bounds " + id + "=" + text + ": write LOW:HIGH with LOW < HIGH, e.g. --bounds " + id + "=0.1:10");
    }

    /**
     * A variability file, or one shipped with osteobiome when no such file exists, checked against {@code model}
     * before any subject runs: every parameter it varies must be one of the model's numeric parameters.
     */
    public static Variability variability(Model model, String fileOrName) {
        Variability v = variability(fileOrName);
        Map<String, ParameterSpec> specs = new HashMap<>();
        for (ParameterSpec p : model.parameters()) {
            specs.put(p.id(), p);
        }
        for (Variability.Variation variation : v.variations()) {
            ParameterSpec p = specs.get(variation.parameter());
            if (p == null) {
                throw OsteobiomeException.unknown(fileOrName + ": '" + variation.parameter() + "' is not a parameter of " + model.id()
                        + "; its parameters: " + String.join(", ", model.parameters().stream()
                        .filter(q -> q.kind() == ParameterSpec.Kind.REAL).map(q -> q.id()).toList()));
            }
            if (p.kind() != ParameterSpec.Kind.REAL) {
                throw OsteobiomeException.invalid(fileOrName + ": '" + variation.parameter() + "' is not a real-valued parameter;"
                        + " only those can vary between subjects");
            }
            double low = variation.a(); // the centre, or a uniform range's low end; NaN for 'nominal'
            double high = variation.distribution().equals("uniform") ? variation.b() : variation.a();
            if (!Double.isNaN(low) && (high < p.min() || low > p.max())) {
                throw OsteobiomeException.invalid(fileOrName + ": " + variation.parameter() + " is centred or spread outside its"
                        + " allowed range " + p.rangeText() + (p.unit().isEmpty() ? "" : " " + p.unit())
                        + "; give values inside it (or 'nominal' for the model's value)");
            }
        }
        return v;
    }

    private static Variability variability(String fileOrName) {
        Path file = Path.of(fileOrName);
        if (Files.isRegularFile(file)) {
            return Variability.read(file);
        }
        if (Variability.SHIPPED.contains(fileOrName)) {
            return Variability.resource(fileOrName);
        }
        throw OsteobiomeException.invalid("--variability " + fileOrName + ": no such file (shipped: " + String.join(", ", Variability.SHIPPED) + ")");
    }
}
