package org.osteobiome.microbiome.io;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osteobiome.core.Numbers;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.table.FeatureTableBuilder;
import org.osteobiome.microbiome.table.Lineage;

/**
 * The classic feature-table TSV: an optional {@code # Constructed from biom file} line, a header whose first cell
 * is {@code #OTU ID} (or {@code OTU ID}, {@code #FeatureID}, {@code Feature ID}) followed by sample ids and an
 * optional last {@code taxonomy} column, then one row per feature. When feature ids are lineages (as in the
 * MLRepo taxa tables), they become the taxonomy.
 */
final class ClassicTsv {
    /** Id given to the empty-lineage row of a lineage table. */
    static final String UNASSIGNED = "Unassigned";

    private ClassicTsv() {
    }

    static FeatureTable read(TextSource in) {
        String header = null;
        String line;
        while ((line = in.next()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String first = line.split("\t", -1)[0].strip();
            if (line.startsWith("#") && !isIdHeader(first)) {
                continue; // "# Constructed from biom file" and other comments
            }
            header = line;
            break;
        }
        if (header == null) {
            throw in.error("no header line; a feature table starts with '#OTU ID' followed by the sample ids");
        }
        String[] head = header.split("\t", -1);
        for (int i = 0; i < head.length; i++) {
            head[i] = head[i].strip();
        }
        int columns = head.length;
        boolean taxonomyColumn = columns > 1 && isTaxonomyHeader(head[columns - 1]);
        int lastSample = taxonomyColumn ? columns - 2 : columns - 1;
        List<String> sampleIds = new ArrayList<>();
        for (int c = 1; c <= lastSample; c++) {
            sampleIds.add(head[c]);
        }
        if (sampleIds.isEmpty()) {
            throw in.error("the header names no samples");
        }
        List<String> featureIds = new ArrayList<>();
        List<String> lineages = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        int headerLine = in.lineNumber();
        List<Integer> rowLines = new ArrayList<>();
        while ((line = in.next()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != columns) {
                throw in.error("found " + cells.length + " tab-separated cells but the header (line " + headerLine + ") has "
                        + columns + "; check for missing values or stray tabs");
            }
            double[] values = new double[sampleIds.size()];
            for (int c = 1; c <= lastSample; c++) {
                values[c - 1] = in.number(cells[c], c + 1, head[c]);
            }
            featureIds.add(cells[0].strip());
            lineages.add(taxonomyColumn ? cells[columns - 1] : null);
            rows.add(values);
            rowLines.add(in.lineNumber());
        }
        boolean lineageIds = !taxonomyColumn && !featureIds.isEmpty()
                && featureIds.stream().filter(Lineage::looksLikeLineage).count() * 2 > featureIds.size();
        if (lineageIds && featureIds.contains("") && !featureIds.contains(UNASSIGNED)) {
            // Lineage tables (MLRepo) hold the reads without any assignment in a row with an empty lineage.
            featureIds.set(featureIds.indexOf(""), UNASSIGNED);
        }
        FeatureTableBuilder builder = FeatureTable.builder(in.name(), sampleIds, featureIds);
        for (int f = 0; f < rows.size(); f++) {
            double[] values = rows.get(f);
            for (int s = 0; s < values.length; s++) {
                builder.add(s, f, values[s], "line " + rowLines.get(f) + ", column " + (s + 2));
            }
        }
        if (taxonomyColumn) {
            builder.taxonomy(lineages.stream().map(Lineage::parse).toList());
        } else if (lineageIds) {
            builder.taxonomy(featureIds.stream().map(Lineage::parse).toList());
        }
        return builder.build();
    }

    private static boolean isIdHeader(String cell) {
        String c = cell.toLowerCase(Locale.ROOT).replace("#", "").replace("_", " ").strip();
        return c.equals("otu id") || c.equals("featureid") || c.equals("feature id") || c.equals("sampleid")
                || c.equals("sample id") || c.equals("taxon") || c.equals("otuid");
    }

    private static boolean isTaxonomyHeader(String cell) {
        String c = cell.toLowerCase(Locale.ROOT);
        return c.equals("taxonomy") || c.equals("consensus lineage") || c.equals("consensuslineage") || c.equals("lineage");
    }

    static void write(FeatureTable table, Writer out) throws IOException {
        boolean taxonomy = table.taxonomy().isPresent();
        StringBuilder line = new StringBuilder("# Constructed by osteobiome\n#OTU ID");
        for (String s : table.sampleIds()) {
            line.append('\t').append(s);
        }
        if (taxonomy) {
            line.append("\ttaxonomy");
        }
        out.write(line.append('\n').toString());
        double[][] byFeature = new double[table.featureCount()][];
        for (int s = 0; s < table.sampleCount(); s++) {
            for (int k = table.start(s); k < table.end(s); k++) {
                int f = table.featureAt(k);
                if (byFeature[f] == null) {
                    byFeature[f] = new double[table.sampleCount()];
                }
                byFeature[f][s] = table.valueAt(k);
            }
        }
        for (int f = 0; f < table.featureCount(); f++) {
            line.setLength(0);
            line.append(table.featureIds().get(f));
            for (int s = 0; s < table.sampleCount(); s++) {
                double v = byFeature[f] == null ? 0 : byFeature[f][s];
                line.append('\t').append(Numbers.format(v));
            }
            if (taxonomy) {
                line.append('\t').append(table.taxonomy().get().get(f).format());
            }
            out.write(line.append('\n').toString());
        }
        out.flush();
    }
}
