package org.osteobiome.microbiome.diversity.beta;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osteobiome.core.DecimalText;
import org.osteobiome.core.MemoryBudget;
import org.osteobiome.core.OsteobiomeException;

/**
 * A symmetric distance matrix with a zero diagonal, stored as its upper triangle row by row. Reads and writes the
 * lsmat TSV that scikit-bio and QIIME 2 use: a header of tab-separated ids after an empty first cell, then one row
 * per id. Values are written with 15 significant digits.
 */
public final class DistanceMatrix {
    /** Largest number of ids (the condensed upper triangle must fit one Java array). */
    public static final int MAX_IDS = 65_000;

    private final List<String> ids;
    private final double[] condensed;

    public DistanceMatrix(List<String> ids, double[] condensed) {
        this.ids = List.copyOf(ids);
        long n = ids.size();
        if (condensed.length != n * (n - 1) / 2) {
            throw new IllegalArgumentException(condensed.length + " values for " + n + " ids");
        }
        this.condensed = condensed;
    }

    /** An empty (all-zero) matrix to fill; refuses sizes that do not fit. */
    public static double[] allocate(int n) {
        if (n > MAX_IDS) {
            throw OsteobiomeException.invalid(n + " samples exceed the " + MAX_IDS + " that one distance matrix holds in memory; "
                    + "use the Spark jobs for block-wise matrices");
        }
        MemoryBudget.require(4.0 * n * (n - 1), "a distance matrix of " + n + " samples",
                "compare fewer samples (filter the table or its metadata)");
        return new double[(int) ((long) n * (n - 1) / 2)];
    }

    public int size() {
        return ids.size();
    }

    public List<String> ids() {
        return ids;
    }

    /** Position of (i, j), i < j, in the condensed array. */
    public static int index(int n, int i, int j) {
        return (int) ((long) i * n - (long) i * (i + 1) / 2 + (j - i - 1));
    }

    public double get(int i, int j) {
        if (i == j) {
            return 0;
        }
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        return condensed[index(ids.size(), a, b)];
    }

    /** The upper triangle, row by row (not a copy; do not modify). */
    public double[] condensed() {
        return condensed;
    }

