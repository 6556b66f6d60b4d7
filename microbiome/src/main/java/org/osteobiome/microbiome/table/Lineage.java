package org.osteobiome.microbiome.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A taxonomic lineage: the name at each rank from kingdom (domain) down, "" where a rank is unnamed. Parses the
 * Greengenes ({@code k__Bacteria; p__Firmicutes}), SILVA/GTDB ({@code d__Bacteria;p__Firmicutes}) and MetaPhlAn
 * ({@code k__Bacteria|p__Firmicutes}) conventions; tokens without a prefix are taken in rank order.
 *
 * @param names        name per rank, up to the deepest rank given (may be shorter than all ranks)
 * @param domainPrefix 'k' or 'd', as in the source, for writing it back
 */
public record Lineage(List<String> names, char domainPrefix) implements java.io.Serializable {
    public static final Lineage EMPTY = new Lineage(List.of(), 'k');

    public Lineage {
        names = List.copyOf(names);
        if (names.size() > Rank.values().length) {
            throw new IllegalArgumentException("a lineage has at most " + Rank.values().length + " ranks");
        }
    }

    /** True when the text looks like a lineage (contains a rank prefix such as {@code g__}). */
    public static boolean looksLikeLineage(String text) {
        return LINEAGE.matcher(text).find();
    }

    private static final java.util.regex.Pattern LINEAGE = java.util.regex.Pattern.compile("(^|[;|]\\s*)[kdpcofgst]__");

    /** Parses a lineage string; an empty or unassigned string gives {@link #EMPTY}. */
    public static Lineage parse(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.equalsIgnoreCase("unassigned") || t.equalsIgnoreCase("unclassified")) {
            return EMPTY;
        }
        String[] tokens = t.split(t.contains("|") ? "\\|" : ";");
        String[] names = new String[Rank.values().length];
        Arrays.fill(names, "");
        int deepest = -1;
        int position = 0;
        char domain = 'k';
        for (String raw : tokens) {
            String token = raw.strip();
            Rank rank = null;
            String name = token;
            if (token.length() >= 3 && token.charAt(1) == '_' && token.charAt(2) == '_') {
                rank = Rank.ofPrefix(token.charAt(0));
                if (rank != null) {
                    name = token.substring(3).strip();
                    if (rank == Rank.KINGDOM) {
                        domain = token.charAt(0);
                    }
                }
            }
            int index = rank != null ? rank.ordinal() : position;
            if (index >= names.length) {
                break;
            }
            names[index] = name;
            deepest = Math.max(deepest, index);
            position = index + 1;
        }
        return new Lineage(Arrays.asList(names).subList(0, deepest + 1), domain);
    }

    /** The name at a rank, "" when unnamed or deeper than this lineage. */
    public String at(Rank rank) {
        return rank.ordinal() < names.size() ? names.get(rank.ordinal()) : "";
    }

    /** The deepest rank with a name, or null for an empty lineage. */
    public Rank deepestNamedRank() {
        for (int i = names.size() - 1; i >= 0; i--) {
            if (!names.get(i).isEmpty()) {
                return Rank.values()[i];
            }
        }
        return null;
    }

    /** This lineage cut (or padded with unnamed ranks) to end exactly at {@code rank}. */
    public Lineage truncate(Rank rank) {
        List<String> out = new ArrayList<>(names.subList(0, Math.min(names.size(), rank.ordinal() + 1)));
        while (out.size() <= rank.ordinal()) {
            out.add("");
        }
        return new Lineage(out, domainPrefix);
    }

    /** Greengenes/QIIME style: {@code k__Bacteria; p__Firmicutes; …}. */
    public String format() {
        if (names.isEmpty()) {
            return "Unassigned";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append("; ");
            }
            char prefix = i == 0 ? domainPrefix : Rank.values()[i].prefix();
            sb.append(prefix).append("__").append(names.get(i));
        }
        return sb.toString();
    }

    /** One name per rank, for BIOM's taxonomy arrays. */
    public List<String> formatRanks() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            char prefix = i == 0 ? domainPrefix : Rank.values()[i].prefix();
            out.add(prefix + "__" + names.get(i));
        }
        return out;
    }
}
