package org.osteobiome.model.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.OsteobiomeException;

/**
 * A table of measurements: tab-separated with the header
 * {@code observable condition time_days measurement noise_sd source use}; lines starting with
 * {@code #} are comments; {@code NA}, an empty cell or (for
 * {@code noise_sd}) 0 means not reported; a negative SD is an error. A condition is a
 * list of {@code parameter=value} pairs separated by {@code ;}.
 *
 * @param name         where the table came from (for messages)
 * @param measurements the rows in file order
 */
public record MeasurementTable(String name, List<Measurement> measurements) {
    static final List<String> COLUMNS = List.of("observable", "condition", "time_days", "measurement", "noise_sd", "source", "use");

    /** Tables shipped with osteobiome (resources next to this class). */
    public static final List<String> SHIPPED = List.of("cook2022-bennett.tsv", "islam2021-targets.tsv", "nelson2026-bmd.tsv",
            "gut-bone-axis-targets.tsv");

    public MeasurementTable {
        measurements = List.copyOf(measurements);
    }

    /** A table shipped with osteobiome, e.g. {@code cook2022-bennett.tsv}. */
    public static MeasurementTable resource(String fileName) {
        InputStream in = MeasurementTable.class.getResourceAsStream(fileName);
        if (in == null) {
            throw new OsteobiomeException(ErrorCode.INTERNAL, "missing data resource " + fileName);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(fileName, reader);
        } catch (IOException e) {
            throw new OsteobiomeException(ErrorCode.IO_FAILURE, "cannot read data resource " + fileName + ": " + e.getMessage(), e);
        }
    }

    /** Reads a measurement table from a file. */
    public static MeasurementTable read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), reader);
        } catch (IOException e) {
            throw OsteobiomeException.cannotRead(file, e);
        }
    }

    static MeasurementTable read(String name, Reader source) throws IOException {
        BufferedReader reader = new BufferedReader(source);
        List<Measurement> rows = new ArrayList<>();
        String line;
        int lineNumber = 0;
        boolean headerSeen = false;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (!headerSeen) {
                List<String> header = List.of(cells).stream().map(String::trim).toList();
                if (!header.equals(COLUMNS)) {
                    throw OsteobiomeException.invalid(name + ", line " + lineNumber + ": header must be the tab-separated columns "
                            + String.join(" ", COLUMNS) + "; got " + String.join(" ", header));
                }
                headerSeen = true;
                continue;
            }
            if (cells.length != COLUMNS.size()) {
                throw OsteobiomeException.invalid(name + ", line " + lineNumber + ": expected " + COLUMNS.size()
                        + " tab-separated cells, found " + cells.length);
            }
            rows.add(new Measurement(cells[0].trim(), parseCondition(name, lineNumber, cells[1]),
                    number(name, lineNumber, "time_days", cells[2], false), number(name, lineNumber, "measurement", cells[3], false),
                    noiseSd(name, lineNumber, cells[4]), cells[5].trim(), cells[6].trim()));
        }
        if (!headerSeen) {
            throw OsteobiomeException.invalid(name + ": no header line; expected " + String.join(" ", COLUMNS));
        }
        if (rows.isEmpty()) {
            throw OsteobiomeException.invalid(name + ": no measurements after the header; give one row per measurement");
        }
        return new MeasurementTable(name, rows);
    }

    private static Map<String, String> parseCondition(String name, int line, String text) {
        Map<String, String> condition = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw OsteobiomeException.invalid(name + ", line " + line + ", column condition: '" + part
                        + "' is not parameter=value");
            }
            condition.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return condition;
    }

    /** The measurement's standard deviation: positive, or 0, NA or empty when none was reported (as for a normalised baseline). */
    private static double noiseSd(String name, int line, String text) {
        double sd = number(name, line, "noise_sd", text, true);
        if (sd < 0) {
            throw OsteobiomeException.invalid(name + ", line " + line + ", column noise_sd: " + text.trim()
                    + " is not a standard deviation; give a positive number, or NA when none was reported");
        }
        return sd;
    }

    private static double number(String name, int line, String column, String text, boolean optional) {
        String t = text.trim();
        if (optional && (t.isEmpty() || t.equals("NA"))) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw OsteobiomeException.invalid(name + ", line " + line + ", column " + column + ": '" + text
                    + "' is not a finite number");
        }
    }

    /** The rows that satisfy {@code filter}. */
    public List<Measurement> where(Predicate<Measurement> filter) {
        return measurements.stream().filter(filter).toList();
    }
}
