package org.osteobiome.microbiome.io;

import java.util.Arrays;
import java.util.Locale;
import org.osteobiome.core.OsteobiomeException;

/** The feature-table formats osteobiome reads (and, where marked, writes). */
public enum TableFileFormat {
    /** BIOM 1.0 JSON, sparse or dense (read and write). */
    BIOM_JSON("biom-json", true),
    /** BIOM 2.1 HDF5 (read and write). */
    BIOM_HDF5("biom-hdf5", true),
    /** A QIIME 2 FeatureTable artifact (.qza): a zip holding a BIOM 2.1 file (read). */
    QIIME2_ARTIFACT("qza", false),
    /** Tab-separated with an {@code #OTU ID} header and optional taxonomy column; lineage ids give taxonomy (read and write). */
    TSV("tsv", true),
    /** Merged MetaPhlAn profiles: {@code |}-separated clades, cumulative relative abundances in % (read). */
    METAPHLAN("metaphlan", false);

    private final String id;
    private final boolean writable;

    TableFileFormat(String id, boolean writable) {
        this.id = id;
        this.writable = writable;
    }

    /** Name used on the command line. */
    public String id() {
        return id;
    }

    public boolean writable() {
        return writable;
    }

    /** The writable format with this name, or an error listing them. */
    public static TableFileFormat writableFormat(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (TableFileFormat f : values()) {
            if (f.writable && f.id.equals(n)) {
                return f;
            }
        }
        throw OsteobiomeException.invalid("cannot write format '" + name + "'; writable formats: "
                + String.join(", ", Arrays.stream(values()).filter(f -> f.writable).map(f -> f.id).toList()));
    }
}
