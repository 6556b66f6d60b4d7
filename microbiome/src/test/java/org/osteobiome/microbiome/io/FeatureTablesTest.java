package org.osteobiome.microbiome.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.SharedData;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.table.Rank;

class FeatureTablesTest {

    @ParameterizedTest
    @CsvSource({
        // file, format, samples, features, non-zeros, taxonomy (shape and non-zeros counted with biom-format 2.1.12
        // and pandas 1.5 from Debian: biom.load_table(...).shape/.nnz, (read_csv(...).values > 0).sum())
        "formats/biom/min_sparse_otu_table.biom, BIOM_JSON, 6, 5, 15, false",
        "formats/biom/min_sparse_otu_table_hdf5.biom, BIOM_HDF5, 6, 5, 15, false",
        "formats/biom/rich_sparse_otu_table.biom, BIOM_JSON, 6, 5, 15, true",
        "formats/biom/rich_sparse_otu_table_hdf5.biom, BIOM_HDF5, 6, 5, 15, true",
        "formats/biom/rich_sparse_otu_table_hdf5_group_metadata.biom, BIOM_HDF5, 6, 5, 15, false",
        "formats/unifrac-crawford/crawford.biom, BIOM_HDF5, 9, 365, 557, true",
        "formats/qiime2/table.qza, QIIME2_ARTIFACT, 104, 1008, 7463, false",
        "real/karlsson2013/taxatable.txt, TSV, 144, 3758, 126899, true",
        "real/claesson2012/otutable.txt, TSV, 168, 3763, 59448, false",
        "real/claesson2012/taxatable.txt, TSV, 168, 279, 10483, true"})
    void readsEverySharedFile(String file, TableFileFormat format, int samples, int features, long nonZero, boolean taxonomy) {
        FeatureTables.Loaded loaded = FeatureTables.read(SharedData.data(file));
        assertThat(loaded.format()).isEqualTo(format);
        assertThat(loaded.table().sampleCount()).isEqualTo(samples);
        assertThat(loaded.table().featureCount()).isEqualTo(features);
        assertThat(loaded.table().nonZeroCount()).isEqualTo(nonZero);
        assertThat(loaded.table().taxonomy().isPresent()).isEqualTo(taxonomy);
    }

    @Test
    void jsonAndHdf5VersionsOfTheSameTableAgree() {
        FeatureTable json = FeatureTables.read(SharedData.data("formats/biom/rich_sparse_otu_table.biom")).table();
        FeatureTable hdf5 = FeatureTables.read(SharedData.data("formats/biom/rich_sparse_otu_table_hdf5.biom")).table();
        assertSameContent(json, hdf5);
        assertThat(json.taxonomy().get()).isEqualTo(hdf5.taxonomy().get());
    }

