package org.osteobiome.app.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteobiome.core.Numbers;
import org.osteobiome.model.Observable;
import org.osteobiome.model.Trajectory;

/** Writes a trajectory as TSV, CSV or JSON. Time is in days; one row per output time. */
public final class TrajectoryWriter {
    /** The notice that every output meant for people carries. */
    public static final String NOTICE = "osteobiome research software, for forming and testing hypotheses: "
            + "not a diagnostic device";

    private TrajectoryWriter() {
    }

    public static void write(Trajectory t, TableFormat format, Map<String, String> parameters, Writer out) throws IOException {
        switch (format) {
            case TSV -> delimited(t, "\t", out);
            case CSV -> delimited(t, ",", out);
            case JSON -> json(t, parameters, out);
        }
        out.flush();
    }

    private static void delimited(Trajectory t, String separator, Writer out) throws IOException {
        StringBuilder line = new StringBuilder("time");
        for (String name : t.names()) {
            line.append(separator).append(name);
        }
        out.write(line.append('\n').toString());
        for (int r = 0; r < t.rows(); r++) {
            line.setLength(0);
            line.append(Numbers.format(t.time()[r]));
            for (double v : t.values()[r]) {
                line.append(separator).append(Numbers.format(v));
            }
            out.write(line.append('\n').toString());
        }
    }

    private static void json(Trajectory t, Map<String, String> parameters, Writer out) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("model", t.modelId());
        document.put("notice", NOTICE);
        document.put("parameters", parameters);
        document.put("time_unit", "day");
        document.put("columns", t.columns().stream().map(TrajectoryWriter::column).toList());
        document.put("time", t.time());
        Map<String, double[]> series = new LinkedHashMap<>();
        for (String name : t.names()) {
            series.put(name, t.column(name));
        }
        document.put("values", series);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(new NonClosingWriter(out), document);
        out.write('\n');
    }

    private static Map<String, String> column(Observable o) {
        return Map.of("id", o.id(), "unit", o.unit(), "description", o.description());
    }

    /** Lets Jackson write to a stream it must not close (standard output). */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Column names for a header row (time first). */
    public static List<String> header(Trajectory t) {
        List<String> names = new java.util.ArrayList<>();
        names.add("time");
        names.addAll(t.names());
        return names;
    }
}
