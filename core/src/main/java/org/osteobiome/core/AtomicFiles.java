package org.osteobiome.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a failure never leaves a partial file behind and never damages the file being replaced: the
 * content goes to a hidden temporary file beside the target, which is then moved over it. The temporary file is
 * created like any new file (the user's umask decides its permissions), so results are as readable as usual.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes the whole content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Something that writes the whole content of a file to a path (for libraries that open files themselves). */
    @FunctionalInterface
    public interface PathContent {
        void writeTo(Path file) throws IOException;
    }

    /** Writes text as UTF-8. */
    public static void writeText(Path target, String text) {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public static void write(Path target, Content content) {
        writeVia(target, file -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                content.writeTo(out);
            }
        });
    }

    /**
     * @param content writes the file at the path it is given, which exists and is empty (it may delete and recreate it)
     */
    public static void writeVia(Path target, PathContent content) {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = createTemporary(directory, absolute.getFileName().toString());
            content.writeTo(temporary);
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new OsteobiomeException(ErrorCode.IO_FAILURE, "cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the move succeeded or the file was never created
                }
            }
        }
    }

    private static Path createTemporary(Path directory, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = directory.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".partial");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }
}