    /** The matrix restricted to (and reordered as) the given ids. */
    public DistanceMatrix select(List<String> subset) {
        int[] index = new int[subset.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < index.length; i++) {
            index[i] = ids.indexOf(subset.get(i));
            if (index[i] < 0) {
                missing.add(subset.get(i));
            }
        }
        if (!missing.isEmpty()) {
            throw OsteobiomeException.invalid("the distance matrix has no row for " + missing.size() + " id(s): "
                    + String.join(", ", missing.subList(0, Math.min(5, missing.size()))));
        }
        int n = index.length;
        double[] out = allocate(n);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                out[index(n, i, j)] = get(index[i], index[j]);
            }
        }
        return new DistanceMatrix(subset, out);
    }

    public void write(Writer out) throws IOException {
        StringBuilder line = new StringBuilder();
        for (String id : ids) {
            line.append('\t').append(id);
        }
        out.write(line.append('\n').toString());
        int n = ids.size();
        for (int i = 0; i < n; i++) {
            line.setLength(0);
            line.append(ids.get(i));
            for (int j = 0; j < n; j++) {
                DecimalText.append(line.append('\t'), get(i, j));
            }
            out.write(line.append('\n').toString());
        }
        out.flush();
    }

    /** Reads an lsmat file, checking that it is square, symmetric, hollow, non-negative and finite. */
    public static DistanceMatrix read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            throw OsteobiomeException.cannotRead(file, e);
        }
    }

    /** Reads lsmat text; {@code file} names it in messages. */
    public static DistanceMatrix read(String file, BufferedReader in) throws IOException {
        String header = in.readLine();
        int lineOffset = 0;
        while (header != null && header.startsWith("#")) {
            header = in.readLine(); // comment lines before the header (tool and version notes)
            lineOffset++;
        }
        if (header == null) {
            throw OsteobiomeException.invalid(file + ": no header line; an lsmat file starts with a tab and the ids");
        }
        header = header.replace("\uFEFF", "");
        String[] head = header.split("\t", -1);
        List<String> ids = new ArrayList<>();
        for (int c = 1; c < head.length; c++) {
            ids.add(head[c].strip());
        }
        Set<String> unique = new HashSet<>(ids);
        if (unique.size() != ids.size() || ids.isEmpty()) {
            throw OsteobiomeException.invalid(file + ", line " + (1 + lineOffset) + ": the header must list each id once after an empty first cell");
        }
        int n = ids.size();
        MemoryBudget.require(8.0 * n * n, file + ": a matrix of " + n + " ids", "read a smaller matrix");
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            String line = in.readLine();
            if (line == null) {
                throw OsteobiomeException.invalid(file + ": " + n + " ids in the header but only " + i
                        + " rows; the file may be truncated");
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != n + 1) {
                throw OsteobiomeException.invalid(file + ", line " + (i + 2 + lineOffset) + ": " + (cells.length - 1) + " values for " + n + " ids");
            }
            if (!cells[0].strip().equals(ids.get(i))) {
                throw OsteobiomeException.invalid(file + ", line " + (i + 2 + lineOffset) + ": row id '" + cells[0].strip()
                        + "' but column " + (i + 1) + " is '" + ids.get(i) + "'; rows must follow the header order");
            }
            rows[i] = new double[n];
            for (int j = 0; j < n; j++) {
                try {
                    rows[i][j] = Double.parseDouble(cells[j + 1].strip());
                } catch (NumberFormatException e) {
                    throw OsteobiomeException.invalid(file + ", line " + (i + 2 + lineOffset) + ", column " + (j + 2) + ": '" + cells[j + 1]
                            + "' is not a number");
                }
                if (!Double.isFinite(rows[i][j]) || rows[i][j] < 0) {
                    throw OsteobiomeException.invalid(file + ", line " + (i + 2 + lineOffset) + ", column " + (j + 2)
                            + ": distances must be finite and non-negative, got " + cells[j + 1]);
                }
            }
            if (rows[i][i] != 0) {
                throw OsteobiomeException.invalid(file + ", line " + (i + 2 + lineOffset) + ": the diagonal must be 0, got " + rows[i][i]);
            }
        }
        return folded(file, ids, rows);
    }

    /**
     * A matrix from its full square form (rows in the order of {@code ids}), checking that it is finite,
     * non-negative, hollow and symmetric; {@code name} names the source in messages.
     */
    public static DistanceMatrix fromSquare(String name, List<String> ids, double[][] rows) {
        int n = ids.size();
        if (new HashSet<>(ids).size() != n || n == 0) {
            throw OsteobiomeException.invalid(name + ": the ids must be present and distinct");
        }
        if (rows.length != n) {
            throw OsteobiomeException.invalid(name + ": " + rows.length + " rows for " + n + " ids");
        }
        for (int i = 0; i < n; i++) {
            if (rows[i].length != n) {
                throw OsteobiomeException.invalid(name + ": row " + (i + 1) + " (" + ids.get(i) + ") has " + rows[i].length
                        + " values for " + n + " ids");
            }
            for (int j = 0; j < n; j++) {
                double v = rows[i][j];
                if (!Double.isFinite(v) || v < 0) {
                    throw OsteobiomeException.invalid(name + ": row " + (i + 1) + " (" + ids.get(i) + "), column " + (j + 1)
                            + ": distances must be finite and non-negative, got " + v);
                }
            }
            if (rows[i][i] != 0) {
                throw OsteobiomeException.invalid(name + ": row " + (i + 1) + " (" + ids.get(i) + "): the diagonal must be 0, got "
                        + rows[i][i]);
            }
        }
        return folded(name, ids, rows);
    }

    /** The upper triangle of checked rows, after checking that the lower one mirrors it. */
    private static DistanceMatrix folded(String name, List<String> ids, double[][] rows) {
        int n = ids.size();
        double[] condensed = allocate(n);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double a = rows[i][j];
                double b = rows[j][i];
                if (Math.abs(a - b) > 1e-8 * Math.max(1, Math.max(a, b))) {
                    throw OsteobiomeException.invalid(name + ": not symmetric at (" + ids.get(i) + ", " + ids.get(j) + "): "
                            + a + " vs " + b);
                }
                condensed[index(n, i, j)] = a;
            }
        }
        return new DistanceMatrix(ids, condensed);
    }

    /** The full square form, row by row. */
    public double[][] square() {
        int n = size();
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = condensed[index(n, i, j)];
                rows[i][j] = v;
                rows[j][i] = v;
            }
        }
        return rows;
    }
}
