package org.osteobiome.app.report;

/** Formats in which a trajectory can be written. */
public enum TableFormat {
    /** Tab-separated, header {@code time} then the column names. */
    TSV,
    /** Comma-separated, same layout. */
    CSV,
    /** A JSON object with metadata, columns and their units. */
    JSON
}
