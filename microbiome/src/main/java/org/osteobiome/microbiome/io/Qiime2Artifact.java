package org.osteobiome.microbiome.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.osteobiome.core.OsteobiomeException;

/**
 * The one data file of a QIIME 2 artifact (a zip of {@code <uuid>/metadata.yaml} and {@code <uuid>/data/…}), read
 * without extracting anything: entries with absolute or parent paths are refused, as are entries that expand past a
 * limit (zip bombs), and the artifact's declared type must be the one expected.
 */
final class Qiime2Artifact {
    /** The most an artifact's data file may expand to: 1 GiB. */
    static final long MAX_ENTRY = 1L << 30;
    private static final long MAX_METADATA = 1L << 20;

    private Qiime2Artifact() {
    }

    /** The data file's name inside the archive and its bytes. */
    record Data(String name, byte[] bytes) {
    }

    /**
     * @param dataFile   the file under {@code data/}, e.g. {@code feature-table.biom}
     * @param typePrefix the start of the semantic type expected in metadata.yaml, e.g. {@code FeatureTable[}
     * @param instead    what a user should do when the file is not such an artifact
     */
    static Data read(Path file, String dataFile, String typePrefix, String instead) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry data = null;
            ZipEntry metadata = null;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.getName().startsWith("/") || entry.getName().contains("\\")
                        || Arrays.asList(entry.getName().split("/")).contains("..")) {
                    throw OsteobiomeException.invalid(file + ": archive entry '" + entry.getName() + "' has an absolute or parent"
                            + " path; a QIIME 2 artifact holds only <uuid>/… entries — refused");
                }
                String[] parts = entry.getName().split("/");
                if (parts.length == 2 && parts[1].equals("metadata.yaml")) {
                    metadata = entry;
                } else if (parts.length == 3 && parts[1].equals("data") && parts[2].equals(dataFile)) {
                    data = entry;
                }
            }
            if (metadata != null) {
                String yaml = new String(entry(zip, metadata, file, MAX_METADATA, instead), StandardCharsets.UTF_8);
                String type = yaml.lines().filter(l -> l.startsWith("type:")).findFirst().orElse("type: unknown")
                        .substring(5).strip();
                if (!type.startsWith(typePrefix)) {
                    throw OsteobiomeException.invalid(file + ": this QIIME 2 artifact holds " + type + ", not a "
                            + typePrefix.replace("[", "") + "; " + instead);
                }
            }
            if (data == null) {
                throw OsteobiomeException.invalid(file + ": no <uuid>/data/" + dataFile + " inside this QIIME 2 artifact");
            }
            return new Data(file + "!" + data.getName(), entry(zip, data, file, MAX_ENTRY, instead));
        } catch (ZipException e) {
            throw OsteobiomeException.invalid(file + ": not a readable zip/QIIME 2 artifact (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw OsteobiomeException.cannotRead(file, e);
        }
    }

    /** An entry's bytes, refusing one that declares or turns out to expand past {@code limit}. */
    private static byte[] entry(ZipFile zip, ZipEntry entry, Path file, long limit, String instead) throws IOException {
        String refusal = file + ": " + entry.getName() + " expands past " + limit + " bytes (a damaged artifact or a zip bomb?); "
                + instead;
        if (entry.getSize() > limit) {
            throw OsteobiomeException.invalid(refusal);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(entry.getSize() > 0 ? (int) entry.getSize() : 1 << 16);
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw OsteobiomeException.invalid(refusal);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
