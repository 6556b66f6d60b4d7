package org.osteobiome.model;

import java.util.List;
import java.util.Objects;
import org.osteobiome.core.Numbers;

/**
 * One parameter of a model: its name on the command line, default value, unit, allowed range,
 * meaning and the source of its value.
 *
 * @param id           name used with {@code --set id=value}
 * @param kind         real number, integer, or one of a fixed set of words
 * @param defaultValue default of a numeric parameter (NaN for choices)
 * @param min          smallest allowed value of a numeric parameter (inclusive)
 * @param max          largest allowed value of a numeric parameter (inclusive)
 * @param choices      allowed words of a choice parameter; the first is the default
 * @param unit         unit ("1" for dimensionless, "" for choices)
 * @param meaning      what it is
 * @param source       where the value comes from (paper, code, "derived", "assumed")
 * @param role         whether the value is fixed from a source, calibrated by osteobiome, or a run setting
 */
public record ParameterSpec(String id, Kind kind, double defaultValue, double min, double max,
                            List<String> choices, String unit, String meaning, String source, Role role) implements java.io.Serializable {

    /** The type of a parameter's values. */
    public enum Kind { REAL, INTEGER, CHOICE, TEXT }

    /** How a parameter's value was obtained. */
    public enum Role {
        /** Taken from a source (paper, original code) or assumed; not fitted here. */
        FIXED,
        /** Fitted by osteobiome's own calibration (see docs/parameters.md). */
        CALIBRATED,
        /** A choice about the run (scenario, protocol, variant), not a biological quantity. */
        SETTING
    }

    public ParameterSpec {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        choices = List.copyOf(choices);
        Objects.requireNonNull(role);
        if (kind == Kind.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException(id + ": a choice needs choices");
        }
        if ((kind == Kind.REAL || kind == Kind.INTEGER) && !(defaultValue >= min && defaultValue <= max)) {
            throw new IllegalArgumentException(id + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
        }
    }

    public static ParameterSpec real(String id, double defaultValue, String unit, double min, double max,
                                     String meaning, String source) {
        return new ParameterSpec(id, Kind.REAL, defaultValue, min, max, List.of(), unit, meaning, source, Role.FIXED);
    }

    public static ParameterSpec integer(String id, int defaultValue, int min, int max, String meaning, String source) {
        return new ParameterSpec(id, Kind.INTEGER, defaultValue, min, max, List.of(), "1", meaning, source, Role.SETTING);
    }

    public static ParameterSpec choice(String id, List<String> choices, String meaning, String source) {
        return new ParameterSpec(id, Kind.CHOICE, Double.NaN, Double.NaN, Double.NaN, choices, "", meaning, source, Role.SETTING);
    }

    /** Free text (a scenario name or file); {@code choices} holds the default as its only element. */
    public static ParameterSpec text(String id, String defaultText, String meaning, String source) {
        return new ParameterSpec(id, Kind.TEXT, Double.NaN, Double.NaN, Double.NaN, List.of(defaultText), "", meaning, source,
                Role.SETTING);
    }

    /** This parameter marked as calibrated by osteobiome. */
    public ParameterSpec calibrated() {
        return new ParameterSpec(id, kind, defaultValue, min, max, choices, unit, meaning, source, Role.CALIBRATED);
    }

    /** This parameter marked as a run setting. */
    public ParameterSpec setting() {
        return new ParameterSpec(id, kind, defaultValue, min, max, choices, unit, meaning, source, Role.SETTING);
    }

    /** The default as text: the number, or the first choice. */
    public String defaultText() {
        return kind == Kind.CHOICE || kind == Kind.TEXT ? choices.get(0) : Numbers.format(defaultValue);
    }

    /** The allowed values as text: "[min, max]" or "a|b|c". */
    public String rangeText() {
        if (kind == Kind.CHOICE) {
            return String.join("|", choices);
        }
        if (kind == Kind.TEXT) {
            return "text";
        }
        return "[" + Numbers.format(min) + ", " + Numbers.format(max) + "]";
    }
}
