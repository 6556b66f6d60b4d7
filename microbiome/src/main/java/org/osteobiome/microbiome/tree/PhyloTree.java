package org.osteobiome.microbiome.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osteobiome.core.OsteobiomeException;

/**
 * A rooted phylogenetic tree in flat arrays: node 0 is the root; every other node has a parent and a branch
 * length. Nodes are numbered in pre-order, so every parent precedes its children and a reverse scan is a valid
 * post-order. Immutable.
 */
public final class PhyloTree implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final int[] parent;
    private final double[] length;
    private final String[] names;
    private final Map<String, Integer> tips;

    PhyloTree(String source, int[] parent, double[] length, String[] names, boolean[] isTip) {
        this.source = source;
        this.parent = parent;
        this.length = length;
        this.names = names;
        this.tips = new HashMap<>();
        for (int v = 0; v < parent.length; v++) {
            if (isTip[v]) {
                if (names[v] == null || names[v].isEmpty()) {
                    throw OsteobiomeException.invalid(source + ": a tip has no name; every tip needs a feature id");
                }
                if (tips.put(names[v], v) != null) {
                    throw OsteobiomeException.invalid(source + ": tip name '" + names[v] + "' appears twice");
                }
            }
        }
    }

    public int nodeCount() {
        return parent.length;
    }

    /** Parent of node v, or -1 for the root. */
    public int parent(int v) {
        return parent[v];
    }

    /** Length of the branch above node v (0 for the root). */
    public double length(int v) {
        return length[v];
    }

    /** Name of node v, or null. */
    public String name(int v) {
        return names[v];
    }

    public int tipCount() {
        return tips.size();
    }

    /** The node of a tip name, or -1. */
    public int tip(String name) {
        return tips.getOrDefault(name, -1);
    }

    /**
     * The tip node of every feature id; features missing from the tree are an error that lists them, because
     * phylogenetic metrics would silently ignore their abundance otherwise.
     */
    public int[] tipsOf(List<String> featureIds, String tableName) {
        int[] out = new int[featureIds.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            out[i] = tip(featureIds.get(i));
            if (out[i] < 0) {
                missing.add(featureIds.get(i));
            }
        }
        if (!missing.isEmpty()) {
            throw OsteobiomeException.invalid(missing.size() + " feature(s) of " + tableName + " are not tips of " + source + ": "
                    + String.join(", ", missing.subList(0, Math.min(5, missing.size()))) + (missing.size() > 5 ? ", …" : "")
                    + "; use the tree built for this table, or filter the table to the tree's tips");
        }
        return out;
    }

    /** Distance from the root to every node. */
    public double[] depths() {
        double[] depth = new double[parent.length];
        for (int v = 1; v < parent.length; v++) {
            depth[v] = depth[parent[v]] + length[v];
        }
        return depth;
    }

    public String source() {
        return source;
    }
}
