package org.osteobiome.microbiome.map;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.table.Lineage;
import org.osteobiome.microbiome.table.Rank;

/**
 * Matches a new table's features to a map's: by feature id first, then by the name at the deepest named rank
 * (e.g. {@code g__Bacteroides} from a full lineage, a bare name or an id), case-insensitively — so a sample profiled
 * with another pipeline's ids or lineage format still meets the map's taxa.
 *
 * @param columns   per map feature, the table's feature index, or −1 when the sample does not have it
 * @param matched   map features found in the table
 * @param coveredShare per sample, the share of its reads on matched features
 */
public record MapAlignment(int[] columns, int matched, double[] coveredShare) {

    /** A feature's name for alignment: the deepest named rank of its lineage with its prefix, or its id. */
    public static String nameOf(FeatureTable t, int feature) {
        Lineage lineage = null;
        if (t.taxonomy().isPresent()) {
            lineage = t.taxonomy().get().get(feature);
        } else if (Lineage.looksLikeLineage(t.featureIds().get(feature))) {
            lineage = Lineage.parse(t.featureIds().get(feature));
        }
        if (lineage != null) {
            Rank rank = lineage.deepestNamedRank();
            if (rank != null) {
                String name = lineage.at(rank);
                return name.length() > 2 && name.charAt(1) == '_' ? name : Character.toLowerCase(rank.name().charAt(0)) + "__" + name;
            }
        }
        return t.featureIds().get(feature).strip();
    }

    public static MapAlignment of(ReferenceMap map, FeatureTable table) {
        Map<String, Integer> byId = new HashMap<>();
        Map<String, Integer> byName = new HashMap<>();
        for (int f = 0; f < table.featureCount(); f++) {
            byId.put(table.featureIds().get(f), f);
            byName.putIfAbsent(key(nameOf(table, f)), f);
        }
        List<String> features = map.features();
        int[] columns = new int[features.size()];
        int matched = 0;
        boolean[] used = new boolean[table.featureCount()];
        for (int j = 0; j < columns.length; j++) {
            Integer f = byId.get(features.get(j));
            if (f == null) {
                f = byName.get(key(map.featureNames().get(j)));
            }
            if (f != null && !used[f]) {
                columns[j] = f;
                used[f] = true;
                matched++;
            } else {
                columns[j] = -1;
            }
        }
        double[] covered = new double[table.sampleCount()];
        for (int s = 0; s < covered.length; s++) {
            double total = table.sampleTotal(s);
            double on = 0;
            for (int k = table.start(s); k < table.end(s); k++) {
                if (used[table.featureAt(k)]) {
                    on += table.valueAt(k);
                }
            }
            covered[s] = total > 0 ? on / total : 0;
        }
        return new MapAlignment(columns, matched, covered);
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
