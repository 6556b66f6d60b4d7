package org.osteobiome.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.osteobiome.core.OsteobiomeException;

/**
 * Damaged copies of real input files for the readers' fuzzing properties: random truncations, bit flips, inserted
 * bytes, lines repeated (duplicate ids) and tokens replaced by huge, negative, non-finite, empty or structural text
 * (deep nesting among it). The property every reader is held to:
 * a correct read, or an {@link OsteobiomeException} whose message names the file — never another exception type, an
 * out-of-memory error or a hang.
 */
public final class FileDamage {
    private FileDamage() {
    }

    /** One way of damaging a file, applied at a position given as a fraction of its length. */
    public enum Damage { TRUNCATE, FLIP, INSERT, SPLICE, DUPLICATE_LINE }

    /** A damage to one source file; {@code value} picks the bit, the byte or the spliced text. */
    public record Mutation(String source, Damage damage, double where, int value) {
    }

    /** Text spliced over a token: out-of-range, non-finite, empty and structural. */
    static final List<String> SPLICED = List.of("-1", "NaN", "Infinity", "1e308", "99999999999999999999", "-0",
            "\"\"", "{", "]", "\t\t", "\n", "[[[[[[[[[[[[[[[[[[[[", "2147483648", "((((((((((((((((((((", "<", "&x;",
            "", "\t", "\"a\"", "null", "true", "1e-320",
            "(".repeat(100_000), "[".repeat(100_000), "{\"a\":".repeat(50_000));

    /** Mutations of the given sources (paths or resource names; the caller's {@code bytes} function reads them). */
    public static Arbitrary<Mutation> mutations(List<String> sources) {
        return Combinators.combine(Arbitraries.of(sources), Arbitraries.of(Damage.class), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 255)).as(Mutation::new);
    }

    private static final Map<Path, byte[]> CACHE = new ConcurrentHashMap<>();

    /** A file's bytes, read once per test run. */
    public static byte[] bytes(Path file) {
        return CACHE.computeIfAbsent(file, f -> {
            try {
                return Files.readAllBytes(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Writes the damaged copy of {@code original} to a temporary file named after {@code name} and reads it with
     * {@code reader} within {@code limit}: the read either succeeds (and {@code reader} checks the result) or throws
     * an {@link OsteobiomeException} naming the file.
     */
    public static void assertReadOrRefused(byte[] original, Mutation m, String name, Duration limit, Consumer<Path> reader)
            throws IOException {
        Path dir = Files.createTempDirectory("fuzz");
        Path file = dir.resolve("damaged-" + name);
        try {
            Files.write(file, damage(original, m));
            assertTimeoutPreemptively(limit, () -> {
                try {
                    reader.accept(file);
                } catch (OsteobiomeException e) {
                    assertThat(e.getMessage()).as("%s: %s", m, e.getMessage()).contains(file.getFileName().toString());
                }
            }, () -> "reader hung on " + m);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** The damaged copy. */
    public static byte[] damage(byte[] original, Mutation m) {
        int at = (int) Math.min(Math.max(0, original.length - 1), Math.floor(m.where() * original.length));
        switch (m.damage()) {
            case TRUNCATE -> {
                return Arrays.copyOf(original, at);
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
            case DUPLICATE_LINE -> {
                int start = at;
                while (start > 0 && original[start - 1] != '\n') {
                    start--;
                }
                int end = at;
                while (end < original.length && original[end] != '\n') {
                    end++;
                }
                end = Math.min(original.length, end + 1);
                byte[] out = new byte[original.length + (end - start)];
                System.arraycopy(original, 0, out, 0, end);
                System.arraycopy(original, start, out, end, end - start);
                System.arraycopy(original, end, out, 2 * end - start, original.length - end);
                return out;
            }
            default -> {
                byte[] text = SPLICED.get(m.value() % SPLICED.size()).getBytes(StandardCharsets.UTF_8);
                // Replace the token (a run of digits, dots, signs or exponents) at the position with the spliced text.
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
