package org.osteobiome.microbiome.table;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.osteobiome.core.OsteobiomeException;

/**
 * Subsampling every sample to the same depth without replacement, seeded. Samples shallower than the depth are
 * dropped and reported, never silently.
 */
public final class Rarefaction {
    private Rarefaction() {
    }

    /** The rarefied table and the ids of the samples dropped for being shallower than the depth. */
    public record Result(FeatureTable table, List<String> dropped) {
    }

    public static Result rarefy(FeatureTable table, long depth, long seed) {
        if (!table.isIntegral()) {
            throw OsteobiomeException.invalid("rarefaction draws reads, so it needs integer counts; this table holds other values");
        }
        if (depth < 1) {
            throw OsteobiomeException.invalid("the rarefaction depth must be at least 1, got " + depth);
        }
        List<Integer> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int s = 0; s < table.sampleCount(); s++) {
            if (table.sampleTotal(s) >= depth) {
                kept.add(s);
            } else {
                dropped.add(table.sampleIds().get(s));
            }
        }
        if (kept.isEmpty()) {
            throw OsteobiomeException.invalid("no sample has " + depth + " reads; choose a smaller depth");
        }
        FeatureTable subset = table.selectSamples(kept.stream().mapToInt(Integer::intValue).toArray());
        FeatureTableBuilder builder = FeatureTable.builder("rarefied table", subset.sampleIds(), subset.featureIds());
        SplittableRandom random = new SplittableRandom(seed);
        for (int s = 0; s < subset.sampleCount(); s++) {
            // Sequential draws without replacement: each read picks a remaining read uniformly.
            int entries = subset.observed(s);
            long[] remaining = new long[entries];
            long left = 0;
            for (int e = 0; e < entries; e++) {
                remaining[e] = (long) subset.valueAt(subset.start(s) + e);
                left += remaining[e];
            }
            long[] drawn = new long[entries];
            for (long r = 0; r < depth; r++) {
                long pick = random.nextLong(left);
                int e = 0;
                while (pick >= remaining[e]) {
                    pick -= remaining[e];
                    e++;
                }
                remaining[e]--;
                drawn[e]++;
                left--;
            }
            for (int e = 0; e < entries; e++) {
                builder.add(s, subset.featureAt(subset.start(s) + e), drawn[e], "sample " + subset.sampleIds().get(s));
            }
        }
        FeatureTable out = builder.build();
        if (table.taxonomy().isPresent()) {
            out = out.withTaxonomy(table.taxonomy().get());
        }
        return new Result(out, dropped);
    }
}
