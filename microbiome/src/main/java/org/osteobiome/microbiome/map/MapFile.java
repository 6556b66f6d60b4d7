package org.osteobiome.microbiome.map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.osteobiome.core.AtomicFiles;
import org.osteobiome.core.OsteobiomeException;

/**
 * The {@code .osmap} file: gzip-compressed text of one header line — {@code {"format": "osteobiome-map",
 * "format_version": N, "sha256": "…"}} — and the map as JSON. The checksum covers the JSON bytes, so an edited or
 * truncated map is refused; a map from a newer format is refused with the version that can read it. Maps of every
 * earlier format version stay readable (a committed version-1 map is read in the tests).
 */
public final class MapFile {
    private MapFile() {
    }

    /** The format this version writes. */
    public static final int FORMAT_VERSION = 2;
    private static final String FORMAT = "osteobiome-map";
    private static final long MAX_BYTES = 1L << 30;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public static void write(ReferenceMap map, Path file) {
        try {
            byte[] payload = JSON.writeValueAsBytes(map);
            java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>(); // a fixed order: the same map, the same bytes
            fields.put("format", FORMAT);
            fields.put("format_version", map.formatVersion());
            fields.put("sha256", sha256(payload));
            String header = JSON.writeValueAsString(fields);
            AtomicFiles.write(file, out -> {
                try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
                    gz.write(header.getBytes(StandardCharsets.UTF_8));
                    gz.write('\n');
                    gz.write(payload);
                }
            });
        } catch (IOException e) {
            throw OsteobiomeException.cannotRead(file, e);
        }
    }

    public static ReferenceMap read(Path file) {
        byte[] all;
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] magic = raw.readNBytes(2);
            if (magic.length < 2 || (magic[0] & 0xff) != 0x1f || (magic[1] & 0xff) != 0x8b) {
                throw OsteobiomeException.invalid(file + " is not an osteobiome map (.osmap files are gzip-compressed); "
                        + "build one with `osteobiome map build`");
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw OsteobiomeException.invalid(file + ": no such file");
        } catch (IOException e) {
            throw OsteobiomeException.cannotRead(file, e);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[1 << 16];
            long total = 0;
            int read;
            while ((read = in.read(chunk)) > 0) {
                total += read;
                if (total > MAX_BYTES) {
                    throw OsteobiomeException.invalid(file + " expands to more than 1 GiB; it is not a map this version wrote");
                }
                buffer.write(chunk, 0, read);
            }
            all = buffer.toByteArray();
        } catch (ZipException | java.io.EOFException e) {
            throw OsteobiomeException.invalid(file + " is damaged (" + e.getMessage() + "); rebuild it or restore a copy");
        } catch (IOException e) {
            throw OsteobiomeException.cannotRead(file, e);
        }
        int newline = -1;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                newline = i;
                break;
            }
        }
        if (newline < 0) {
            throw OsteobiomeException.invalid(file + " has no map header; it is not an osteobiome map");
        }
        JsonNode header;
        try {
            header = JSON.readTree(new String(all, 0, newline, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw OsteobiomeException.invalid(file + " has an unreadable map header; it is not an osteobiome map");
        }
        if (header == null || !FORMAT.equals(header.path("format").asText())) {
            throw OsteobiomeException.invalid(file + " is not an osteobiome map (its header names no '" + FORMAT + "' format)");
        }
        int version = header.path("format_version").asInt(-1);
        if (version > FORMAT_VERSION) {
            throw OsteobiomeException.invalid(file + " is a map of format version " + version + ", written by a newer "
                    + "osteobiome; this version reads format versions up to " + FORMAT_VERSION + " — upgrade osteobiome to read it");
        }
        if (version < 1) {
            throw OsteobiomeException.invalid(file + " has no valid format version in its header");
        }
        byte[] payload = java.util.Arrays.copyOfRange(all, newline + 1, all.length);
        if (!sha256(payload).equals(header.path("sha256").asText())) {
            throw OsteobiomeException.invalid(file + " does not match its checksum: the map was edited or damaged after it "
                    + "was built; rebuild it with `osteobiome map build` or restore the original file");
        }
        try {
            return JSON.readValue(payload, ReferenceMap.class);
        } catch (IOException e) {
            throw OsteobiomeException.invalid(file + ": the map's content cannot be read (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /** SHA-256 of bytes, in lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of a file's bytes. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] chunk = new byte[1 << 16];
            int read;
            while ((read = in.read(chunk)) > 0) {
                digest.update(chunk, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw OsteobiomeException.cannotRead(file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
