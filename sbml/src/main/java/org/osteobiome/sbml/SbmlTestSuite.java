package org.osteobiome.sbml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.ode.Solver;
import org.osteobiome.model.ode.SolverOptions;
import org.osteobiome.model.ode.Solvers;

/**
 * Runs semantic cases of the SBML Test Suite (a directory of numbered case folders, each with
 * {@code NNNNN-settings.txt}, {@code NNNNN-results.csv}, {@code NNNNN-model.m} and SBML files) and scores each as
 * passed (every value within the case's tolerance: |simulated − expected| ≤ absolute + relative·|expected|), failed
 * (a wrong number), refused (a feature the importer declines, with its message) or an error.
 */
public final class SbmlTestSuite {
    /** Newest SBML level/version first: the first one a case has is used. */
    static final List<String> VERSIONS = List.of("l3v2", "l3v1", "l2v5", "l2v4", "l2v3", "l2v2", "l2v1", "l1v2");

    private SbmlTestSuite() {
    }

    /** How a case ended. */
    public enum Outcome { PASSED, FAILED, REFUSED, ERROR }

    /**
     * One case.
     *
     * @param id       case number, e.g. "00001"
     * @param tags     component and test tags from the case's model description
     * @param testType e.g. TimeCourse, FluxBalanceSteadyState
     * @param outcome  how it ended
     * @param message  why it failed or was refused (empty when passed)
     */
    public record CaseResult(String id, Set<String> tags, String testType, Outcome outcome, String message) {
    }

    /** The case folders under {@code casesDir}, in order. */
    public static List<Path> cases(Path casesDir) {
        try (Stream<Path> s = Files.list(casesDir)) {
            return s.filter(Files::isDirectory).filter(p -> p.getFileName().toString().matches("\\d{5}")).sorted().toList();
        } catch (IOException e) {
            throw new OsteobiomeException(ErrorCode.IO_FAILURE, "cannot list " + casesDir + ": " + e.getMessage(), e);
        }
    }

    /** Runs one case folder. */
    public static CaseResult run(Path caseDir) {
        String id = caseDir.getFileName().toString();
        Set<String> tags = new LinkedHashSet<>();
        String testType = "";
        try {
            String description = Files.readString(caseDir.resolve(id + "-model.m"), StandardCharsets.UTF_8);
            for (String line : description.split("\n")) {
                String l = line.strip();
                if (l.startsWith("componentTags:") || l.startsWith("testTags:")) {
                    for (String tag : l.substring(l.indexOf(':') + 1).split(",")) {
                        if (!tag.isBlank()) {
                            tags.add(tag.strip());
                        }
                    }
                } else if (l.startsWith("testType:")) {
                    testType = l.substring(l.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            return new CaseResult(id, tags, testType, Outcome.ERROR, "no model description: " + e.getMessage());
        }
        if (!testType.equals("TimeCourse")) {
            return new CaseResult(id, tags, testType, Outcome.REFUSED, "test type " + testType + " is not a time course");
        }
        Path sbml = VERSIONS.stream().map(v -> caseDir.resolve(id + "-sbml-" + v + ".xml")).filter(Files::isRegularFile).findFirst()
                .orElse(null);
        if (sbml == null) {
            return new CaseResult(id, tags, testType, Outcome.REFUSED, "no SBML file in a level/version osteobiome reads");
        }
        try {
            Map<String, String> settings = settings(caseDir.resolve(id + "-settings.txt"));
            double start = Double.parseDouble(settings.get("start"));
            double duration = Double.parseDouble(settings.get("duration"));
            int steps = (int) Double.parseDouble(settings.get("steps"));
            double absolute = Double.parseDouble(settings.get("absolute"));
            double relative = Double.parseDouble(settings.get("relative"));
            List<String> variables = list(settings.get("variables"));
            Set<String> amounts = new LinkedHashSet<>(list(settings.getOrDefault("amount", "")));
            double[] times = new double[steps + 1];
            for (int i = 0; i <= steps; i++) {
                times[i] = start + duration * i / steps;
            }
            SbmlOdeModel model = SbmlImporter.read(sbml);
            Solver solver = Solvers.byName("rodas4", SolverOptions.tolerances(1e-10, 1e-14).withEventTolerance(1e-12).withMaxSteps(5_000_000));
            SbmlSimulator.Result result = SbmlSimulator.simulate(model, solver, times, variables, amounts, 1);
            return compare(id, tags, testType, result, caseDir.resolve(id + "-results.csv"), absolute, relative);
        } catch (OsteobiomeException e) {
            return new CaseResult(id, tags, testType, e.code() == ErrorCode.UNSUPPORTED ? Outcome.REFUSED : Outcome.ERROR, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new CaseResult(id, tags, testType, Outcome.ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Map<String, String> settings(Path file) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return out;
    }

    private static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static CaseResult compare(String id, Set<String> tags, String testType, SbmlSimulator.Result result, Path expectedFile,
                                      double absolute, double relative) throws IOException {
        List<String> lines = Files.readAllLines(expectedFile, StandardCharsets.UTF_8);
        List<String> header = list(lines.get(0));
        for (int r = 1; r < lines.size(); r++) {
            if (lines.get(r).isBlank()) {
                continue;
            }
            String[] cells = lines.get(r).split(",");
            int row = r - 1;
            if (row >= result.times().length) {
                return new CaseResult(id, tags, testType, Outcome.FAILED, "expected more rows than simulated");
            }
            for (int c = 1; c < header.size(); c++) {
                int column = result.columns().indexOf(header.get(c));
                if (column < 0) {
                    return new CaseResult(id, tags, testType, Outcome.ERROR, "no simulated column " + header.get(c));
                }
                double expected = parse(cells[c]);
                double actual = result.values()[row][column];
                boolean ok = Double.isNaN(expected) ? Double.isNaN(actual)
                        : Double.isInfinite(expected) ? expected == actual
                        : Math.abs(actual - expected) <= absolute + relative * Math.abs(expected);
                if (!ok) {
                    return new CaseResult(id, tags, testType, Outcome.FAILED, header.get(c) + " at time " + cells[0].strip() + ": expected "
                            + expected + ", simulated " + actual);
                }
            }
        }
        return new CaseResult(id, tags, testType, Outcome.PASSED, "");
    }

    private static double parse(String cell) {
        String s = cell.strip();
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "nan" -> Double.NaN;
            case "inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    /** Outcome counts per tag, for the documentation table. */
    public static Map<String, int[]> countsByTag(List<CaseResult> results) {
        Map<String, int[]> counts = new java.util.TreeMap<>();
        for (CaseResult r : results) {
            Set<String> tags = r.tags().isEmpty() ? Set.of("(none)") : r.tags();
            for (String tag : tags) {
                counts.computeIfAbsent(tag, k -> new int[Outcome.values().length])[r.outcome().ordinal()]++;
            }
        }
        return counts;
    }

    /** Runs every case folder under {@code casesDir}. */
    public static List<CaseResult> runAll(Path casesDir) {
        List<CaseResult> out = new ArrayList<>();
        for (Path c : cases(casesDir)) {
            out.add(run(c));
        }
        return out;
    }
}
