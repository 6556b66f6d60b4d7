package org.osteobiome.microbiome;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;

/** The real data in the repository's {@code data/} folder and the reference-tool fixtures in src/test/resources/fixtures. */
public final class SharedData {
    private SharedData() {
    }

    /** A file under the repository's {@code data/} folder (the tests run from the module folder). */
    public static Path data(String relative) {
        Path p = Path.of("../data").resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("data file not found in the repository: data/" + relative);
        }
        return p;
    }

    /** A fixture file (copied to a temporary path so that file-based readers can use it). */
    public static Path fixture(String name) {
        try (var in = SharedData.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            Path tmp = Files.createTempFile("fixture-", "-" + name);
            Files.write(tmp, in.readAllBytes());
            tmp.toFile().deleteOnExit();
            return tmp;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static DistanceMatrix distances(String name) {
        return DistanceMatrix.read(fixture(name));
    }

    /** A fixture TSV (after its "# " comment lines) as row id → column name → value. */
    public static Map<String, Map<String, Double>> table(String name) {
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                SharedData.class.getResourceAsStream("/fixtures/" + name), StandardCharsets.UTF_8))) {
            String line = in.readLine();
            while (line.startsWith("# ")) { // tool and version notes; a header may itself start with '#'

                line = in.readLine();
            }
            String[] header = line.split("\t");
            while ((line = in.readLine()) != null) {
                String[] cells = line.split("\t");
                Map<String, Double> row = new LinkedHashMap<>();
                for (int c = 1; c < header.length && c < cells.length; c++) {
                    try {
                        row.put(header[c], cells[c].isEmpty() ? Double.NaN : Double.parseDouble(cells[c]));
                    } catch (NumberFormatException e) {
                        row.put(header[c], Double.NaN);
                    }
                }
                rows.put(cells[0], row);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** A fixture TSV (after its "# " comment lines) as rows of column name → text, in file order. */
    public static java.util.List<Map<String, String>> rows(String name) {
        java.util.List<Map<String, String>> rows = new java.util.ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                SharedData.class.getResourceAsStream("/fixtures/" + name), StandardCharsets.UTF_8))) {
            String line = in.readLine();
            while (line.startsWith("# ")) {
                line = in.readLine();
            }
            String[] header = line.split("\t");
            while ((line = in.readLine()) != null) {
                String[] cells = line.split("\t", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < header.length; c++) {
                    row.put(header[c], cells[c].strip());
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** |a − b| ≤ tol·max(|a|, |b|), with an absolute floor for values at zero. */
    public static boolean close(double a, double b, double relative) {
        return Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b)) + 1e-12;
    }
}
