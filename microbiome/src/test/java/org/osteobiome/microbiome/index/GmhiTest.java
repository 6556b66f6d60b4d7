package org.osteobiome.microbiome.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteobiome.microbiome.io.FeatureTables;

/** GMHI from its published definition (Gupta et al. 2020), on small profiles whose value is worked out here by hand. */
class GmhiTest {
    private static final String LINEAGE = "k__Bacteria|p__Bacteroidetes|c__Bacteroidia|o__Bacteroidales|f__Rikenellaceae|g__Alistipes|";

    /** A merged MetaPhlAn table (percent) with rows GMHI must skip: a genus, a strain, unclassified and viral species. */
    private static String metaphlan(double scale) {
        return "#mpa_v20_m200\n"
                + "clade_name\tA\tB\n"
                + "k__Bacteria|p__Bacteroidetes|c__Bacteroidia|o__Bacteroidales|f__Rikenellaceae|g__Alistipes\t" + 10 * scale + "\t0\n"
                + LINEAGE + "s__Alistipes_senegalensis\t" + 10 * scale + "\t0\n"
                + LINEAGE + "s__Alistipes_senegalensis|t__GCF_000312145\t" + 10 * scale + "\t0\n"
                + "k__Bacteria|p__Actinobacteria|c__Actinobacteria|o__Bifidobacteriales|f__Bifidobacteriaceae|g__Bifidobacterium|"
                + "s__Bifidobacterium_adolescentis\t" + 30 * scale + "\t0\n"
                + "k__Bacteria|p__Firmicutes|c__Clostridia|o__Clostridiales|f__Ruminococcaceae|g__Anaerotruncus|s__Anaerotruncus_colihominis\t"
                + 20 * scale + "\t0\n"
                + "k__Bacteria|p__Firmicutes|c__Clostridia|o__Clostridiales|f__Lachnospiraceae|g__Roseburia|s__Roseburia_hominis\t"
                + 40 * scale + "\t" + 100 * scale + "\n"
                + "k__Bacteria|p__Firmicutes|c__Clostridia|o__Clostridiales|f__Lachnospiraceae|g__Dorea|s__Dorea_longicatena\t"
                + 0.0005 * scale + "\t0\n"
                + "k__Bacteria|p__Firmicutes|c__Clostridia|o__Clostridiales|f__Lachnospiraceae|g__Dorea|s__Dorea_unclassified\t"
                + 50 * scale + "\t0\n"
                + "k__Viruses|p__Viruses_noname|c__Viruses_noname|o__Herpesvirales|f__Herpesviridae|g__Lymphocryptovirus|"
                + "s__Human_herpesvirus_4\t" + 10 * scale + "\t0\n";
    }

    private static List<Gmhi.Score> scores(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return Gmhi.compute(FeatureTables.read(file).table(), name);
    }

    /** −x ln x of an abundance renormalised over the 100.0005 % the kept species hold. */
    private static double term(double percent) {
        double x = percent / 100.0005;
        return -x * Math.log(x);
    }

    @Test
    void followsThePublishedDefinitionStepByStep(@TempDir Path dir) throws IOException {
        Gmhi.Score a = scores(dir, "merged.txt", metaphlan(1)).get(0);
        // Kept: the four named species and Dorea longicatena (0.0005 %, under 1e-5 after renormalising, so absent); the
        // genus, strain, unclassified and viral rows are not species of the profile. Present: 2 of MH, 1 of MN.
        double psiHealthy = 2 / 7.0 * (term(10) + term(30));
        double psiNonHealthy = 1 / 31.0 * term(20);
        assertThat(a.healthyPresent()).isEqualTo(2);
        assertThat(a.nonHealthyPresent()).isEqualTo(1);
        assertThat(a.psiHealthy()).isCloseTo(psiHealthy, within(1e-15));
        assertThat(a.psiNonHealthy()).isCloseTo(psiNonHealthy, within(1e-15));
        assertThat(a.gmhi()).isCloseTo(Math.log10((psiHealthy + 1e-5) / (psiNonHealthy + 1e-5)), within(1e-14));
        assertThat(a.gmhi()).isPositive();
        // B holds none of the 50 species: both Ψ are 0 and GMHI is log10(1e-5/1e-5) = 0.
        assertThat(scores(dir, "merged.txt", metaphlan(1)).get(1).gmhi()).isEqualTo(0.0);
    }

    @Test
    void percentFractionsAndBareSpeciesNamesGiveTheSameIndex(@TempDir Path dir) throws IOException {
        double percent = scores(dir, "percent.txt", metaphlan(1)).get(0).gmhi();
        double fractions = scores(dir, "fractions.txt", metaphlan(0.01)).get(0).gmhi();
        assertThat(fractions).isCloseTo(percent, within(1e-12));
        String bare = "clade_name\tA\n"
                + "s__Alistipes_senegalensis\t10\ns__Bifidobacterium_adolescentis\t30\ns__Anaerotruncus_colihominis\t20\n"
                + "s__Roseburia_hominis\t40\ns__Dorea_longicatena\t0.0005\n";
        assertThat(scores(dir, "bare.txt", bare).get(0).gmhi()).isCloseTo(percent, within(1e-12));
    }

    @Test
    void theSpeciesListIsThePublishedSevenAndFortyThree() {
        assertThat(Gmhi.healthPrevalent()).hasSize(7).contains("s__Alistipes_senegalensis", "s__Bifidobacterium_adolescentis");
        assertThat(Gmhi.healthScarce()).hasSize(43).doesNotContainAnyElementsOf(Gmhi.healthPrevalent());
    }

    @Test
    void tablesWithoutUsableSpeciesAreRefusedByName(@TempDir Path dir) {
        assertThatThrownBy(() -> scores(dir, "genera.txt", "clade_name\tA\nk__Bacteria|g__Alistipes\t100\n"))
                .hasMessageContaining("genera.txt").hasMessageContaining("no species rows");
        assertThatThrownBy(() -> scores(dir, "empty.txt", "clade_name\tA\tB\ns__Roseburia_hominis\t10\t0\n"))
                .hasMessageContaining("empty.txt").hasMessageContaining("sample 'B'");
    }
}