    @ParameterizedTest
    @CsvSource({"biom-json", "biom-hdf5", "tsv"})
    void writeThenReadGivesTheSameTable(String format, @TempDir Path dir) throws IOException {
        FeatureTable original = FeatureTables.read(SharedData.data("formats/unifrac-crawford/crawford.biom")).table();
        Path out = dir.resolve("table." + format);
        FeatureTables.write(original, TableFileFormat.writableFormat(format), out);
        FeatureTable back = FeatureTables.read(out).table();
        assertSameContent(original, back);
        assertThat(back.taxonomy().get().get(0).at(Rank.ORDER)).isEqualTo(original.taxonomy().get().get(0).at(Rank.ORDER));
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    static void assertSameContent(FeatureTable a, FeatureTable b) {
        assertThat(b.sampleIds()).containsExactlyElementsOf(a.sampleIds());
        assertThat(b.featureIds()).containsExactlyElementsOf(a.featureIds());
        for (int s = 0; s < a.sampleCount(); s++) {
            assertThat(b.sampleFeatures(s)).containsExactly(a.sampleFeatures(s));
            assertThat(b.sampleValues(s)).containsExactly(a.sampleValues(s));
        }
    }

    @Test
    void lineageTablesTakeTaxonomyFromTheIdsAndNameTheUnassignedRow() {
        FeatureTable karlsson = FeatureTables.read(SharedData.data("real/karlsson2013/taxatable.txt")).table();
        assertThat(karlsson.featureIds()).contains("Unassigned");
        assertThat(karlsson.taxonomy().get().get(0).at(Rank.GENUS)).isEqualTo("Bacteroides");
        assertThat(karlsson.taxonomy().get().get(0).at(Rank.STRAIN)).isEqualTo("Bacteroides_uniformis_ATCC_8492");
    }

    @Test
    void metaphlanProfilesAreReadAsCumulative(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("merged.tsv");
        Files.writeString(file, "#mpa_v30_CHOCOPhlAn_201901\nclade_name\tNCBI_tax_id\tS1_profile\tS2_profile\r\n"
                + "k__Bacteria\t2\t100\t100\r\n"
                + "k__Bacteria|p__Firmicutes\t2|1239\t60\t30\r\n"
                + "k__Bacteria|p__Bacteroidetes\t2|976\t40\t70\r\n"
                + "k__Bacteria|p__Firmicutes|c__Clostridia|o__Clostridiales|f__Ruminococcaceae|g__Faecalibacterium|s__Faecalibacterium_prausnitzii\t1|2|3\t60\t30\r\n"
                + "k__Bacteria|p__Bacteroidetes|c__Bacteroidia|o__Bacteroidales|f__Bacteroidaceae|g__Bacteroides|s__Bacteroides_uniformis\t1|2|4\t40\t70\r\n");
        FeatureTables.Loaded loaded = FeatureTables.read(file);
        assertThat(loaded.format()).isEqualTo(TableFileFormat.METAPHLAN);
        assertThat(loaded.table().isCumulative()).isTrue();
        assertThat(loaded.table().sampleIds()).containsExactly("S1", "S2");
        FeatureTable species = org.osteobiome.microbiome.table.TaxonomyCollapse.collapse(loaded.table(), Rank.SPECIES, "merged.tsv");
        assertThat(species.isCumulative()).isFalse();
        assertThat(species.featureCount()).isEqualTo(2);
        assertThat(species.sampleTotal(0)).isEqualTo(100);
        assertThatThrownBy(() -> loaded.table().requireSingleRank("alpha diversity")).hasMessageContaining("collapse it first");
    }

    @Test
    void malformedFilesGetErrorsWithFileAndPlace(@TempDir Path dir) throws IOException {
        Path negative = dir.resolve("negative.tsv");
        Files.writeString(negative, "#OTU ID\tA\tB\nf1\t3\t-2\nf2\t1\t1\n");
        assertThatThrownBy(() -> FeatureTables.read(negative)).isInstanceOf(OsteobiomeException.class)
                .hasMessageContaining("negative.tsv, line 2, column 3: negative value -2");
        Path text = dir.resolve("text.tsv");
        Files.writeString(text, "#OTU ID\tA\tB\nf1\t3\tmany\n");
        assertThatThrownBy(() -> FeatureTables.read(text)).hasMessageContaining("text.tsv, line 2: column 3 ('B'): 'many' is not a number");
        Path ragged = dir.resolve("ragged.tsv");
        Files.writeString(ragged, "#OTU ID\tA\tB\nf1\t3\n");
        assertThatThrownBy(() -> FeatureTables.read(ragged)).hasMessageContaining("ragged.tsv, line 2: found 2 tab-separated cells");
        Path duplicate = dir.resolve("duplicate.tsv");
        Files.writeString(duplicate, "#OTU ID\tA\tA\nf1\t3\t1\n");
        assertThatThrownBy(() -> FeatureTables.read(duplicate)).hasMessageContaining("sample id 'A' appears twice");
        Path nan = dir.resolve("nan.tsv");
        Files.writeString(nan, "#OTU ID\tA\nf1\tNaN\n");
        assertThatThrownBy(() -> FeatureTables.read(nan)).hasMessageContaining("non-finite value");
        Path empty = dir.resolve("empty.biom");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> FeatureTables.read(empty)).hasMessageContaining("empty.biom: the file is empty");
    }

    @Test
    void truncatedBinaryAndJsonFilesAreReported(@TempDir Path dir) throws IOException {
        byte[] hdf5 = Files.readAllBytes(SharedData.data("formats/unifrac-crawford/crawford.biom"));
        Path cut = dir.resolve("cut.biom");
        Files.write(cut, java.util.Arrays.copyOf(hdf5, hdf5.length / 3));
        assertThatThrownBy(() -> FeatureTables.read(cut)).isInstanceOf(OsteobiomeException.class).hasMessageContaining("cut.biom");
        String json = Files.readString(SharedData.data("formats/biom/rich_sparse_otu_table.biom"));
        Path cutJson = dir.resolve("cut.json");
        Files.writeString(cutJson, json.substring(0, json.length() / 2));
        assertThatThrownBy(() -> FeatureTables.read(cutJson)).hasMessageContaining("cut.json").hasMessageContaining("malformed JSON");
        Path outside = dir.resolve("outside.json");
        Files.writeString(outside, "{\"rows\":[{\"id\":\"f\"}],\"columns\":[{\"id\":\"s\"}],\"matrix_type\":\"sparse\",\"data\":[[0,3,1]]}");
        assertThatThrownBy(() -> FeatureTables.read(outside)).hasMessageContaining("points outside the 1 × 1 table");
    }

