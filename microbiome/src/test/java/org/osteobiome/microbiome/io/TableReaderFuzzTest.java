package org.osteobiome.microbiome.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.SharedData;

/**
 * Damaged tables in every format the readers recognise: random truncations, byte flips, inserted bytes and huge or
 * negative numbers spliced into the text. The property: a correct read, or an {@link OsteobiomeException} whose
 * message names the file — never another exception type, an out-of-memory error or a hang. Seeded, so a failure
 * reproduces.
 */
class TableReaderFuzzTest {

    private static final List<String> SOURCES = List.of(
            "formats/biom/rich_sparse_otu_table.biom",
            "formats/biom/min_sparse_otu_table.biom",
            "formats/biom/rich_sparse_otu_table_hdf5.biom",
            "formats/unifrac-crawford/crawford.biom",
            "formats/qiime2/table.qza",
            "real/claesson2012/otutable.txt",
            "real/karlsson2013/taxatable.txt");

    /** One way of damaging a file, applied at a position given as a fraction of its length. */
    enum Damage { TRUNCATE, FLIP, INSERT, SPLICE_NUMBER }

    record Mutation(String source, Damage damage, double where, int value) {
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.of(SOURCES), Arbitraries.of(Damage.class), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 255)).as(Mutation::new);
    }

    private static final List<String> SPLICED = List.of("-1", "NaN", "Infinity", "1e308", "99999999999999999999", "-0",
            "\"\"", "{", "]", "\t\t", "\n", "[[[[[[[[[[[[[[[[[[[[", "2147483648");

    @Property(tries = 300, seed = "20261206")
    void damagedTablesAreReadOrRefusedNamingTheFile(@ForAll("mutations") Mutation m) throws IOException {
        byte[] original = readSource(m.source());
        byte[] damaged = damage(original, m);
        String name = Path.of(m.source()).getFileName().toString();
        Path dir = Files.createTempDirectory("fuzz");
        Path file = dir.resolve("damaged-" + name);
        try {
            Files.write(file, damaged);
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    FeatureTables.Loaded loaded = FeatureTables.read(file);
                    assertThat(loaded.table().sampleCount()).isPositive();
                } catch (OsteobiomeException e) {
                    assertThat(e.getMessage()).as("%s %s", m, e.getMessage()).contains(file.getFileName().toString());
                }
            }, () -> "reader hung on " + m);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static final java.util.Map<String, byte[]> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private static byte[] readSource(String source) {
        return CACHE.computeIfAbsent(source, s -> {
            try {
                return Files.readAllBytes(SharedData.data(s));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static byte[] damage(byte[] original, Mutation m) {
        int at = (int) Math.min(original.length - 1, Math.floor(m.where() * original.length));
        switch (m.damage()) {
            case TRUNCATE -> {
                return java.util.Arrays.copyOf(original, at);
            }
            case FLIP -> {
                byte[] out = original.clone();
                out[at] = (byte) (out[at] ^ (1 << (m.value() % 8)));
                return out;
            }
            case INSERT -> {
                byte[] out = new byte[original.length + 1];
                System.arraycopy(original, 0, out, 0, at);
                out[at] = (byte) m.value();
                System.arraycopy(original, at, out, at + 1, original.length - at);
                return out;
            }
            default -> {
                byte[] text = SPLICED.get(m.value() % SPLICED.size()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                // Replace the token (run of digits, letters or dots) at the position with the spliced text.
                int start = at;
                while (start > 0 && isToken(original[start - 1])) {
                    start--;
                }
                int end = at;
                while (end < original.length && isToken(original[end])) {
                    end++;
                }
                byte[] out = new byte[original.length - (end - start) + text.length];
                System.arraycopy(original, 0, out, 0, start);
                System.arraycopy(text, 0, out, start, text.length);
                System.arraycopy(original, end, out, start + text.length, original.length - end);
                return out;
            }
        }
    }

    private static boolean isToken(byte b) {
        return (b >= '0' && b <= '9') || b == '.' || b == '-' || b == 'e' || b == 'E';
    }
}
