package org.osteobiome.microbiome.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.table.FeatureTableBuilder;
import org.osteobiome.microbiome.table.Lineage;

/**
 * Merged MetaPhlAn profiles ({@code merge_metaphlan_tables.py} output): optional {@code #mpa_…} comment lines, a
 * header {@code clade_name} (or {@code ID}) followed by sample names, optionally a taxid column, and one row per
 * clade ({@code k__Bacteria|p__Firmicutes|…}) with relative abundances in %. Profiles are cumulative: a clade's
 * value includes its descendants, so the table is marked cumulative and must be collapsed to one rank.
 */
final class MetaphlanProfiles {
    private static final Set<String> NON_SAMPLE_COLUMNS = Set.of("ncbi_tax_id", "clade_taxid", "taxid", "tax_id");

    private MetaphlanProfiles() {
    }

    /** True when the first cell of a header line names MetaPhlAn's clade column. */
    static boolean isHeader(String firstCell) {
        String c = firstCell.replace("#", "").strip().toLowerCase(Locale.ROOT);
        return c.equals("clade_name") || c.equals("clade");
    }

    static FeatureTable read(TextSource in) {
        String line;
        String header = null;
        while ((line = in.next()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String first = line.split("\t", -1)[0];
            if (line.startsWith("#") && !isHeader(first)) {
                continue;
            }
            header = line;
            break;
        }
        if (header == null) {
            throw in.error("no header line; MetaPhlAn tables start with 'clade_name' followed by sample names");
        }
        String[] head = header.split("\t", -1);
        List<Integer> sampleColumns = new ArrayList<>();
        List<String> sampleIds = new ArrayList<>();
        for (int c = 1; c < head.length; c++) {
            String name = head[c].strip();
            if (!NON_SAMPLE_COLUMNS.contains(name.toLowerCase(Locale.ROOT))) {
                sampleColumns.add(c);
                sampleIds.add(name.replaceFirst("_profile$", ""));
            }
        }
        List<String> clades = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        while ((line = in.next()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != head.length) {
                throw in.error("found " + cells.length + " cells but the header has " + head.length);
            }
            double[] v = new double[sampleColumns.size()];
            for (int i = 0; i < v.length; i++) {
                int c = sampleColumns.get(i);
                v[i] = in.number(cells[c], c + 1, head[c]);
            }
            clades.add(cells[0].strip());
            rows.add(v);
            lines.add(in.lineNumber());
        }
        FeatureTableBuilder builder = FeatureTable.builder(in.name(), sampleIds, clades);
        for (int f = 0; f < rows.size(); f++) {
            for (int s = 0; s < sampleIds.size(); s++) {
                builder.add(s, f, rows.get(f)[s], "line " + lines.get(f) + ", column " + (sampleColumns.get(s) + 1));
            }
        }
        return builder.taxonomy(clades.stream().map(Lineage::parse).toList()).cumulative(true).build();
    }
}
