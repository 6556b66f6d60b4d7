package org.osteobiome.microbiome.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.osteobiome.microbiome.cohort.DifferentialAbundance;
import org.osteobiome.microbiome.index.GuildIndices;
import org.osteobiome.microbiome.table.FeatureTable;

/**
 * The indices a map stores reference distributions of: Shannon diversity (natural log, all taxa of the sample), the
 * butyrate-producer guild proxy and the Lactobacillus load ({@link GuildIndices}, % of the sample's reads), and a
 * bone index learned from the cohort: the mean CLR of the taxa lower in at-risk women minus the mean CLR of the taxa
 * higher in them (taxa with q ≤ 0.1 on any group term; when none, the five with the smallest p-values on each side).
 */
final class MapIndices {
    private MapIndices() {
    }

    static final String SHANNON = "shannon";
    static final String BUTYRATE = "butyrate_guild_proxy";
    static final String LACTOBACILLUS = "lactobacillus";
    static final String BONE = "bone_index";

    static List<ReferenceMap.IndexDefinition> definitions(DifferentialAbundance.Result da, List<String> features, int groupTerms) {
        List<String> groupTermNames = da.terms().subList(0, groupTerms);
        List<ReferenceMap.IndexDefinition> out = new ArrayList<>();
        out.add(new ReferenceMap.IndexDefinition(SHANNON, "Shannon diversity, natural log, over all taxa of the sample",
                "nats", List.of(), new double[0]));
        out.add(new ReferenceMap.IndexDefinition(BUTYRATE, "butyrate-producer guild, genus-sum proxy ("
                + String.join(", ", GuildIndices.BUTYRATE_GENERA.subList(0, 11)) + "); 16S data cannot detect the guild "
                + "accurately (Vital et al. 2014), so this is a proxy", "% of reads", List.of(), new double[0]));
        out.add(new ReferenceMap.IndexDefinition(LACTOBACILLUS, "Lactobacillus load (Lactobacillus and the genera split from "
                + "it in 2020)", "% of reads", List.of(), new double[0]));
        List<DifferentialAbundance.Row> tested = da.rows().stream().filter(r -> r.status().equals("tested"))
                .filter(r -> features.contains(r.taxon())).toList();
        List<String> protective = new ArrayList<>();
        List<String> risk = new ArrayList<>();
        String rule = "taxa with q ≤ 0.1 on any group term";
        List<DifferentialAbundance.Row> groupRows = tested.stream().filter(r -> groupTermNames.contains(r.term()))
                .sorted(Comparator.comparingDouble(DifferentialAbundance.Row::pValue)).toList();
        for (DifferentialAbundance.Row r : groupRows) {
            if (r.qValue() <= 0.1 && !protective.contains(r.taxon()) && !risk.contains(r.taxon())) {
                (r.logFoldChange() < 0 ? protective : risk).add(r.taxon());
            }
        }
        if (protective.isEmpty() || risk.isEmpty()) {
            rule = "no taxon reached q ≤ 0.1 on both sides, so the five with the smallest p-values on each side";
            protective.clear();
            risk.clear();
            for (DifferentialAbundance.Row r : groupRows) {
                List<String> side = r.logFoldChange() < 0 ? protective : risk;
                if (side.size() < 5 && !protective.contains(r.taxon()) && !risk.contains(r.taxon())) {
                    side.add(r.taxon());
                }
            }
        }
        List<String> members = new ArrayList<>(protective);
        members.addAll(risk);
        double[] weights = new double[members.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = i < protective.size() ? 1.0 / protective.size() : -1.0 / Math.max(1, risk.size());
        }
        out.add(new ReferenceMap.IndexDefinition(BONE, "bone index learned from this cohort: mean CLR of " + protective.size()
                + " taxa lower in at-risk women minus mean CLR of " + risk.size() + " taxa higher in them (" + rule
                + "); above the healthy median leans healthy", "CLR units", members, weights));
        return out;
    }

    /** A table's guild memberships, worked out once. */
    record Guilds(boolean[] butyrate, boolean[] lactobacillus) {
        static Guilds of(FeatureTable t) {
            return new Guilds(GuildIndices.members(t, GuildIndices.BUTYRATE_GENERA),
                    GuildIndices.members(t, GuildIndices.LACTOBACILLUS_GENERA));
        }
    }

    /** The index for every sample of the (reference) table. */
    static double[] values(ReferenceMap.IndexDefinition index, FeatureTable t, List<String> features, double[][] clr) {
        Guilds guilds = Guilds.of(t);
        double[] out = new double[t.sampleCount()];
        for (int s = 0; s < out.length; s++) {
            out[s] = value(index, t, guilds, s, clr[s], features);
        }
        return out;
    }

    static double value(ReferenceMap.IndexDefinition index, FeatureTable t, Guilds guilds, int sample, double[] clr,
                        List<String> features) {
        switch (index.name()) {
            case SHANNON -> {
                double total = t.sampleTotal(sample);
                double h = 0;
                for (int k = t.start(sample); k < t.end(sample); k++) {
                    double p = t.valueAt(k) / total;
                    if (p > 0) {
                        h -= p * Math.log(p);
                    }
                }
                return h;
            }
            case BUTYRATE -> {
                return 100 * sum(t, sample, guilds.butyrate());
            }
            case LACTOBACILLUS -> {
                return 100 * sum(t, sample, guilds.lactobacillus());
            }
            default -> {
                double v = 0;
                for (int i = 0; i < index.features().size(); i++) {
                    int j = features.indexOf(index.features().get(i));
                    v += index.weights()[i] * clr[j];
                }
                return v;
            }
        }
    }

    private static double sum(FeatureTable t, int sample, boolean[] members) {
        double total = t.sampleTotal(sample);
        double s = 0;
        for (int k = t.start(sample); k < t.end(sample); k++) {
            if (members[t.featureAt(k)]) {
                s += t.valueAt(k);
            }
        }
        return total > 0 ? s / total : 0;
    }

    /** CLR of relative abundances with ε added. */
    static double[] clr(double[] relative, double epsilon) {
        double[] out = new double[relative.length];
        double mean = 0;
        for (int j = 0; j < out.length; j++) {
            out[j] = Math.log(relative[j] + epsilon);
            mean += out[j] / out.length;
        }
        for (int j = 0; j < out.length; j++) {
            out[j] -= mean;
        }
        return out;
    }

    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return s;
    }
}
