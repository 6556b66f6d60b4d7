package org.osteobiome.microbiome.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.exceptions.HdfException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.osteobiome.core.AtomicFiles;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.MemoryBudget;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;

/**
 * Distance matrices in the formats labs exchange them in, recognised on reading by their content and chosen on
 * writing by the file's extension:
 * <ul>
 *   <li>lsmat text (scikit-bio, QIIME 2 exports), any other extension;</li>
 *   <li>HDF5 ({@code .h5}, {@code .hdf5}) as Striped UniFrac's {@code ssu -r hdf5_fp64} writes it, which is
 *       scikit-bio's binary dissimilarity matrix ({@code binary_dm}: {@code format} "BDSM", {@code version}
 *       "2020.12"): the ids as the string dataset {@code order} and the square matrix as the float64 dataset
 *       {@code matrix} (ssu's single precision read too) — no text to format or parse, so large matrices write and
 *       read in a fraction of the time;</li>
 *   <li>a QIIME 2 {@code DistanceMatrix} artifact ({@code .qza}; read only), whose data is lsmat text.</li>
 * </ul>
 */
public final class DistanceMatrixFiles {
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};
    private static final String HDF5_NEEDS = "a distance matrix in HDF5 holds 'order' (the ids) and 'matrix' (n × n), as ssu writes";

    private DistanceMatrixFiles() {
    }

    /** Whether {@code file}'s name asks for HDF5. */
    public static boolean isHdf5Name(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".h5") || name.endsWith(".hdf5");
    }

    /** Refuses, before any work, an output name whose format is not written (QIIME 2 artifacts). */
    public static void checkWritable(Path file) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".qza")) {
            throw OsteobiomeException.invalid(file + ": osteobiome does not write QIIME 2 artifacts; write DM.tsv (lsmat) and import it"
                    + " with qiime tools import --type DistanceMatrix, or DM.h5 for a binary matrix");
        }
    }

    /** Reads a matrix in any of the formats, checking it as {@link DistanceMatrix#fromSquare} does. */
    public static DistanceMatrix read(Path file) {
        byte[] head = head(file);
        if (Hdf5Data.hasSignature(head)) {
            return readHdf5(file);
        }
        if (startsWith(head, ZIP_SIGNATURE)) {
            Qiime2Artifact.Data data = Qiime2Artifact.read(file, "distance-matrix.tsv", "DistanceMatrix",
                    "export the distance matrix artifact (qiime tools export) and give its distance-matrix.tsv");
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(data.bytes()),
                    StandardCharsets.UTF_8))) {
                return DistanceMatrix.read(data.name(), in);
            } catch (IOException e) {
                throw OsteobiomeException.cannotRead(file, e);
            }
        }
        return DistanceMatrix.read(file);
    }

    private static DistanceMatrix readHdf5(Path file) {
        String name = file.toString();
        return Hdf5Data.read(name, () -> new HdfFile(file), hdf -> {
            List<String> ids = Hdf5Data.strings(name, Hdf5Data.dataset(name, hdf, "order", HDF5_NEEDS), "order");
            double[][] rows = Hdf5Data.matrix(name, Hdf5Data.dataset(name, hdf, "matrix", HDF5_NEEDS), "matrix");
            return DistanceMatrix.fromSquare(name, ids.stream().map(String::strip).toList(), rows);
        });
    }

    /**
     * Writes HDF5 when the name ends in .h5 or .hdf5, otherwise lsmat text; the file appears only when complete, so a
     * failure leaves an existing one unchanged.
     */
    public static void write(DistanceMatrix dm, Path file) {
        checkWritable(file);
        if (!isHdf5Name(file)) {
            AtomicFiles.write(file, stream -> {
                BufferedWriter w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
                dm.write(w);
            });
            return;
        }
        int n = dm.size();
        MemoryBudget.require(8.0 * n * n, "the square matrix of " + n + " samples for " + file, "write lsmat text instead (DM.tsv)");
        try {
            AtomicFiles.writeVia(file, temporary -> {
                Files.delete(temporary); // the HDF5 library creates its file itself
                try (WritableHdfFile hdf = HdfFile.write(temporary)) {
                    hdf.putDataset("format", new String[] {"BDSM"});
                    hdf.putDataset("version", new String[] {"2020.12"});
                    hdf.putDataset("order", dm.ids().toArray(new String[0]));
                    hdf.putDataset("matrix", dm.square());
                }
            });
        } catch (HdfException e) {
            throw new OsteobiomeException(ErrorCode.IO_FAILURE, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        } catch (IOException e) {
            throw OsteobiomeException.cannotRead(file, e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
