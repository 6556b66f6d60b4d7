package org.osteobiome.app.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osteobiome.app.cli.VersionProvider;

/**
 * How a result was made, stored beside it and shown with it: the action, the osteobiome version, the options as
 * given, the inputs' SHA-256 fingerprints, the seed (null where nothing is random), the solver and when (ISO-8601, UTC).
 */
public record Provenance(String action, String version, Map<String, String> options, Map<String, String> inputs, Long seed,
                         String solver, String at) {
    public Provenance {
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    public static Provenance of(String action, Map<String, String> options, Map<String, String> inputs, Long seed, String solver) {
        return new Provenance(action, VersionProvider.version(), options, inputs, seed, solver, Instant.now().toString());
    }
}
