package org.osteobiome.microbiome.io;

import io.jhdf.HdfFile;
import io.jhdf.exceptions.HdfException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import org.osteobiome.core.AtomicFiles;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.table.FeatureTable;

/**
 * Reading and writing feature tables in every supported format, behind one entry point that recognises the format
 * from the file's content (not its name): HDF5 and zip signatures, a JSON object, or the header of a text table.
 */
public final class FeatureTables {
    private static final String GENERATED_BY = "osteobiome";

    private FeatureTables() {
    }

    /** A table and the format it was read from. */
    public record Loaded(FeatureTable table, TableFileFormat format) {
    }

    /** Recognises the format of a file from its first bytes and lines. */
    public static TableFileFormat detect(Path file) {
        byte[] head = head(file, 4096);
        if (head.length == 0) {
            throw OsteobiomeException.invalid(file + ": the file is empty");
        }
        if (Hdf5Data.hasSignature(head)) {
            return TableFileFormat.BIOM_HDF5;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return TableFileFormat.QIIME2_ARTIFACT;
        }
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        if (text.startsWith("{")) {
            return TableFileFormat.BIOM_JSON;
        }
        String lowerName = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lowerName.endsWith(".qza")) {
            throw OsteobiomeException.invalid(file + ": not a zip archive, so not a QIIME 2 artifact (.qza files are zips); the"
                    + " download may be damaged — export it again, or give the table as BIOM or TSV");
        }
        if (lowerName.endsWith(".biom")) {
            throw OsteobiomeException.invalid(file + ": neither BIOM 2.1 HDF5 (no HDF5 signature) nor BIOM 1.0 JSON (does not"
                    + " start with '{'); the file may be damaged — convert it again (biom convert), or give it as TSV");
        }
        if (isBinary(head)) {
            throw OsteobiomeException.invalid(file + ": binary content that is none of the formats osteobiome reads (BIOM 1.0"
                    + " JSON, BIOM 2.1 HDF5, QIIME 2 .qza, TSV, MetaPhlAn); check that this is the table you meant");
        }
        for (String line : text.split("\r\n|\r|\n")) {
            if (line.isBlank()) {
                continue;
            }
            String first = line.split("\t", -1)[0];
            if (line.startsWith("#mpa") || MetaphlanProfiles.isHeader(first)) {
                return TableFileFormat.METAPHLAN;
            }
            if (!line.startsWith("#") && first.contains("|") && first.matches("^[kd]__.*")) {
                return TableFileFormat.METAPHLAN;
            }
        }
        return TableFileFormat.TSV;
    }

    /** Reads a table in any supported format. */
    public static Loaded read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new OsteobiomeException(ErrorCode.IO_FAILURE, file + (Files.isDirectory(file) ? ": is a folder; give a table file"
                    : ": no such file; check the path"));
        }
        TableFileFormat format = detect(file);
        String name = file.toString();
        FeatureTable table = switch (format) {
            case BIOM_HDF5 -> readHdf5(name, file);
            case QIIME2_ARTIFACT -> readArtifact(file);
            case BIOM_JSON -> {
                try (InputStream in = Files.newInputStream(file)) {
                    yield BiomJson.read(name, in);
                } catch (IOException e) {
                    throw OsteobiomeException.cannotRead(file, e);
                }
            }
            case METAPHLAN -> {
                try (TextSource in = TextSource.open(file)) {
                    yield MetaphlanProfiles.read(in);
                }
            }
            case TSV -> {
                try (TextSource in = TextSource.open(file)) {
                    yield ClassicTsv.read(in);
                }
            }
        };
        if (table.sampleCount() == 0 || table.featureCount() == 0) {
            throw OsteobiomeException.invalid(file + ": the table holds " + table.sampleCount() + " samples and "
                    + table.featureCount() + " features; there is nothing to analyse");
        }
        return new Loaded(table, format);
    }

    private static FeatureTable readHdf5(String name, Path file) {
        return readBiomHdf5(name, () -> new HdfFile(file));
    }

    private static FeatureTable readBiomHdf5(String name, Supplier<HdfFile> open) {
        return Hdf5Data.read(name, open, hdf -> BiomHdf5.read(name, hdf));
    }


    /** A QIIME 2 artifact: a zip with {@code <uuid>/metadata.yaml} and {@code <uuid>/data/feature-table.biom}. */
    private static FeatureTable readArtifact(Path file) {
        Qiime2Artifact.Data data = Qiime2Artifact.read(file, "feature-table.biom", "FeatureTable[",
                "export the feature table artifact (or the table as BIOM) instead");
        byte[] biom = data.bytes();
        if (!Hdf5Data.hasSignature(biom)) {
            throw OsteobiomeException.invalid(data.name() + ": not BIOM 2.1 HDF5 (no HDF5 signature); a QIIME 2 FeatureTable"
                    + " artifact holds one — export the table again from QIIME 2");
        }
        return readBiomHdf5(data.name(), () -> HdfFile.fromBytes(biom));
    }

    /**
     * Writes a table; the file appears only when it is complete (written to a temporary file, then moved), so a
     * failure never leaves a partial file or damages an existing one.
     */
    public static void write(FeatureTable table, TableFileFormat format, Path file) {
        if (!format.writable()) {
            throw OsteobiomeException.invalid("cannot write " + format.id());
        }
        try {
            AtomicFiles.writeVia(file, temporary -> {
                switch (format) {
                    case BIOM_HDF5 -> {
                        Files.delete(temporary);
                        BiomHdf5.write(table, GENERATED_BY, temporary);
                    }
                    case BIOM_JSON -> {
                        try (OutputStream out = Files.newOutputStream(temporary)) {
                            BiomJson.write(table, GENERATED_BY, out);
                        }
                    }
                    case TSV -> {
                        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temporary),
                                StandardCharsets.UTF_8))) {
                            ClassicTsv.write(table, w);
                        }
                    }
                    default -> throw new IllegalStateException(format.toString());
                }
            });
        } catch (HdfException e) {
            throw new OsteobiomeException(ErrorCode.IO_FAILURE, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] head(Path file, int n) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw OsteobiomeException.cannotRead(file, e);
        }
    }

    /** Text tables have no NUL bytes and few control characters; other files (compressed, images, executables) do. */
    private static boolean isBinary(byte[] head) {
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        return control > head.length / 20;
    }
}
