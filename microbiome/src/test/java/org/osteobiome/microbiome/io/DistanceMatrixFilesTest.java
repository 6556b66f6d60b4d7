package org.osteobiome.microbiome.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.SharedData;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;

/**
 * Distance matrices as HDF5 and QIIME 2 artifacts. The HDF5 fixtures are unifrac-tools' own output
 * ({@code ssu -m unweighted_fp64 -r hdf5_fp64|hdf5_fp32} on crawford.biom, fixtures/generate.sh); their text twin,
 * crawford-unweighted-unifrac-ssu.lsmat, is the same tool's ascii output (written with fewer digits).
 */
class DistanceMatrixFilesTest {
    private static final DistanceMatrix SSU_TEXT = DistanceMatrix.read(SharedData.fixture("crawford-unweighted-unifrac-ssu.lsmat"));

    @Test
    void readsSsuHdf5InBothPrecisions() {
        DistanceMatrix fp64 = DistanceMatrixFiles.read(SharedData.fixture("crawford-unweighted-unifrac-ssu-fp64.h5"));
        DistanceMatrix fp32 = DistanceMatrixFiles.read(SharedData.fixture("crawford-unweighted-unifrac-ssu-fp32.h5"));
        assertThat(fp64.ids()).isEqualTo(SSU_TEXT.ids());
        assertThat(fp32.ids()).isEqualTo(SSU_TEXT.ids());
        for (int k = 0; k < SSU_TEXT.condensed().length; k++) {
            assertThat(SharedData.close(fp64.condensed()[k], SSU_TEXT.condensed()[k], 1e-6)).as("fp64 value %d", k).isTrue();
            assertThat(SharedData.close(fp32.condensed()[k], fp64.condensed()[k], 1e-6)).as("fp32 value %d", k).isTrue();
        }
    }

    @Test
    void hdf5RoundTripsExactlyAndTextToFifteenDigits(@TempDir Path dir) {
        DistanceMatrix original = DistanceMatrixFiles.read(SharedData.fixture("crawford-unweighted-unifrac-ssu-fp64.h5"));
        Path h5 = dir.resolve("dm.h5");
        Path tsv = dir.resolve("dm.tsv");
        DistanceMatrixFiles.write(original, h5);
        DistanceMatrixFiles.write(original, tsv);
        DistanceMatrix binary = DistanceMatrixFiles.read(h5);
        DistanceMatrix text = DistanceMatrixFiles.read(tsv);
        assertThat(binary.ids()).isEqualTo(original.ids());
        assertThat(binary.condensed()).isEqualTo(original.condensed());
        for (int k = 0; k < original.condensed().length; k++) {
            assertThat(SharedData.close(text.condensed()[k], original.condensed()[k], 1e-14)).isTrue();
        }
        // The layout scikit-bio's binary_dm sniffer asks for, besides ssu's datasets.
        try (HdfFile hdf = new HdfFile(h5)) {
            assertThat((String[]) hdf.getDatasetByPath("format").getData()).containsExactly("BDSM");
            assertThat((String[]) hdf.getDatasetByPath("version").getData()).containsExactly("2020.12");
        }
    }

    @Test
    void damagedHdf5MatricesAreRefusedNamingTheFileAndTheCell(@TempDir Path dir) {
        String[] ids = {"a", "b", "c"};
        assertRefused(hdf5(dir, "nomatrix.h5", ids, null), "nomatrix.h5: missing 'matrix'");
        assertRefused(hdf5(dir, "short.h5", new String[] {"a", "b"}, square(0.5)), "short.h5: 3 rows for 2 ids");
        double[][] negative = square(0.5);
        negative[1][2] = -1;
        assertRefused(hdf5(dir, "negative.h5", ids, negative), "negative.h5: row 2 (b), column 3: distances must be finite and non-negative");
        double[][] nan = square(0.5);
        nan[0][1] = Double.NaN;
        assertRefused(hdf5(dir, "nan.h5", ids, nan), "nan.h5: row 1 (a), column 2");
        double[][] asymmetric = square(0.5);
        asymmetric[2][0] = 0.7;
        assertRefused(hdf5(dir, "asymmetric.h5", ids, asymmetric), "asymmetric.h5: not symmetric at (a, c)");
        double[][] diagonal = square(0.5);
        diagonal[1][1] = 0.1;
        assertRefused(hdf5(dir, "diagonal.h5", ids, diagonal), "diagonal.h5: row 2 (b): the diagonal must be 0");
        assertRefused(hdf5(dir, "duplicate.h5", new String[] {"a", "a", "c"}, square(0.5)), "duplicate.h5: the ids must be present and distinct");
    }

    @Test
    void readsQiime2DistanceMatrixArtifactsAndRefusesOtherTypes(@TempDir Path dir) throws IOException {
        byte[] lsmat = Files.readAllBytes(SharedData.fixture("crawford-unweighted-unifrac-ssu.lsmat"));
        Path qza = artifact(dir.resolve("dm.qza"), "DistanceMatrix", "distance-matrix.tsv", lsmat);
        DistanceMatrix dm = DistanceMatrixFiles.read(qza);
        assertThat(dm.ids()).isEqualTo(SSU_TEXT.ids());
        assertThat(dm.condensed()).isEqualTo(SSU_TEXT.condensed());

        Path table = artifact(dir.resolve("table.qza"), "FeatureTable[Frequency]", "feature-table.biom", new byte[] {1});
        assertRefused(table, "table.qza: this QIIME 2 artifact holds FeatureTable[Frequency], not a DistanceMatrix");
        Path damaged = artifact(dir.resolve("damaged.qza"), "DistanceMatrix", "distance-matrix.tsv",
                "\ta\tb\na\t0\t1\nb\t2\t0\n".getBytes(StandardCharsets.UTF_8));
        assertRefused(damaged, "damaged.qza!0000/data/distance-matrix.tsv: not symmetric at (a, b)");
    }

    @Test
    void qiime2OutputIsRefusedBeforeAnyWork(@TempDir Path dir) {
        assertThatThrownBy(() -> DistanceMatrixFiles.checkWritable(dir.resolve("dm.qza")))
                .isExactlyInstanceOf(OsteobiomeException.class).hasMessageContaining("qiime tools import --type DistanceMatrix");
    }

    private static void assertRefused(Path file, String message) {
        assertThatThrownBy(() -> DistanceMatrixFiles.read(file)).isExactlyInstanceOf(OsteobiomeException.class)
                .hasMessageContaining(message);
    }

    private static double[][] square(double v) {
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[i][j] = i == j ? 0 : v;
            }
        }
        return m;
    }

    private static Path hdf5(Path dir, String name, String[] ids, double[][] matrix) {
        Path file = dir.resolve(name);
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putDataset("order", ids);
            if (matrix != null) {
                hdf.putDataset("matrix", matrix);
            }
        }
        return file;
    }

    private static Path artifact(Path file, String type, String dataFile, byte[] data) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("0000/metadata.yaml"));
            zip.write(("uuid: 0000\ntype: " + type + "\nformat: DistanceMatrixDirectoryFormat\n").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("0000/data/" + dataFile));
            zip.write(data);
        }
        return file;
    }
}
