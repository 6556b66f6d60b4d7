package org.osteobiome.model.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.JsonProblems;
import org.osteobiome.core.OsteobiomeException;

/**
 * Reads scenarios from JSON and lists the built-in ones. Every field is checked with a message that names the
 * file and the field. A dose or replacement window without {@code stop_day} lasts to the end of the run, so a
 * scenario continues as long as the user simulates it; one with {@code stop_day} is a withdrawal at that day.
 *
 * <pre>
 * {"name": "ovx-la", "description": "…", "species": "mouse", "start_day": 0, "end_day": 42, "step_days": 1,
 *  "estrogen": {"curve": "ovx", "replacements": [{"start_day": 0, "stop_day": 42}]},
 *  "doses": [{"agent": "l_acidophilus", "start_day": 0, "interval_days": 1, "amount": 1}],
 *  "parameters": {"k_LB": "0"}}
 * </pre>
 */
public final class ScenarioFiles {
    /** The scenarios that ship with osteobiome, in display order. */
    public static final List<String> BUILT_IN = List.of("sham", "ovx", "ovx-la", "ovx-butyrate", "ovx-la-no-butyrate",
            "ovx-estrogen", "sham-la", "antibiotics", "menopause-natural", "menopause-natural-la", "menopause-natural-la-late",
            "menopause-surgical", "menopause-fibre");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioFiles() {
    }

    /** Built-in scenarios, parsed once (scenarios are immutable; a population asks for one per subject). */
    private static final java.util.Map<String, Scenario> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Scenario builtIn(String name) {
        String resource = "/org/osteobiome/model/scenarios/" + name + ".json";
        try (InputStream in = ScenarioFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new OsteobiomeException(ErrorCode.INTERNAL, "missing built-in scenario " + resource);
            }
            return parse(name + ".json", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new OsteobiomeException(ErrorCode.IO_FAILURE, "cannot read " + resource, e);
        }
    }

    /** A built-in scenario by name, or a scenario file by path. */
    public static Scenario load(String nameOrPath) {
        if (BUILT_IN.contains(nameOrPath)) {
            return PARSED.computeIfAbsent(nameOrPath, ScenarioFiles::builtIn);
        }
        Path file = Path.of(nameOrPath);
        if (nameOrPath.endsWith(".json") && !Files.isRegularFile(file)) {
            throw new OsteobiomeException(ErrorCode.IO_FAILURE, "scenario file " + file + (Files.isDirectory(file) ? " is a folder"
                    : " does not exist") + "; give a scenario file (.json) or one of: " + String.join(", ", BUILT_IN));
        }
        if (!nameOrPath.endsWith(".json")) {
            throw OsteobiomeException.unknown("unknown scenario '" + nameOrPath + "'; use a scenario file (.json) or one of: "
                    + String.join(", ", BUILT_IN));
        }
        try {
            // A population asks for the scenario once per subject: a file is parsed again only when it changes.
            FileKey key = new FileKey(file.toAbsolutePath().normalize(), Files.getLastModifiedTime(file).toMillis(), Files.size(file));
            Scenario cached = USER_FILES.get(key);
            if (cached != null) {
                return cached;
            }
            Scenario parsed = parse(file.toString(), Files.readString(file));
            if (USER_FILES.size() > 64) {
                USER_FILES.clear();
            }
            USER_FILES.put(key, parsed);
            return parsed;
        } catch (IOException e) {
            throw OsteobiomeException.cannotRead(file, e);
        }
    }

    /** A user's scenario file as last read: its path, modification time and size. */
    private record FileKey(Path path, long modified, long size) {
    }

    private static final java.util.Map<FileKey, Scenario> USER_FILES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The largest dose, in multiples of the agent's reference dose: far beyond any experiment, still finite in the model. */
    static final double MAX_DOSE = 1e6;

