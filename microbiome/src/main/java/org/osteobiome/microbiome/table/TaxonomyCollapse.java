package org.osteobiome.microbiome.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteobiome.core.OsteobiomeException;

/**
 * Sums features that share a lineage down to a rank (QIIME 2's {@code taxa collapse}: lineages shorter than the
 * rank are padded with unnamed ranks and stay separate groups). A cumulative MetaPhlAn profile is instead cut to
 * the rows exactly at that rank, because each of its rows already includes its descendants.
 */
public final class TaxonomyCollapse {
    private TaxonomyCollapse() {
    }

    public static FeatureTable collapse(FeatureTable table, Rank rank, String tableName) {
        List<Lineage> taxonomy = table.taxonomy().orElseThrow(() -> OsteobiomeException.invalid(tableName
                + " has no taxonomy to collapse by; use a table with a taxonomy column, lineage ids or BIOM taxonomy metadata"));
        if (table.isCumulative()) {
            boolean[] keep = new boolean[table.featureCount()];
            for (int f = 0; f < keep.length; f++) {
                Lineage l = taxonomy.get(f);
                keep[f] = l.names().size() == rank.ordinal() + 1 && !l.at(rank).isEmpty();
            }
            FeatureTable cut = table.selectFeatures(keep).withCumulative(false);
            List<Lineage> lineages = cut.taxonomy().orElseThrow();
            List<String> ids = lineages.stream().map(Lineage::format).toList();
            return rename(cut, ids, lineages);
        }
        Map<String, Integer> groups = new LinkedHashMap<>();
        List<Lineage> groupLineages = new ArrayList<>();
        int[] groupOf = new int[table.featureCount()];
        for (int f = 0; f < groupOf.length; f++) {
            Lineage truncated = taxonomy.get(f).names().isEmpty() ? Lineage.EMPTY : taxonomy.get(f).truncate(rank);
            String key = truncated.format();
            Integer g = groups.get(key);
            if (g == null) {
                g = groups.size();
                groups.put(key, g);
                groupLineages.add(truncated);
            }
            groupOf[f] = g;
        }
        FeatureTableBuilder builder = FeatureTable.builder(tableName + " collapsed to " + rank.label(), table.sampleIds(),
                new ArrayList<>(groups.keySet()));
        for (int s = 0; s < table.sampleCount(); s++) {
            Map<Integer, Double> sums = new LinkedHashMap<>();
            for (int k = table.start(s); k < table.end(s); k++) {
                sums.merge(groupOf[table.featureAt(k)], table.valueAt(k), Double::sum);
            }
            for (Map.Entry<Integer, Double> e : sums.entrySet()) {
                builder.add(s, e.getKey(), e.getValue(), "sample " + table.sampleIds().get(s));
            }
        }
        return builder.taxonomy(groupLineages).build();
    }

    private static FeatureTable rename(FeatureTable table, List<String> ids, List<Lineage> lineages) {
        FeatureTableBuilder builder = FeatureTable.builder("collapsed table", table.sampleIds(), ids);
        for (int s = 0; s < table.sampleCount(); s++) {
            for (int k = table.start(s); k < table.end(s); k++) {
                builder.add(s, table.featureAt(k), table.valueAt(k), "sample " + table.sampleIds().get(s));
            }
        }
        return builder.taxonomy(lineages).build();
    }
}
