package org.osteobiome.app.web.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;

/**
 * A job's request: named fields from a form or a JSON body, read with their checks. Every refusal names the field and
 * what it accepts. The request is stored as JSON, so that a job can be run again exactly.
 */
public final class JobRequest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode fields;

    private JobRequest(ObjectNode fields) {
        this.fields = fields;
    }

    public static JobRequest of(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw OsteobiomeException.invalid("the request must be a JSON object of fields");
        }
        return new JobRequest(((ObjectNode) json).deepCopy());
    }

    /** From form fields; a field given several times (ticked boxes) becomes a comma-separated list. */
    public static JobRequest ofForm(Map<String, List<String>> form) {
        ObjectNode o = JSON.createObjectNode();
        form.forEach((k, v) -> {
            if (!k.startsWith("_")) {
                List<String> present = v.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
                if (!present.isEmpty()) {
                    o.put(k, String.join(",", present));
                }
            }
        });
        return new JobRequest(o);
    }

    public static JobRequest parse(String stored) {
        try {
            return of(JSON.readTree(stored));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored job request unreadable: " + e.getMessage(), e);
        }
    }

    public String json() {
        return fields.toString();
    }

    public String text(String name, String fallback) {
        JsonNode v = fields.get(name);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            return fallback;
        }
        if (v.isContainerNode()) {
            throw OsteobiomeException.invalid("field '" + name + "' must be a single value");
        }
        String s = v.asText().strip();
        if (s.length() > 2000) {
            throw OsteobiomeException.invalid("field '" + name + "' may have at most 2000 characters");
        }
        return s;
    }

    public String required(String name, String what) {
        String v = text(name, null);
        if (v == null) {
            throw OsteobiomeException.invalid("field '" + name + "' is required: " + what);
        }
        return v;
    }

    public double number(String name, double fallback, double min, double max) {
        Double v = optionalNumber(name, min, max);
        return v == null ? fallback : v;
    }

    public Double optionalNumber(String name, double min, double max) {
        String s = text(name, null);
        if (s == null) {
            return null;
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw OsteobiomeException.invalid("field '" + name + "' must be a number, got '" + s + "'");
        }
        if (!(v >= min && v <= max)) {
            throw OsteobiomeException.invalid("field '" + name + "' must lie in [" + Numbers.format(min) + ", " + Numbers.format(max) + "], got "
                    + s);
        }
        return v;
    }

    public int integer(String name, int fallback, int min, int max) {
        Integer v = optionalInteger(name, min, max);
        return v == null ? fallback : v;
    }

    public Integer optionalInteger(String name, int min, int max) {
        String s = text(name, null);
        if (s == null) {
            return null;
        }
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw OsteobiomeException.invalid("field '" + name + "' must be a whole number, got '" + s + "'");
        }
        if (v < min || v > max) {
            throw OsteobiomeException.invalid("field '" + name + "' must be between " + min + " and " + max + ", got " + s);
        }
        return (int) v;
    }

    public long seed(String name, long fallback) {
        String s = text(name, null);
        if (s == null) {
            return fallback;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw OsteobiomeException.invalid("field '" + name + "' (a seed) must be a whole number, got '" + s + "'");
        }
    }

    public boolean flag(String name) {
        String s = text(name, "false");
        return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("on") || s.equals("1") || s.equalsIgnoreCase("yes");
    }

    /** A comma-separated list (or a JSON array). */
    public List<String> list(String name) {
        JsonNode v = fields.get(name);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(e -> out.add(e.asText().strip()));
        } else {
            for (String s : v.asText().split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    /** {@code NAME=VALUE} pairs separated by commas or new lines (or a JSON object). */
    public Map<String, String> assignments(String name) {
        JsonNode v = fields.get(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isObject()) {
            v.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            return out;
        }
        for (String part : v.asText().split("[,\\n]")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw OsteobiomeException.invalid("field '" + name + "': write NAME=VALUE pairs separated by commas, got '" + part.strip() + "'");
            }
            out.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return out;
    }

    /** The fields as given, for provenance. */
    public Map<String, String> asOptions() {
        Map<String, String> out = new LinkedHashMap<>();
        fields.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return out;
    }
}
