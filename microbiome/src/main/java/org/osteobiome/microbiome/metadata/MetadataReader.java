package org.osteobiome.microbiome.metadata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osteobiome.core.OsteobiomeException;

/**
 * Reads sample metadata as labs write it: QIIME 2 metadata TSV (with an optional {@code #q2:types} row), plain
 * TSV or CSV (double-quoted cells allowed); UTF-8 byte-order marks, CR-only or CRLF line ends, spaces around
 * names and values; {@code NA}, {@code -}, empty and similar cells are missing values.
 */
public final class MetadataReader {
    private static final Set<String> MISSING = Set.of("", "na", "n/a", "-", "nan", "null", "none", "missing");

    private MetadataReader() {
    }

    public static SampleMetadata read(Path file) {
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            return read(file.toString(), reader);
        } catch (IOException e) {
            throw OsteobiomeException.cannotRead(file, e);
        }
    }

    public static SampleMetadata read(String source, Reader input) throws IOException {
        BufferedReader reader = new BufferedReader(input);
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            lines.add(lines.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line);
        }
        int headerLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || (l.startsWith("#") && !looksLikeIdHeader(l))) {
                continue;
            }
            headerLine = i;
            break;
        }
        if (headerLine < 0) {
            throw OsteobiomeException.invalid(source + ": no header line; metadata starts with a row of column names whose "
                    + "first cell is the sample id column (e.g. 'sample-id' or '#SampleID')");
        }
        char separator = lines.get(headerLine).contains("\t") ? '\t' : ',';
        List<String> header = split(lines.get(headerLine), separator);
        List<String> columns = new ArrayList<>();
        for (int c = 1; c < header.size(); c++) {
            String name = header.get(c).strip();
            if (name.isEmpty()) {
                throw OsteobiomeException.invalid(source + ", line " + (headerLine + 1) + ": column " + (c + 1)
                        + " has no name; give every column a name in the header");
            }
            if (columns.contains(name)) {
                throw OsteobiomeException.invalid(source + ", line " + (headerLine + 1) + ": column '" + name + "' appears twice");
            }
            columns.add(name);
        }
        boolean[] declaredNumeric = null;
        List<String> ids = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = headerLine + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) {
                continue;
            }
            List<String> cells = split(l, separator);
            if (cells.get(0).strip().toLowerCase(Locale.ROOT).startsWith("#q2:types")) {
                declaredNumeric = new boolean[columns.size()];
                for (int c = 1; c < cells.size() && c <= columns.size(); c++) {
                    declaredNumeric[c - 1] = cells.get(c).strip().equalsIgnoreCase("numeric");
                }
                continue;
            }
            if (l.startsWith("#")) {
                continue;
            }
            if (cells.size() > header.size()) {
                throw OsteobiomeException.invalid(source + ", line " + (i + 1) + ": " + cells.size() + " cells but the header has "
                        + header.size() + " columns");
            }
            String id = cells.get(0).strip();
            if (id.isEmpty()) {
                throw OsteobiomeException.invalid(source + ", line " + (i + 1) + ": empty sample id");
            }
            String[] values = new String[columns.size()];
            for (int c = 1; c < cells.size(); c++) {
                String v = cells.get(c).strip();
                values[c - 1] = MISSING.contains(v.toLowerCase(Locale.ROOT)) ? null : v;
            }
            Integer seen = firstLine.putIfAbsent(id, i + 1);
            if (seen != null) {
                mergeRepeatedRow(source, rows.get(ids.indexOf(id)), values, columns, id, seen, i + 1);
                warnings.add("sample id '" + id + "' appears on lines " + seen + " and " + (i + 1)
                        + " with no conflicting values; the rows were merged");
                continue;
            }
            ids.add(id);
            rows.add(values);
        }
        if (ids.isEmpty()) {
            throw OsteobiomeException.invalid(source + ": no rows after the header on line " + (headerLine + 1)
                    + "; give one row per sample (or taxon), its id in the first column");
        }
        boolean[] numeric = declaredNumeric != null ? declaredNumeric : inferNumeric(columns.size(), rows);
        return new SampleMetadata(source, ids, columns, rows, numeric, warnings);
    }

    /** Fills the first row's gaps from a repeated row; any value that differs is an error naming both lines. */
    private static void mergeRepeatedRow(String source, String[] first, String[] repeat, List<String> columns, String id,
                                         int firstLine, int line) {
        for (int c = 0; c < first.length; c++) {
            if (first[c] != null && repeat[c] != null && !first[c].equals(repeat[c])) {
                throw OsteobiomeException.invalid(source + ", line " + line + ": sample id '" + id + "' already on line " + firstLine
                        + " with a different " + columns.get(c) + " ('" + first[c] + "' vs '" + repeat[c]
                        + "'); keep one row per sample");
            }
            if (first[c] == null) {
                first[c] = repeat[c];
            }
        }
    }

    private static boolean looksLikeIdHeader(String line) {
        String first = line.split("[\t,]", -1)[0].strip().toLowerCase(Locale.ROOT);
        return first.equals("#sampleid") || first.equals("#sample id") || first.equals("#sample-id") || first.equals("#otu id");
    }

    private static boolean[] inferNumeric(int columns, List<String[]> rows) {
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            boolean any = false;
            boolean all = true;
            for (String[] row : rows) {
                String v = row[c];
                if (v == null) {
                    continue;
                }
                any = true;
                try {
                    Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    all = false;
                    break;
                }
            }
            numeric[c] = any && all;
        }
        return numeric;
    }

    /** Splits on the separator, honouring double quotes ("a, b" and "" for a quote) in CSV. */
    static List<String> split(String line, char separator) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.toString().isBlank()) {
                quoted = true;
            } else if (ch == separator) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
