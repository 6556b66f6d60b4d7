package org.osteobiome.microbiome.cohort;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.metadata.SampleMetadata;
import org.osteobiome.microbiome.stats.DistanceModel;

/**
 * The samples of a cohort analysis and their design: an intercept, one indicator per non-reference group
 * (treatment coding against the healthy group, as R's default contrasts) and the covariates — numeric columns as
 * they are, text columns as indicators against their first level. A sample missing any of these values is
 * refused unless the caller asks to leave such samples out, so nothing is dropped unseen.
 *
 * @param samples    sample ids kept, in table order
 * @param tableRows  their row in the table the design was built for
 * @param groups     group per kept sample as an index into {@code levels}
 * @param levels     group levels, the reference (healthy) first
 * @param design     n × p design matrix
 * @param columns    names of the p columns: {@code (Intercept)}, {@code COL[level]}…, covariate terms
 * @param groupTerms how many columns after the intercept are group indicators
 * @param dropped    samples left out for a missing value, with the column
 */
public record CohortDesign(List<String> samples, int[] tableRows, int[] groups, List<String> levels, double[][] design,
                           List<String> columns, int groupTerms, List<String> dropped) {

    public String reference() {
        return levels.get(0);
    }

    public int sampleCount() {
        return samples.size();
    }

    /**
     * The design's terms for a PERMANOVA: the covariates in their order (a text covariate's indicator columns are one
     * term), then the group, so that the group's sequential sum of squares is adjusted for the covariates, as
     * {@code adonis2(d ~ age + bmi + group)}.
     */
    public List<DistanceModel.Term> permanovaTerms() {
        List<DistanceModel.Term> out = new ArrayList<>();
        int first = 1 + groupTerms;
        int c = first;
        while (c < columns.size()) {
            String name = termName(columns.get(c));
            int start = c;
            while (c < columns.size() && termName(columns.get(c)).equals(name)) {
                c++;
            }
            out.add(new DistanceModel.Term(name, java.util.stream.IntStream.range(start, c).toArray()));
        }
        out.add(new DistanceModel.Term(termName(columns.get(1)), java.util.stream.IntStream.range(1, first).toArray()));
        return out;
    }

    /** The group levels (reference first), filling each sample's group index; refuses one group or an id-like column. */
    private static List<String> levels(SampleMetadata metadata, Map<String, Integer> rowOf, List<String> samples, String groupColumn,
                                       String reference, int[] groups) {
        int n = samples.size();
        String source = metadata.source();
        int groupIndex = metadata.columnIndex(groupColumn);
        Map<String, Integer> levelIndex = new LinkedHashMap<>();
        if (reference == null) {
            // no healthy level named: the levels in sorted order, the first as the reference (as an R factor)
            java.util.TreeSet<String> sorted = new java.util.TreeSet<>();
            for (String s : samples) {
                sorted.add(metadata.cells().get(rowOf.get(s))[groupIndex]);
            }
            reference = sorted.isEmpty() ? "" : sorted.first();
        }
        String ref = reference.strip();
        levelIndex.put(ref, 0);
        boolean referenceSeen = false;
        for (int i = 0; i < n; i++) {
            String v = metadata.cells().get(rowOf.get(samples.get(i)))[groupIndex];
            referenceSeen |= v.equals(ref);
            groups[i] = levelIndex.computeIfAbsent(v, k -> levelIndex.size());
        }
        List<String> levels = new ArrayList<>(levelIndex.keySet());
        if (!referenceSeen) {
            throw OsteobiomeException.invalid(source + ": column '" + groupColumn + "' has no sample with the healthy value '"
                    + reference + "'; its values are " + String.join(", ", levels.subList(1, levels.size())));
        }
        if (levels.size() < 2) {
            throw OsteobiomeException.invalid(source + ": column '" + groupColumn + "' has only one group ('" + ref
                    + "') among the " + n + " samples; a comparison needs at least two — choose another column");
        }
        if (levels.size() > Math.max(2, n / 2)) {
            throw OsteobiomeException.invalid(source + ": column '" + groupColumn + "' has " + levels.size() + " groups among "
                    + n + " samples; is it a continuous or id column? Choose a categorical column");
        }
        return levels;
    }

    private static String termName(String column) {
        int bracket = column.indexOf('[');
        return bracket < 0 ? column : column.substring(0, bracket);
    }

    /** Samples in each group. */
    public int[] groupSizes() {
        int[] sizes = new int[levels.size()];
        for (int g : groups) {
            sizes[g]++;
        }
        return sizes;
    }

    /**
     * @param tableSamples   the table's sample ids
     * @param metadata       sample metadata
     * @param groupColumn    categorical column with the groups, or null for a design of the covariates alone
     * @param reference      the healthy (reference) level of that column, or null for the first in sorted order
     * @param covariates     further columns to adjust for
     * @param dropIncomplete leave out samples with a missing value instead of refusing
     */
    public static CohortDesign build(List<String> tableSamples, SampleMetadata metadata, String groupColumn, String reference,
                                     List<String> covariates, boolean dropIncomplete) {
        String source = metadata.source();
        List<String> used = new ArrayList<>();
        if (groupColumn != null) {
            used.add(groupColumn);
        }
        used.addAll(covariates);
        Set<String> seen = new LinkedHashSet<>();
        for (String c : used) {
            metadata.columnIndex(c);
            if (!seen.add(c.strip())) {
                throw OsteobiomeException.invalid("column '" + c + "' is named twice among the group column and covariates");
            }
        }
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        for (int i = 0; i < metadata.sampleIds().size(); i++) {
            rowOf.put(metadata.sampleIds().get(i), i);
        }
        List<String> notInMetadata = new ArrayList<>();
        for (String s : tableSamples) {
            if (!rowOf.containsKey(s)) {
                notInMetadata.add(s);
            }
        }
        if (!notInMetadata.isEmpty()) {
            throw OsteobiomeException.invalid(source + " has no row for " + notInMetadata.size() + " of the table's "
                    + tableSamples.size() + " samples (" + preview(notInMetadata) + "); the sample ids must match the table's");
        }
        List<String> samples = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        Map<String, List<String>> missingBy = new LinkedHashMap<>();
        for (int t = 0; t < tableSamples.size(); t++) {
            String id = tableSamples.get(t);
            String[] cells = metadata.cells().get(rowOf.get(id));
            String missing = null;
            for (String c : used) {
                if (cells[metadata.columnIndex(c)] == null) {
                    missing = c;
                    break;
                }
            }
            if (missing == null) {
                samples.add(id);
                rows.add(t);
            } else {
                dropped.add(id + " (" + missing + ")");
                missingBy.computeIfAbsent(missing, k -> new ArrayList<>()).add(id);
            }
        }
        if (!dropped.isEmpty() && !dropIncomplete) {
            StringBuilder what = new StringBuilder();
            missingBy.forEach((c, ids) -> what.append(what.length() == 0 ? "" : "; ").append("'").append(c).append("' for ")
                    .append(ids.size()).append(" (").append(preview(ids)).append(")"));
            throw OsteobiomeException.invalid(source + ": missing values (NA, NaN or empty) in " + what
                    + "; fill them in, drop that covariate, or pass --drop-incomplete to leave those samples out");
        }
        int n = samples.size();
        int[] groups = new int[n];
        List<String> levels = groupColumn == null ? List.of("all") : levels(metadata, rowOf, samples, groupColumn, reference, groups);
        List<String> columns = new ArrayList<>();
        List<double[]> terms = new ArrayList<>();
        columns.add("(Intercept)");
        terms.add(filled(n, 1));
        for (int l = 1; l < levels.size(); l++) {
            columns.add(groupColumn + "[" + levels.get(l) + "]");
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = groups[i] == l ? 1 : 0;
            }
            terms.add(x);
        }
        for (String c : covariates) {
            int ci = metadata.columnIndex(c);
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                values[i] = metadata.cells().get(rowOf.get(samples.get(i)))[ci];
            }
            if (metadata.numeric()[ci]) {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = number(values[i], source, c, samples.get(i));
                }
                columns.add(c.strip());
                terms.add(x);
            } else {
                List<String> covLevels = new ArrayList<>(new LinkedHashSet<>(List.of(values)));
                for (int l = 1; l < covLevels.size(); l++) {
                    double[] x = new double[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = values[i].equals(covLevels.get(l)) ? 1 : 0;
                    }
                    columns.add(c.strip() + "[" + covLevels.get(l) + "]");
                    terms.add(x);
                }
            }
        }
        double[][] design = new double[n][terms.size()];
        for (int j = 0; j < terms.size(); j++) {
            for (int i = 0; i < n; i++) {
                design[i][j] = terms.get(j)[i];
            }
        }
        return new CohortDesign(samples, rows.stream().mapToInt(Integer::intValue).toArray(), groups, levels, design,
                columns, levels.size() - 1, dropped);
    }

    private static double number(String text, String source, String column, String sample) {
        double v;
        try {
            v = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw OsteobiomeException.invalid(source + ": column '" + column + "', sample " + sample + ": '" + text
                    + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw OsteobiomeException.invalid(source + ": column '" + column + "', sample " + sample + ": '" + text
                    + "' is not a finite number");
        }
        return v;
    }

    private static double[] filled(int n, double v) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, v);
        return x;
    }

    static String preview(List<String> ids) {
        return String.join(", ", ids.subList(0, Math.min(5, ids.size()))) + (ids.size() > 5 ? ", …" : "");
    }
}
