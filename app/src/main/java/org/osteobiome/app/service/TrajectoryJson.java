package org.osteobiome.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.osteobiome.model.Observable;
import org.osteobiome.model.Trajectory;

/**
 * A trajectory as JSON and back, column-wise ({@code time}, then per column its id, unit, description and values), the
 * form results are stored in and charts read. Non-finite values, which a model never returns, would be refused.
 */
public final class TrajectoryJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrajectoryJson() {
    }

    public static ObjectNode write(Trajectory t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("model", t.modelId());
        o.put("time_label", t.timeLabel().label());
        o.put("days_per_unit", t.timeLabel().daysPerUnit());
        ArrayNode time = o.putArray("time");
        for (double v : t.time()) {
            time.add(v);
        }
        ArrayNode columns = o.putArray("columns");
        for (int c = 0; c < t.columns().size(); c++) {
            Observable ob = t.columns().get(c);
            ObjectNode col = columns.addObject();
            col.put("id", ob.id());
            col.put("unit", ob.unit());
            col.put("description", ob.description());
            ArrayNode values = col.putArray("values");
            for (double[] row : t.values()) {
                values.add(row[c]);
            }
        }
        return o;
    }

    public static Trajectory read(JsonNode o) {
        double[] time = numbers(o.path("time"));
        List<Observable> columns = new ArrayList<>();
        double[][] values = new double[time.length][o.path("columns").size()];
        int c = 0;
        for (JsonNode col : o.path("columns")) {
            columns.add(new Observable(col.path("id").asText(), col.path("unit").asText(), col.path("description").asText()));
            double[] v = numbers(col.path("values"));
            for (int r = 0; r < time.length; r++) {
                values[r][c] = v[r];
            }
            c++;
        }
        return new Trajectory(o.path("model").asText(), time, columns, values,
                new Trajectory.TimeDisplay(o.path("time_label").asText(), o.path("days_per_unit").asDouble(1)));
    }

    private static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
