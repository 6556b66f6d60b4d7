package org.osteobiome.microbiome.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.table.FeatureTable;

/**
 * The Gut Microbiome Health Index of Gupta et al. 2020 (Nature Communications 11:5206), as published, from a
 * MetaPhlAn species profile:
 * <ol>
 * <li>keep the species rows (last rank {@code s__}; full lineages or bare names), drop rows whose name contains
 * "unclassified" or "virus";</li>
 * <li>renormalise each sample to sum 1 (so percent and fractions give the same index), then set abundances below
 * 0.00001 to 0;</li>
 * <li>for the 7 health-prevalent species MH and the 43 health-scarce species MN, with R the number present and x
 * their abundances: Ψ = (R / |M|′)·(−Σ x ln x), with |MH|′ = 7 and |MN|′ = 31;</li>
 * <li>GMHI = log10((Ψ_MH + 0.00001) / (Ψ_MN + 0.00001)); above 0 leans healthy.</li>
 * </ol>
 */
public final class Gmhi {
    /** Abundances below this, after renormalisation, count as absent. */
    static final double DETECTION = 0.00001;
    /** Added to both Ψ so that neither the ratio nor its logarithm is undefined. */
    static final double PSEUDO = 0.00001;
    static final double MH_PRIME = 7;
    static final double MN_PRIME = 31;

    private static final Set<String> HEALTH_PREVALENT = new HashSet<>();
    private static final Set<String> HEALTH_SCARCE = new HashSet<>();

    static {
        String resource = "/org/osteobiome/microbiome/index/gmhi-species.tsv";
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Gmhi.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] cells = line.split("\t");
                if (line.startsWith("#") || cells.length < 2 || cells[0].equals("species")) {
                    continue;
                }
                (cells[1].equals("health-prevalent") ? HEALTH_PREVALENT : HEALTH_SCARCE).add(cells[0]);
            }
        } catch (IOException | NullPointerException e) {
            throw new OsteobiomeException(ErrorCode.INTERNAL, "cannot read the GMHI species list " + resource, e);
        }
        if (HEALTH_PREVALENT.size() != 7 || HEALTH_SCARCE.size() != 43) {
            throw new OsteobiomeException(ErrorCode.INTERNAL, "the GMHI species list must hold 7 + 43 species");
        }
    }

    /** One sample's index and its parts. */
    public record Score(String sampleId, double gmhi, double psiHealthy, double psiNonHealthy, int healthyPresent, int nonHealthyPresent) {
    }

    private Gmhi() {
    }

    /** The species name of a row: the last rank of a lineage, or the name itself; null if that is not a species. */
    static String species(String row) {
        String last = row.substring(row.lastIndexOf('|') + 1).strip();
        return last.startsWith("s__") ? last : null;
    }

    /**
     * The index of every sample of a MetaPhlAn table (percent or fractions).
     *
     * @param source the file's name, for messages
     */
    public static List<Score> compute(FeatureTable table, String source) {
        List<String> ids = table.featureIds();
        boolean[] kept = new boolean[ids.size()];
        String[] speciesOf = new String[ids.size()];
        Set<String> seen = new HashSet<>();
        int species = 0;
        for (int f = 0; f < ids.size(); f++) {
            String s = species(ids.get(f));
            if (s != null && !ids.get(f).contains("unclassified") && !ids.get(f).contains("virus")) {
                if (!seen.add(s)) {
                    throw OsteobiomeException.invalid(source + ": species " + s + " appears in two rows; give one row per species");
                }
                kept[f] = true;
                speciesOf[f] = s;
                species++;
            }
        }
        if (species == 0) {
            throw OsteobiomeException.invalid(source + ": no species rows (s__…); GMHI needs a MetaPhlAn species profile");
        }
        List<Score> out = new ArrayList<>();
        for (int s = 0; s < table.sampleCount(); s++) {
            double total = 0;
            for (int e = table.start(s); e < table.end(s); e++) {
                int f = table.featureAt(e);
                double v = table.valueAt(e);
                if (!(v >= 0) || !Double.isFinite(v)) {
                    throw OsteobiomeException.invalid(source + ": sample '" + table.sampleIds().get(s) + "', row '" + ids.get(f)
                            + "' holds " + v + "; abundances must be finite and ≥ 0");
                }
                if (kept[f]) {
                    total += v;
                }
            }
            if (!(total > 0)) {
                throw OsteobiomeException.invalid(source + ": sample '" + table.sampleIds().get(s)
                        + "' has no abundance on classified, non-viral species; GMHI is undefined for it");
            }
            double entropyH = 0;
            double entropyN = 0;
            int rH = 0;
            int rN = 0;
            for (int e = table.start(s); e < table.end(s); e++) {
                int f = table.featureAt(e);
                if (!kept[f]) {
                    continue;
                }
                double x = table.valueAt(e) / total;
                if (x < DETECTION || x <= 0) {
                    continue;
                }
                if (HEALTH_PREVALENT.contains(speciesOf[f])) {
                    entropyH -= x * Math.log(x);
                    rH++;
                } else if (HEALTH_SCARCE.contains(speciesOf[f])) {
                    entropyN -= x * Math.log(x);
                    rN++;
                }
            }
            double psiH = rH / MH_PRIME * entropyH;
            double psiN = rN / MN_PRIME * entropyN;
            out.add(new Score(table.sampleIds().get(s), Math.log10((psiH + PSEUDO) / (psiN + PSEUDO)), psiH, psiN, rH, rN));
        }
        return out;
    }

    /** The health-prevalent (MH) species. */
    public static Set<String> healthPrevalent() {
        return Set.copyOf(HEALTH_PREVALENT);
    }

    /** The health-scarce (MN) species. */
    public static Set<String> healthScarce() {
        return Set.copyOf(HEALTH_SCARCE);
    }
}
