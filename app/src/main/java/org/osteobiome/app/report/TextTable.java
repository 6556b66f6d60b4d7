package org.osteobiome.app.report;

import java.util.ArrayList;
import java.util.List;

/** Plain-text tables: tab-separated for programs, column-aligned for people. */
public final class TextTable {
    private TextTable() {
    }

    public static String tsv(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder(String.join("\t", header)).append('\n');
        for (List<String> row : rows) {
            sb.append(String.join("\t", row)).append('\n');
        }
        return sb.toString();
    }

    /** Columns padded to their widest cell, separated by two spaces; the last column is not padded. */
    public static String aligned(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] widths = new int[header.size()];
        for (List<String> row : all) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> row : all) {
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                sb.append(cell);
                if (c < row.size() - 1) {
                    sb.append(" ".repeat(widths[c] - cell.length() + 2));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