    @Test
    void filesThatAreNotWhatTheirNameSaysGetAdviceNamingTheFile(@TempDir Path dir) throws IOException {
        byte[] signature = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
        Path signatureOnly = Files.write(dir.resolve("signature.biom"), signature);
        assertRefused(signatureOnly, "signature.biom: not a readable HDF5 file");
        Path notHdf5 = dir.resolve("payload.qza");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(notHdf5))) {
            zip.putNextEntry(new ZipEntry("0000/metadata.yaml"));
            zip.write("uuid: 0000\ntype: FeatureTable[Frequency]\nformat: BIOMV210DirFmt\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("0000/data/feature-table.biom"));
            zip.write("#OTU ID\ts1\nf1\t3\n".getBytes(StandardCharsets.UTF_8));
        }
        assertRefused(notHdf5, "payload.qza!0000/data/feature-table.biom: not BIOM 2.1 HDF5");
        assertRefused(Files.writeString(dir.resolve("words.biom"), "garbage, not a table\n"), "words.biom: neither BIOM 2.1 HDF5");
        assertRefused(Files.writeString(dir.resolve("text.qza"), "not a zip\n"), "text.qza: not a zip archive");
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 37 + 1);
        }
        Path bin = Files.write(dir.resolve("image.tsv"), binary);
        assertRefused(bin, "image.tsv: binary content");
        // The bytes themselves are never echoed into the message.
        assertThatThrownBy(() -> FeatureTables.read(bin)).hasMessageNotContaining(new String(binary, 0, 40, StandardCharsets.ISO_8859_1));
        Path empty = Files.writeString(dir.resolve("empty.biom"), "{\"id\":null,\"format\":\"Biological Observation Matrix 1.0.0\","
                + "\"type\":\"OTU table\",\"rows\":[],\"columns\":[],\"matrix_type\":\"sparse\",\"shape\":[0,0],\"data\":[]}");
        assertRefused(empty, "empty.biom: the table holds 0 samples and 0 features");
        Path nan = Files.writeString(dir.resolve("nan.biom"), "{\"rows\":[{\"id\":\"f\"}],\"columns\":[{\"id\":\"s\"}],"
                + "\"matrix_type\":\"sparse\",\"data\":[[0,0,NaN]]}");
        assertRefused(nan, "NaN and Infinity are not numbers in JSON");
        assertThatThrownBy(() -> FeatureTables.read(nan)).hasMessageNotContaining("ALLOW_NON_NUMERIC");
    }

    @Test
    void hostileArtifactsAreRefusedWithoutWritingAnything(@TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("uploads"));
        byte[] biom = Files.readAllBytes(SharedData.data("formats/biom/min_sparse_otu_table_hdf5.biom"));
        for (String entry : new String[] {"../data/feature-table.biom", "0000/../../data/feature-table.biom",
            "/tmp/data/feature-table.biom", "0000\\..\\data\\feature-table.biom"}) {
            Path escape = dir.resolve("escape.qza");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(escape))) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(biom);
            }
            assertRefused(escape, "escape.qza: archive entry '" + entry + "' has an absolute or parent path");
        }
        try (var files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())).containsExactly("escape.qza");
        }
        // A zip bomb: 64 MiB of zeros compress to about 64 kB; the metadata may expand to 1 MiB, the table to 1 GiB.
        Path bomb = dir.resolve("bomb.qza");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("0000/metadata.yaml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        assertRefused(bomb, "bomb.qza: 0000/metadata.yaml expands past 1048576 bytes");
    }

    @Test
    void hdf5WithAbsurdDimensionsIsRefusedBeforeAllocating() {
        // Two billion samples and features declared, no data stored (written by fixtures/absurd_hdf5.py with h5py 3.7).
        Path absurd = Path.of("src/test/resources/fuzz/absurd-dimensions.biom");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertRefused(absurd, "absurd-dimensions.biom: '"));
        assertThatThrownBy(() -> FeatureTables.read(absurd)).hasMessageContaining("2000000000 values")
                .hasMessageContaining("split it by samples");
    }

    private static void assertRefused(Path file, String message) {
        assertThatThrownBy(() -> FeatureTables.read(file)).isExactlyInstanceOf(OsteobiomeException.class).hasMessageContaining(message);
    }

    @Test
    void artifactsOfOtherTypesAreRefused(@TempDir Path dir) throws IOException {
        Path qza = dir.resolve("tree.qza");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(qza))) {
            zip.putNextEntry(new ZipEntry("0000/metadata.yaml"));
            zip.write("uuid: 0000\ntype: Phylogeny[Rooted]\nformat: NewickDirectoryFormat\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> FeatureTables.read(qza)).hasMessageContaining("holds Phylogeny[Rooted], not a FeatureTable");
    }

    @Test
    void failedWriteLeavesTheExistingFileAlone(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("keep.tsv");
        Files.writeString(target, "old");
        FeatureTable table = FeatureTables.read(SharedData.data("formats/biom/min_sparse_otu_table.biom")).table();
        assertThatThrownBy(() -> FeatureTables.write(table, TableFileFormat.writableFormat("metaphlan"), target))
                .hasMessageContaining("cannot write format 'metaphlan'");
        assertThat(Files.readString(target)).isEqualTo("old");
    }
}
