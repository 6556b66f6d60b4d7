package org.osteobiome.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.osteobiome.core.OsteobiomeException;

/**
 * A simulation result: model outputs as named columns over time (days).
 *
 * @param modelId   the model that produced it
 * @param time      output times in days, ascending
 * @param columns   the observables, in column order
 * @param values    {@code values[row][column]}
 * @param timeLabel how to label a time axis for people (e.g. "years since menopause") together
 *                  with the factor from days to that unit
 */
public record Trajectory(String modelId, double[] time, List<Observable> columns, double[][] values, TimeDisplay timeLabel) {

    /** How to show model time (always in days) on a plot axis. */
    public record TimeDisplay(String label, double daysPerUnit) {
        public static final TimeDisplay DAYS = new TimeDisplay("time (days)", 1);
    }

    public Trajectory {
        Objects.requireNonNull(modelId);
        columns = List.copyOf(columns);
        if (values.length != time.length) {
            throw new IllegalArgumentException(values.length + " rows for " + time.length + " times");
        }
        for (double[] row : values) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("row of " + row.length + " values for " + columns.size() + " columns");
            }
        }
    }

    public int rows() {
        return time.length;
    }

    /** Column names in order. */
    public List<String> names() {
        return columns.stream().map(Observable::id).toList();
    }

    /** Index of a column, or an error that lists the valid names. */
    public int indexOf(String id) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).id().equals(id)) {
                return i;
            }
        }
        throw OsteobiomeException.unknown("unknown observable '" + id + "' for model " + modelId
                + "; valid observables: " + String.join(", ", names()));
    }

    /** All values of one column. */
    public double[] column(String id) {
        int c = indexOf(id);
        double[] out = new double[time.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i][c];
        }
        return out;
    }

    /** The value of a column in the last row. */
    public double last(String id) {
        return values[values.length - 1][indexOf(id)];
    }

    /** The value of a column at the row whose time is closest to {@code t}. */
    public double at(double t, String id) {
        int best = 0;
        for (int i = 1; i < time.length; i++) {
            if (Math.abs(time[i] - t) < Math.abs(time[best] - t)) {
                best = i;
            }
        }
        return values[best][indexOf(id)];
    }

    /** A trajectory with only the named columns, in the given order. */
    public Trajectory select(List<String> ids) {
        if (ids.isEmpty()) {
            return this;
        }
        int[] indices = ids.stream().mapToInt(this::indexOf).toArray();
        List<Observable> selected = new ArrayList<>();
        for (int index : indices) {
            selected.add(columns.get(index));
        }
        double[][] out = new double[time.length][indices.length];
        for (int r = 0; r < time.length; r++) {
            for (int c = 0; c < indices.length; c++) {
                out[r][c] = values[r][indices[c]];
            }
        }
        return new Trajectory(modelId, time, selected, out, timeLabel);
    }
}
