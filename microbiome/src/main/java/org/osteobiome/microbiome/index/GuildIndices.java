package org.osteobiome.microbiome.index;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.table.Lineage;
import org.osteobiome.microbiome.table.Rank;

/**
 * Genus-sum guild indices. The butyrate-producer guild (acetyl-CoA pathway: Pryde et al. 2002; Louis &amp; Flint 2009;
 * Vital et al. 2014, mBio 5:e00889; lysine pathway: Intestinimonas, Bui et al. 2015) is a proxy: 16S data cannot
 * detect the guild accurately (Vital 2014), and the sum of these genera's relative abundance says so wherever it is
 * shown. The Lactobacillus load counts Lactobacillus and the genera split from it by Zheng et al. 2020 (Int J Syst
 * Evol Microbiol 70:2782), so that tables on either taxonomy agree.
 */
public final class GuildIndices {
    private GuildIndices() {
    }

    /** Genera of the butyrate-producer guild (section 6 of the project's microbiome science notes). */
    public static final List<String> BUTYRATE_GENERA = List.of("Faecalibacterium", "Roseburia", "Agathobacter", "Anaerobutyricum",
            "Anaerostipes", "Coprococcus", "Butyrivibrio", "Subdoligranulum", "Butyricicoccus", "Agathobaculum",
            "Intestinimonas", "Eubacterium_rectale_group", "Eubacterium_hallii_group");

    /** Lactobacillus in the 2020 taxonomy and before. */
    public static final List<String> LACTOBACILLUS_GENERA = List.of("Lactobacillus", "Lacticaseibacillus",
            "Lactiplantibacillus", "Limosilactobacillus", "Ligilactobacillus", "Latilactobacillus", "Lentilactobacillus",
            "Levilactobacillus", "Paucilactobacillus", "Companilactobacillus", "Loigolactobacillus", "Furfurilactobacillus",
            "Secundilactobacillus", "Schleiferilactobacillus", "Fructilactobacillus", "Liquorilactobacillus",
            "Agrilactobacillus", "Amylolactobacillus", "Apilactobacillus", "Bombilactobacillus", "Dellaglioa",
            "Holzapfelia", "Lapidilactobacillus", "Acetilactobacillus");

    /** The genus of a feature from its lineage, or from an id such as {@code g__Roseburia} or {@code s__Roseburia_hominis}. */
    public static String genusOf(FeatureTable table, int feature) {
        String name = "";
        if (table.taxonomy().isPresent()) {
            name = table.taxonomy().get().get(feature).at(Rank.GENUS);
        }
        String id = table.featureIds().get(feature);
        if (name.isEmpty() && Lineage.looksLikeLineage(id)) {
            name = Lineage.parse(id).at(Rank.GENUS);
        }
        if (name.isEmpty()) {
            name = id.strip();
            if (name.startsWith("s__")) {
                name = name.substring(3);
                int underscore = name.indexOf('_');
                name = underscore > 0 ? name.substring(0, underscore) : name;
            }
        }
        if (name.length() > 3 && name.charAt(1) == '_' && name.charAt(2) == '_') {
            name = name.substring(3);
        }
        return name.strip();
    }

    /** Per feature: whether its genus is in the set (case-insensitive). */
    public static boolean[] members(FeatureTable table, List<String> genera) {
        Set<String> wanted = new java.util.HashSet<>();
        for (String g : genera) {
            wanted.add(g.toLowerCase(Locale.ROOT));
        }
        boolean[] in = new boolean[table.featureCount()];
        for (int f = 0; f < in.length; f++) {
            in[f] = wanted.contains(genusOf(table, f).toLowerCase(Locale.ROOT));
        }
        return in;
    }

    /** Per sample, the summed relative abundance (0–1) of the member features. */
    public static double[] relativeSum(FeatureTable table, boolean[] members) {
        double[] out = new double[table.sampleCount()];
        for (int s = 0; s < out.length; s++) {
            double total = table.sampleTotal(s);
            double sum = 0;
            for (int k = table.start(s); k < table.end(s); k++) {
                if (members[table.featureAt(k)]) {
                    sum += table.valueAt(k);
                }
            }
            out[s] = total > 0 ? sum / total : 0;
        }
        return out;
    }
}
