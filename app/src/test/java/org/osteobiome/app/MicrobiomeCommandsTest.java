package org.osteobiome.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The microbiome commands end to end on the real files in the repository's {@code data/} folder. */
class MicrobiomeCommandsTest {
    private static String data(String relative) {
        String path = "../data/" + relative;
        if (!Files.exists(Path.of(path))) {
            throw new IllegalStateException("data file not found in the repository: data/" + relative);
        }
        return path;
    }

    private static final String CRAWFORD = data("formats/unifrac-crawford/crawford.biom");
    private static final String TREE = data("formats/unifrac-crawford/crawford.tre");
    private static final String GROUPS = data("formats/unifrac-crawford/crawford.group.tsv");

    @Test
    void gmhiPrintsOneIndexPerSample(@TempDir Path dir) throws java.io.IOException {
        Path table = dir.resolve("merged.txt");
        Files.writeString(table, "clade_name\tS1\tS2\ns__Alistipes_senegalensis\t60\t0\ns__Anaerotruncus_colihominis\t0\t60\n"
                + "s__Roseburia_hominis\t40\t40\n");
        CliRun run = CliRun.of("index", "gmhi", table.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.lines();
        assertThat(lines[0]).isEqualTo("sample_id\tgmhi");
        assertThat(lines).hasSize(3);
        assertThat(Double.parseDouble(lines[1].split("\t")[1])).isPositive(); // a health-prevalent species only
        assertThat(Double.parseDouble(lines[2].split("\t")[1])).isNegative(); // a health-scarce species only
    }

    @Test
    void tableInfoReportsFormatAndShape() {
        CliRun run = CliRun.of("table", "info", data("real/karlsson2013/taxatable.txt"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("format\ttsv").contains("samples\t144").contains("features\t3758").contains("taxonomy\tyes");
    }

    @Test
    void convertCollapseFilterAndRarefyWriteReadableTables(@TempDir Path dir) {
        String json = dir.resolve("t.biom").toString();
        assertThat(CliRun.of("table", "convert", CRAWFORD, "--to", "biom-json", "--out", json).exitCode()).isZero();
        assertThat(CliRun.of("table", "info", json).out()).contains("format\tbiom-json").contains("samples\t9");
        String genus = dir.resolve("genus.tsv").toString();
        assertThat(CliRun.of("table", "collapse", data("real/karlsson2013/taxatable.txt"), "--rank", "genus", "--out", genus).exitCode())
                .isZero();
        assertThat(CliRun.of("table", "info", genus).out()).contains("samples\t144");
        String rarefied = dir.resolve("r.tsv").toString();
        CliRun rarefy = CliRun.of("table", "rarefy", data("real/claesson2012/otutable.txt"), "--depth", "5000", "--seed", "3", "--out", rarefied);
        assertThat(rarefy.exitCode()).as(rarefy.err()).isZero();
        assertThat(rarefy.err()).contains("dropped");
        assertThat(CliRun.of("table", "info", rarefied).out()).contains("depth_min\t5000").contains("depth_max\t5000");
        CliRun filter = CliRun.of("table", "filter", CRAWFORD, "--min-prevalence", "0.5", "--out", dir.resolve("f.tsv").toString());
        assertThat(filter.exitCode()).isZero();
        assertThat(filter.err()).contains("kept 9 of 9 samples");
    }

    @Test
    void alphaWritesOneColumnPerMetricWithTheShannonBaseInItsName() {
        CliRun run = CliRun.of("diversity", "alpha", CRAWFORD, "--tree", TREE, "--metrics", "shannon,faith_pd", "--log-base", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines()[0]).isEqualTo("sample_id\tshannon_2\tfaith_pd");
        assertThat(run.lines()).hasSize(10);
    }

    @Test
    void betaOrdinateAndAllThreeTestsChainOnFiles(@TempDir Path dir) throws Exception {
        Path dm = dir.resolve("uw.tsv");
        CliRun beta = CliRun.of("diversity", "beta", CRAWFORD, "--tree", TREE, "--metric", "unweighted_unifrac", "--threads", "2",
                "--out", dm.toString());
        assertThat(beta.exitCode()).as(beta.err()).isZero();
        assertThat(Files.readAllLines(dm).get(0)).startsWith("\t10084.PC.");
        Path pcoa = dir.resolve("pcoa.tsv");
        CliRun ordinate = CliRun.of("ordinate", dm.toString(), "--metadata", GROUPS, "--color-by", "Treatment", "--out", pcoa.toString(),
                "--plot", dir.resolve("pcoa.svg").toString());
        assertThat(ordinate.exitCode()).as(ordinate.err()).isZero();
        assertThat(Files.readAllLines(pcoa).get(0)).startsWith("sample_id\tPC1\tPC2");
        assertThat(Files.readAllLines(dir.resolve("pcoa.eigenvalues.tsv"))).hasSize(10);
        assertThat(dir.resolve("pcoa.svg")).exists();
        for (String test : List.of("permanova", "permdisp", "anosim")) {
            CliRun a = CliRun.of("stats", test, dm.toString(), "--metadata", GROUPS, "--column", "Treatment", "--seed", "5");
            CliRun b = CliRun.of("stats", test, dm.toString(), "--metadata", GROUPS, "--column", "Treatment", "--seed", "5", "--threads", "1");
            assertThat(a.exitCode()).as(a.err()).isZero();
            assertThat(a.out()).contains("n\t9").contains("groups\t2\tControl,Fast").contains("permutations\t999");
            assertThat(b.out()).isEqualTo(a.out());
        }
    }

    @Test
    void hdf5MatricesChainLikeTextAndQiime2OutputIsRefusedBeforeComputing(@TempDir Path dir) throws Exception {
        Path tsv = dir.resolve("uw.tsv");
        Path h5 = dir.resolve("uw.h5");
        for (Path out : List.of(tsv, h5)) {
            CliRun beta = CliRun.of("diversity", "beta", CRAWFORD, "--tree", TREE, "--metric", "unweighted_unifrac", "--out", out.toString());
            assertThat(beta.exitCode()).as(beta.err()).isZero();
        }
        assertThat(Files.readAllBytes(h5)).startsWith(0x89, 'H', 'D', 'F');
        for (String test : List.of("permanova", "permdisp", "anosim")) {
            CliRun text = CliRun.of("stats", test, tsv.toString(), "--metadata", GROUPS, "--column", "Treatment", "--seed", "5");
            CliRun binary = CliRun.of("stats", test, h5.toString(), "--metadata", GROUPS, "--column", "Treatment", "--seed", "5");
            assertThat(binary.exitCode()).as(binary.err()).isZero();
            // Text keeps 15 significant digits, so the statistic may differ in its last digits; the p-value may not.
            assertThat(binary.out().lines().filter(l -> l.startsWith("p_value")).toList())
                    .isEqualTo(text.out().lines().filter(l -> l.startsWith("p_value")).toList());
        }
        Path qza = dir.resolve("uw.qza");
        CliRun refused = CliRun.of("diversity", "beta", CRAWFORD, "--metric", "braycurtis", "--out", qza.toString());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("uw.qza: osteobiome does not write QIIME 2 artifacts");
        assertThat(qza).doesNotExist();
    }

    @Test
    void declaredMissingValuesAreLeftOutOfGroupTestsAndCounted(@TempDir Path dir) throws Exception {
        Path dm = dir.resolve("bray.tsv");
        assertThat(CliRun.of("diversity", "beta", CRAWFORD, "--metric", "braycurtis", "--out", dm.toString()).exitCode()).isZero();
        // Two samples' group replaced: one by NA (always missing), one by "unknown" (missing only when declared).
        List<String> lines = Files.readAllLines(Path.of(GROUPS));
        List<String> edited = new java.util.ArrayList<>(lines);
        edited.set(1, withTreatment(lines.get(1), "NA"));
        edited.set(2, withTreatment(lines.get(2), "unknown"));
        Path meta = Files.write(dir.resolve("meta.tsv"), edited);
        String column = "Treatment";
        CliRun undeclared = CliRun.of("stats", "permanova", dm.toString(), "--metadata", meta.toString(), "--column", column);
        assertThat(undeclared.exitCode()).as(undeclared.err()).isZero();
        assertThat(undeclared.out()).contains("n\t8").contains("excluded_missing\t1").contains("unknown");
        CliRun declared = CliRun.of("stats", "permanova", dm.toString(), "--metadata", meta.toString(), "--column", column,
                "--missing", "Unknown");
        assertThat(declared.exitCode()).as(declared.err()).isZero();
        assertThat(declared.out()).contains("n\t7").contains("excluded_missing\t2").doesNotContain("unknown");
        assertThat(declared.err()).contains("2 sample(s) with a missing value").contains("(including Unknown)");
        CliRun singletons = CliRun.of("stats", "permanova", dm.toString(), "--metadata", meta.toString(), "--column", "Description");
        assertThat(singletons.exitCode()).isEqualTo(2);
        assertThat(singletons.err()).contains("meta.tsv, column 'Description' gives every sample its own group");
    }

    private static String withTreatment(String line, String value) {
        String[] cells = line.split("\t", -1);
        cells[3] = value;
        return String.join("\t", cells);
    }

    @Test
    void ordinateChecksMetadataBeforeWritingAndDefaultsItsOutput(@TempDir Path dir) throws Exception {
        Path dm = dir.resolve("bray.tsv");
        assertThat(CliRun.of("diversity", "beta", CRAWFORD, "--metric", "braycurtis", "--out", dm.toString()).exitCode()).isZero();
        Path pcoa = dir.resolve("pcoa.tsv");
        Files.writeString(pcoa, "previous\n");
        for (String[] bad : new String[][] {
            {"--metadata", GROUPS, "--color-by", "NoSuchColumn"},
            {"--metadata", GROUPS, "--color-by", "NoSuchColumn", "--plot", dir.resolve("p.png").toString()},
            {"--metadata", dir.resolve("absent.tsv").toString()}}) {
            List<String> args = new java.util.ArrayList<>(List.of("ordinate", dm.toString(), "--out", pcoa.toString()));
            args.addAll(List.of(bad));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", bad)).isNotZero();
            assertThat(run.err()).startsWith("osteobiome: error: ").containsAnyOf("NoSuchColumn", "absent.tsv");
            assertThat(Files.readString(pcoa)).isEqualTo("previous\n");
            assertThat(dir.resolve("pcoa.eigenvalues.tsv")).doesNotExist();
            assertThat(dir.resolve("p.png")).doesNotExist();
        }
        CliRun plain = CliRun.of("ordinate", dm.toString());
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("bray.pcoa.tsv")).get(0)).startsWith("sample_id\tPC1");
        assertThat(dir.resolve("bray.pcoa.eigenvalues.tsv")).exists();
        assertThat(plain.err()).contains("wrote ").contains("bray.pcoa.tsv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "table info", "table convert", "diversity", "diversity alpha", "diversity beta", "ordinate",
        "stats", "stats permanova"})
    void helpEverywhere(String command) {
        String[] words = (command + " --help").split(" ");
        CliRun run = CliRun.of(words);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage:");
    }

    @Test
    void mismatchedIdsAndBadFilesGetOneLineErrors(@TempDir Path dir) throws Exception {
        Path dm = dir.resolve("bc.tsv");
        assertThat(CliRun.of("diversity", "beta", data("real/claesson2012/otutable.txt"), "--metric", "braycurtis", "--out", dm.toString())
                .exitCode()).isZero();
        CliRun mismatch = CliRun.of("stats", "permanova", dm.toString(), "--metadata", GROUPS, "--column", "Treatment");
        assertThat(mismatch.exitCode()).isEqualTo(2);
        assertThat(mismatch.err()).startsWith("osteobiome: error: ").contains("has no row for 168 sample(s)");
        CliRun noTree = CliRun.of("diversity", "beta", CRAWFORD, "--metric", "unweighted_unifrac", "--out", dir.resolve("x.tsv").toString());
        assertThat(noTree.err()).contains("needs a tree");
        assertThat(dir.resolve("x.tsv")).doesNotExist();
        Path broken = dir.resolve("broken.tre");
        Files.writeString(broken, "((a:1,b):2,c:1);");
        CliRun badTree = CliRun.of("diversity", "alpha", CRAWFORD, "--tree", broken.toString());
        assertThat(badTree.exitCode()).isEqualTo(2);
        assertThat(badTree.err()).contains("broken.tre: tip 'b'").contains("has no branch length");
        CliRun missing = CliRun.of("table", "info", dir.resolve("nope.biom").toString());
        assertThat(missing.exitCode()).isEqualTo(4);
        assertThat(missing.err()).contains("no such file");
    }
}
