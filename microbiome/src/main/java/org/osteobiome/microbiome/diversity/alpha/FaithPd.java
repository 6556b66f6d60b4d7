package org.osteobiome.microbiome.diversity.alpha;

import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.tree.PhyloTree;

/**
 * Faith's phylogenetic diversity: the total length of the branches on the paths from a sample's observed features
 * to the root (root included, as scikit-bio and Striped UniFrac's {@code faithpd} compute it).
 */
final class FaithPd {
    private FaithPd() {
    }

    static double[] compute(FeatureTable table, PhyloTree tree, String tableName) {
        int[] tipOf = tree.tipsOf(table.featureIds(), tableName);
        int[] stamp = new int[tree.nodeCount()];
        double[] out = new double[table.sampleCount()];
        for (int s = 0; s < table.sampleCount(); s++) {
            int mark = s + 1;
            double pd = 0;
            for (int k = table.start(s); k < table.end(s); k++) {
                for (int v = tipOf[table.featureAt(k)]; v > 0 && stamp[v] != mark; v = tree.parent(v)) {
                    stamp[v] = mark;
                    pd += tree.length(v);
                }
            }
            out[s] = pd;
        }
        return out;
    }
}
