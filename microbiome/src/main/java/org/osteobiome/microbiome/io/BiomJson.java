package org.osteobiome.microbiome.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osteobiome.core.JsonProblems;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.table.FeatureTableBuilder;
import org.osteobiome.microbiome.table.Lineage;

/**
 * BIOM 1.0 JSON (biom-format.org): {@code rows} are features with optional {@code taxonomy} metadata,
 * {@code columns} are samples, {@code data} is sparse ({@code [row, column, value]}) or dense. Read with a
 * streaming parser, so large tables do not need a document tree.
 */
final class BiomJson {
    private static final JsonFactory JSON = new JsonFactory();

    private BiomJson() {
    }

    private record Entry(String id, String taxonomy) {
    }

    static FeatureTable read(String name, InputStream input) {
        List<Entry> rows = null;
        List<Entry> columns = null;
        String matrixType = null;
        long[] shape = null;
        List<double[]> data = new ArrayList<>();
        try (JsonParser p = JSON.createParser(input)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw OsteobiomeException.invalid(name + ": not a BIOM JSON document (expected '{' at the start)");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "rows" -> rows = entries(name, p, "rows");
                    case "columns" -> columns = entries(name, p, "columns");
                    case "matrix_type" -> matrixType = p.getValueAsString();
                    case "shape" -> shape = shape(name, p);
                    case "data" -> readData(name, p, data);
                    default -> p.skipChildren();
                }
            }
        } catch (JsonParseException e) {
            throw OsteobiomeException.invalid(name + ", line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": malformed JSON (" + JsonProblems.explain(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw OsteobiomeException.cannotRead(name, e);
        }
        if (rows == null || columns == null || matrixType == null) {
            throw OsteobiomeException.invalid(name + ": a BIOM 1.0 table needs 'rows', 'columns' and 'matrix_type'; missing "
                    + (rows == null ? "rows " : "") + (columns == null ? "columns " : "") + (matrixType == null ? "matrix_type" : ""));
        }
        if (shape != null && (shape[0] != rows.size() || shape[1] != columns.size())) {
            throw OsteobiomeException.invalid(name + ": 'shape' says " + shape[0] + " × " + shape[1] + " but there are "
                    + rows.size() + " rows and " + columns.size() + " columns");
        }
        FeatureTableBuilder builder = FeatureTable.builder(name, columns.stream().map(Entry::id).toList(),
                rows.stream().map(Entry::id).toList());
        boolean sparse = matrixType.toLowerCase(Locale.ROOT).equals("sparse");
        if (!sparse && !matrixType.equalsIgnoreCase("dense")) {
            throw OsteobiomeException.invalid(name + ": matrix_type must be 'sparse' or 'dense', got '" + matrixType + "'");
        }
        for (int i = 0; i < data.size(); i++) {
            double[] d = data.get(i);
            if (sparse) {
                if (d.length != 3) {
                    throw OsteobiomeException.invalid(name + ": sparse data entry " + (i + 1) + " has " + d.length
                            + " numbers; expected [row, column, value]");
                }
                int r = (int) d[0];
                int c = (int) d[1];
                if (r != d[0] || c != d[1] || r < 0 || r >= rows.size() || c < 0 || c >= columns.size()) {
                    throw OsteobiomeException.invalid(name + ": sparse data entry " + (i + 1) + " points outside the "
                            + rows.size() + " × " + columns.size() + " table: [" + d[0] + ", " + d[1] + "]");
                }
                builder.add(c, r, d[2], "data entry " + (i + 1));
            } else {
                if (d.length != columns.size()) {
                    throw OsteobiomeException.invalid(name + ": dense data row " + (i + 1) + " has " + d.length
                            + " values for " + columns.size() + " columns");
                }
                for (int c = 0; c < d.length; c++) {
                    builder.add(c, i, d[c], "data row " + (i + 1) + ", column " + (c + 1));
                }
            }
        }
        if (!sparse && data.size() != rows.size()) {
            throw OsteobiomeException.invalid(name + ": dense data has " + data.size() + " rows for " + rows.size() + " features");
        }
        if (rows.stream().anyMatch(r -> r.taxonomy() != null)) {
            builder.taxonomy(rows.stream().map(r -> r.taxonomy() == null ? Lineage.EMPTY : Lineage.parse(r.taxonomy())).toList());
        }
        return builder.build();
    }

    private static List<Entry> entries(String name, JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw OsteobiomeException.invalid(name + ": '" + field + "' must be an array");
        }
        List<Entry> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String id = null;
            String taxonomy = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                if (key.equals("id")) {
                    id = p.getValueAsString();
                } else if (key.equals("metadata") && t == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String metaKey = p.currentName();
                        JsonToken mt = p.nextToken();
                        if (metaKey.equalsIgnoreCase("taxonomy")) {
                            taxonomy = taxonomy(p, mt);
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (id == null) {
                throw OsteobiomeException.invalid(name + ": entry " + (out.size() + 1) + " of '" + field + "' has no id");
            }
            out.add(new Entry(id, taxonomy));
        }
        return out;
    }

    private static String taxonomy(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_STRING) {
            return p.getValueAsString();
        }
        if (t == JsonToken.START_ARRAY) {
            List<String> ranks = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                ranks.add(p.getValueAsString());
            }
            return String.join("; ", ranks);
        }
        p.skipChildren();
        return null;
    }

    private static long[] shape(String name, JsonParser p) throws IOException {
        List<Long> dims = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            dims.add(p.getValueAsLong());
        }
        if (dims.size() != 2) {
            throw OsteobiomeException.invalid(name + ": 'shape' must have two numbers");
        }
        return new long[] {dims.get(0), dims.get(1)};
    }

    private static void readData(String name, JsonParser p, List<double[]> data) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw OsteobiomeException.invalid(name + ": 'data' must be an array");
        }
        while (p.nextToken() == JsonToken.START_ARRAY) {
            double[] row = new double[8];
            int n = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (!t.isNumeric()) {
                    throw OsteobiomeException.invalid(name + ", line " + p.currentLocation().getLineNr() + ": data entry "
                            + (data.size() + 1) + " holds '" + p.getText() + "', not a number");
                }
                if (n == row.length) {
                    row = java.util.Arrays.copyOf(row, n * 2);
                }
                row[n++] = p.getDoubleValue();
            }
            data.add(java.util.Arrays.copyOf(row, n));
        }
    }

    static void write(FeatureTable table, String generatedBy, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            boolean integral = table.isIntegral();
            g.writeStartObject();
            g.writeStringField("id", "osteobiome table");
            g.writeStringField("format", "Biological Observation Matrix 1.0.0");
            g.writeStringField("format_url", "http://biom-format.org");
            g.writeStringField("type", "OTU table");
            g.writeStringField("generated_by", generatedBy);
            g.writeStringField("date", OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString());
            g.writeStringField("matrix_type", "sparse");
            g.writeStringField("matrix_element_type", integral ? "int" : "float");
            g.writeArrayFieldStart("shape");
            g.writeNumber(table.featureCount());
            g.writeNumber(table.sampleCount());
            g.writeEndArray();
            g.writeArrayFieldStart("rows");
            for (int f = 0; f < table.featureCount(); f++) {
                g.writeStartObject();
                g.writeStringField("id", table.featureIds().get(f));
                if (table.taxonomy().isPresent()) {
                    g.writeObjectFieldStart("metadata");
                    g.writeArrayFieldStart("taxonomy");
                    for (String rank : table.taxonomy().get().get(f).formatRanks()) {
                        g.writeString(rank);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                } else {
                    g.writeNullField("metadata");
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("columns");
            for (String s : table.sampleIds()) {
                g.writeStartObject();
                g.writeStringField("id", s);
                g.writeNullField("metadata");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("data");
            for (int s = 0; s < table.sampleCount(); s++) {
                for (int k = table.start(s); k < table.end(s); k++) {
                    g.writeStartArray();
                    g.writeNumber(table.featureAt(k));
                    g.writeNumber(s);
                    double v = table.valueAt(k);
                    if (integral) {
                        g.writeNumber((long) v);
                    } else {
                        g.writeNumber(v);
                    }
                    g.writeEndArray();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
