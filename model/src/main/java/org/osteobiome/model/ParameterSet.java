package org.osteobiome.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;

/**
 * Parameter values for one model: the values a user set explicitly, over the model's defaults.
 * Immutable; every value is checked against its {@link ParameterSpec} when it is set.
 */
public final class ParameterSet implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final String modelId;
    private final Map<String, ParameterSpec> specs;
    private final Map<String, Object> explicit;

    private ParameterSet(String modelId, Map<String, ParameterSpec> specs, Map<String, Object> explicit) {
        this.modelId = modelId;
        this.specs = specs;
        this.explicit = explicit;
    }

    /** The defaults of a model. */
    public static ParameterSet defaults(Model model) {
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        for (ParameterSpec spec : model.parameters()) {
            if (specs.put(spec.id(), spec) != null) {
                throw new IllegalStateException(model.id() + " declares parameter " + spec.id() + " twice");
            }
        }
        return new ParameterSet(model.id(), Collections.unmodifiableMap(specs), Map.of());
    }

    /** Sets a parameter from text as typed on the command line, checking name, type and range. */
    public ParameterSet with(String id, String text) {
        ParameterSpec spec = spec(id);
        String value = text.trim();
        if (spec.kind() == ParameterSpec.Kind.TEXT) {
            if (value.isEmpty()) {
                throw OsteobiomeException.invalid("parameter " + id + " of " + modelId + " needs a value");
            }
            return withValue(id, value);
        }
        if (spec.kind() == ParameterSpec.Kind.CHOICE) {
            if (!spec.choices().contains(value)) {
                throw OsteobiomeException.invalid("parameter " + id + " of " + modelId + " must be one of "
                        + spec.rangeText() + ", got '" + text + "'");
            }
            return withValue(id, value);
        }
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw OsteobiomeException.invalid("parameter " + id + " of " + modelId + " needs a number, got '" + text
                    + "' (allowed: " + spec.rangeText() + " " + spec.unit() + ")");
        }
        return with(id, number);
    }

    /** Sets a numeric parameter, checking type and range. */
    public ParameterSet with(String id, double number) {
        ParameterSpec spec = spec(id);
        if (spec.kind() == ParameterSpec.Kind.CHOICE || spec.kind() == ParameterSpec.Kind.TEXT) {
            throw OsteobiomeException.invalid("parameter " + id + " of " + modelId + " is " + spec.rangeText()
                    + ", not a number");
        }
        if (!Double.isFinite(number) || number < spec.min() || number > spec.max()) {
            throw OsteobiomeException.invalid("parameter " + id + " of " + modelId + " = " + Numbers.format(number)
                    + " is out of range; allowed " + spec.rangeText() + (spec.unit().isEmpty() ? "" : " " + spec.unit()));
        }
        if (spec.kind() == ParameterSpec.Kind.INTEGER && number != Math.rint(number)) {
            throw OsteobiomeException.invalid("parameter " + id + " of " + modelId + " must be a whole number, got "
                    + Numbers.format(number));
        }
        return withValue(id, number);
    }

    private ParameterSet withValue(String id, Object value) {
        Map<String, Object> next = new LinkedHashMap<>(explicit);
        next.put(id, value);
        return new ParameterSet(modelId, specs, Collections.unmodifiableMap(next));
    }

    /** Sets every entry of {@code values} (parameter id → text). */
    public ParameterSet withAll(Map<String, String> values) {
        ParameterSet result = this;
        for (Map.Entry<String, String> e : values.entrySet()) {
            result = result.with(e.getKey(), e.getValue());
        }
        return result;
    }

    /** True when the user set this parameter (rather than leaving the default). */
    public boolean isSet(String id) {
        spec(id);
        return explicit.containsKey(id);
    }

    /** A real parameter's value. */
    public double real(String id) {
        ParameterSpec spec = spec(id);
        Object v = explicit.get(id);
        return v == null ? spec.defaultValue() : (Double) v;
    }

    /** A real parameter's value, or {@code fallback} when the user did not set it. */
    public double realOr(String id, double fallback) {
        spec(id);
        Object v = explicit.get(id);
        return v == null ? fallback : (Double) v;
    }

    /** An integer parameter's value. */
    public int integer(String id) {
        return (int) real(id);
    }

    /** A choice or text parameter's value. */
    public String choice(String id) {
        ParameterSpec spec = spec(id);
        Object v = explicit.get(id);
        return v == null ? spec.choices().get(0) : (String) v;
    }

    /** The values the user set, as text. */
    public Map<String, String> explicitValues() {
        return explicit.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue() instanceof Double d ? Numbers.format(d) : e.getValue().toString(),
                (a, b) -> a, LinkedHashMap::new));
    }

    private ParameterSpec spec(String id) {
        ParameterSpec spec = specs.get(id);
        if (spec == null) {
            List<String> names = List.copyOf(specs.keySet());
            throw OsteobiomeException.unknown("unknown parameter '" + id + "' for model " + modelId
                    + "; valid parameters: " + String.join(", ", names));
        }
        return spec;
    }

    public String modelId() {
        return modelId;
    }

    @Override
    public String toString() {
        return modelId + explicitValues();
    }
}
