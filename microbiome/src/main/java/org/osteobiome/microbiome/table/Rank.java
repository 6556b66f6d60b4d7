package org.osteobiome.microbiome.table;

import java.util.Locale;
import org.osteobiome.core.OsteobiomeException;

/** Taxonomic ranks in lineage order, with the one-letter prefixes of Greengenes, SILVA/GTDB and MetaPhlAn. */
public enum Rank {
    KINGDOM('k'), PHYLUM('p'), CLASS('c'), ORDER('o'), FAMILY('f'), GENUS('g'), SPECIES('s'), STRAIN('t');

    private final char prefix;

    Rank(char prefix) {
        this.prefix = prefix;
    }

    /** The prefix letter used in lineage strings ({@code k} for kingdom; {@code d} is read as kingdom too). */
    public char prefix() {
        return prefix;
    }

    /** The rank for a prefix letter, or null when it is not a rank prefix. */
    static Rank ofPrefix(char c) {
        if (c == 'd') {
            return KINGDOM;
        }
        for (Rank r : values()) {
            if (r.prefix == c) {
                return r;
            }
        }
        return null;
    }

    /** Parses a rank name as typed on the command line ("genus", "g", "domain"). */
    public static Rank parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("domain") || t.equals("d")) {
            return KINGDOM;
        }
        for (Rank r : values()) {
            if (r.name().toLowerCase(Locale.ROOT).equals(t) || (t.length() == 1 && t.charAt(0) == r.prefix)) {
                return r;
            }
        }
        throw OsteobiomeException.invalid("unknown rank '" + text
                + "'; valid ranks: kingdom (domain), phylum, class, order, family, genus, species, strain");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
