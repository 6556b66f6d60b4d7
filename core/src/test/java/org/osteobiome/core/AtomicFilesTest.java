package org.osteobiome.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void writesTheWholeContentAndCreatesMissingFolders(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("a/b/result.tsv");
        AtomicFiles.write(target, out -> out.write("x\t1\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(target)).isEqualTo("x\t1\n");
        assertThat(leftovers(target.getParent())).isZero();
    }

    @Test
    void aFailureKeepsTheOldFileAndLeavesNothingBehind(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("result.tsv");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(OsteobiomeException.class).hasMessageContaining("result.tsv").hasMessageContaining("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(leftovers(dir)).isZero();
    }

    @Test
    void resultsGetThePermissionsOfAnyNewFileNotPrivateTemporaryOnes(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain"));
        Path written = dir.resolve("written");
        AtomicFiles.write(written, out -> out.write(1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)));
    }

    private static long leftovers(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".partial")).count();
        }
    }
}
