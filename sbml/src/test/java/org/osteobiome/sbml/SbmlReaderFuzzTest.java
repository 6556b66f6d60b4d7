package org.osteobiome.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osteobiome.core.testing.FileDamage.assertReadOrRefused;
import static org.osteobiome.core.testing.FileDamage.bytes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.osteobiome.core.testing.FileDamage;
import org.osteobiome.core.testing.FileDamage.Mutation;

/**
 * Damaged SBML test-suite models (with rules, events, function definitions and delays among them) and a damaged
 * COMBINE archive. The property: an import whose model evaluates its derivatives at the initial state, or an
 * {@link org.osteobiome.core.OsteobiomeException} naming the file — never another exception type or a hang.
 */
class SbmlReaderFuzzTest {
    private static final Path CASES = Path.of("src/test/resources/sbml-test-suite/cases");
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final List<String> MODELS = List.of("00001", "00025", "00029", "00041", "00071", "00079");
    private static final Path ARCHIVE = archive();

    /** An archive of case 00001 with its time course, written once by the exporter. */
    private static Path archive() {
        try {
            Path dir = Files.createTempDirectory("fuzz-omex");
            dir.toFile().deleteOnExit();
            Path omex = dir.resolve("case.omex");
            CombineArchive.write(omex, Files.readString(model("00001")),
                    new SedmlTimeCourse(CombineArchive.MODEL, 5, 50, SedmlTimeCourse.ROSENBROCK, List.of("S1", "S2")));
            omex.toFile().deleteOnExit();
            return omex;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path model(String id) {
        return CASES.resolve(id).resolve(id + "-sbml-l3v2.xml");
    }

    @Provide
    Arbitrary<Mutation> models() {
        return FileDamage.mutations(MODELS);
    }

    @Provide
    Arbitrary<Mutation> archives() {
        return FileDamage.mutations(List.of("case.omex"));
    }

    @Property(tries = 200, seed = "20261206")
    void damagedModelsAreImportedOrRefusedNamingTheFile(@ForAll("models") Mutation m) throws IOException {
        Path source = model(m.source());
        assertReadOrRefused(bytes(source), m, source.getFileName().toString(), LIMIT, file -> evaluate(SbmlImporter.read(file)));
    }

    @Property(tries = 100, seed = "20261206")
    void damagedArchivesAreReadOrRefusedNamingTheFile(@ForAll("archives") Mutation m) throws IOException {
        assertReadOrRefused(bytes(ARCHIVE), m, "case.omex", LIMIT, file -> {
            CombineArchive.Contents contents = CombineArchive.read(file);
            assertThat(contents.experiment().end()).isPositive().isFinite();
            evaluate(SbmlImporter.read(file + "!/" + contents.experiment().modelSource(), contents.sbml()));
        });
    }

    private static void evaluate(SbmlOdeModel model) {
        double[] y = model.initialState();
        assertThat(y).hasSize(model.dimension());
        model.derivatives(0, y, new double[model.dimension()]);
    }
}