    public static Scenario parse(String source, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw OsteobiomeException.invalid(source + ", line " + e.getLocation().getLineNr() + ": malformed JSON ("
                    + JsonProblems.explain(e.getOriginalMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw OsteobiomeException.invalid(source + ": a scenario is a JSON object");
        }
        String name = text(source, root, "name", null);
        Scenario.Species species = choice(source + ": species", text(source, root, "species", null), Scenario.Species.values(),
                Scenario.Species::id);
        double start = number(source, root, "start_day", 0);
        double end = number(source, root, "end_day", Double.NaN);
        double step = number(source, root, "step_days", Double.NaN);
        if (!(end > start) || !(step > 0)) {
            throw OsteobiomeException.invalid(source + ": end_day must be after start_day and step_days positive");
        }
        JsonNode e = root.path("estrogen");
        Scenario.Curve curve = choice(source + ": estrogen.curve", e.isMissingNode() ? "none" : text(source + " estrogen", e, "curve", "none"),
                Scenario.Curve.values(), Scenario.Curve::id);
        List<Scenario.Window> replacements = new ArrayList<>();
        for (JsonNode w : e.path("replacements")) {
            replacements.add(window(source + " estrogen.replacements", w));
        }
        List<Scenario.Dose> doses = new ArrayList<>();
        int index = 0;
        for (JsonNode d : root.path("doses")) {
            String where = source + " doses[" + index++ + "]";
            Scenario.Agent agent = choice(where + ": agent", text(where, d, "agent", null), Scenario.Agent.values(), Scenario.Agent::id);
            Scenario.Window w = window(where, d);
            double interval = number(where, d, "interval_days", 0);
            double amount = number(where, d, "amount", Double.NaN);
            if (interval < 0 || !(amount >= 0)) {
                throw OsteobiomeException.invalid(where + ": interval_days and amount must be ≥ 0");
            }
            if (amount > MAX_DOSE) {
                throw OsteobiomeException.invalid(where + ": amount " + org.osteobiome.core.Numbers.format(amount)
                        + " is out of range; allowed [0, " + org.osteobiome.core.Numbers.format(MAX_DOSE)
                        + "] (multiples of the agent's reference dose, docs/models/gut-bone-axis.md)");
            }
            doses.add(new Scenario.Dose(agent, w.startDay(), w.stopDay(), interval, amount));
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("parameters").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            overrides.put(entry.getKey(), entry.getValue().asText());
        }
        return new Scenario(name, root.path("description").asText(""), species, start, end, step,
                new Scenario.Estrogen(curve, replacements), doses, overrides);
    }

    /** A window; without {@code stop_day} it lasts to the end of the run, however long the user asks for. */
    private static Scenario.Window window(String where, JsonNode node) {
        double start = number(where, node, "start_day", Double.NaN);
        double stop = number(where, node, "stop_day", Double.POSITIVE_INFINITY);
        if (!(stop > start)) {
            throw OsteobiomeException.invalid(where + ": stop_day must be after start_day");
        }
        return new Scenario.Window(start, stop);
    }

    /** The constant whose id is {@code value}, or an error listing the valid ids. */
    private static <E> E choice(String where, String value, E[] values, java.util.function.Function<E, String> id) {
        for (E v : values) {
            if (id.apply(v).equals(value)) {
                return v;
            }
        }
        throw OsteobiomeException.invalid(where + " must be one of " + java.util.Arrays.stream(values).map(id).toList() + ", got \"" + value + "\"");
    }

    private static String text(String where, JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                throw OsteobiomeException.invalid(where + ": missing field \"" + field + "\"");
            }
            return fallback;
        }
        if (!v.isTextual()) {
            throw OsteobiomeException.invalid(where + ": \"" + field + "\" must be text");
        }
        return v.asText();
    }

    private static double number(String where, JsonNode node, String field, double fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (Double.isNaN(fallback)) { // NaN marks a required field
                throw OsteobiomeException.invalid(where + ": missing field \"" + field + "\"");
            }
            return fallback;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw OsteobiomeException.invalid(where + ": \"" + field + "\" must be a finite number, got " + v);
        }
        return v.asDouble();
    }
}
