package org.osteobiome.app.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * Handling of uploaded files: each is copied into a private temporary folder under its own (sanitised) name, so that
 * its extension tells the format and messages can name it, and the folder is removed afterwards. Messages are cleaned of
 * the server's temporary path.
 */
final class Uploads implements AutoCloseable {
    private final Path dir;

    Uploads() throws IOException {
        this.dir = Files.createTempDirectory("osteobiome-upload");
    }

    /** The uploaded file of a form field, or a 413 when the request was larger than the server accepts. */
    static UploadedFile file(Context ctx, String field, Services services) {
        try {
            return ctx.uploadedFile(field);
        } catch (Exception e) { // the container refuses a multipart body past its limit (ServletException, thrown through Kotlin)
            throw new HttpError(413, "the upload is larger than this server accepts (" + (services.settings().maxUploadBytes() >> 20)
                    + " MiB); nothing was stored. Filter the table first ('osteobiome table filter') or ask the operator to raise the limit");
        }
    }

    /** A stored file of the upload. */
    record Saved(Path path, String name, String sha256) {
    }

    /** Copies the upload into its own sub-folder {@code slot}, returning where, under which name and its SHA-256. */
    Saved save(UploadedFile file, String slot, String fallbackName) throws IOException {
        return save(file.content(), file.filename(), slot, fallbackName);
    }

    /** As {@link #save(UploadedFile, String, String)}, from a stream and the file's name. */
    Saved save(InputStream content, String filename, String slot, String fallbackName) throws IOException {
        String name = safeName(filename, fallbackName);
        Path target = dir.resolve(slot).resolve(name);
        Files.createDirectories(target.getParent());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(content, sha); OutputStream out = Files.newOutputStream(target)) {
                in.transferTo(out);
            }
            return new Saved(target, name, HexFormat.of().formatHex(sha.digest()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Path dir() {
        return dir;
    }

    /** The message with this upload's temporary paths replaced by the uploaded files' names. */
    String clean(String message) {
        String prefix = dir.toString();
        return message.replaceAll(java.util.regex.Pattern.quote(prefix) + "/[a-z]+/", "").replace(prefix, "upload");
    }

    /** The uploaded file's own name without any path, kept to letters, digits and . _ - (its extension tells the format). */
    static String safeName(String uploaded, String fallback) {
        String base = uploaded == null ? "" : uploaded.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        return base.isBlank() || base.startsWith(".") ? fallback : base;
    }

    @Override
    public void close() {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is removed with the system's temporary files
        }
    }
}
