package org.osteobiome.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osteobiome.core.testing.FileDamage.assertReadOrRefused;
import static org.osteobiome.core.testing.FileDamage.bytes;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.osteobiome.core.testing.FileDamage;
import org.osteobiome.core.testing.FileDamage.Mutation;
import org.osteobiome.model.data.Measurement;
import org.osteobiome.model.data.MeasurementTable;
import org.osteobiome.model.scenario.Scenario;
import org.osteobiome.model.scenario.ScenarioFiles;
import org.osteobiome.model.vpop.Variability;

/**
 * Damaged copies of the shipped scenario, variability and measurement files. The property: a read whose values are
 * in their domain (finite times and amounts, positive steps and spreads), or an
 * {@link org.osteobiome.core.OsteobiomeException} naming the file — never another exception type or a hang.
 */
class ModelReaderFuzzTest {
    private static final Path RESOURCES = Path.of("src/main/resources/org/osteobiome/model");
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @Provide
    Arbitrary<Mutation> scenarios() {
        return FileDamage.mutations(List.of("scenarios/ovx-la.json", "scenarios/menopause-natural-la.json", "scenarios/ovx-estrogen.json",
                "scenarios/menopause-fibre.json"));
    }

    @Provide
    Arbitrary<Mutation> variabilities() {
        return FileDamage.mutations(List.of("vpop/human-variability.tsv", "vpop/mouse-variability.tsv"));
    }

    @Provide
    Arbitrary<Mutation> measurements() {
        return FileDamage.mutations(List.of("data/nelson2026-bmd.tsv", "data/islam2021-targets.tsv", "data/cook2022-bennett.tsv"));
    }

    @Property(tries = 200, seed = "20261206")
    void damagedScenariosAreReadOrRefusedNamingTheFile(@ForAll("scenarios") Mutation m) throws IOException {
        check(m, file -> {
            Scenario s = ScenarioFiles.load(file.toString());
            assertThat(s.endDay()).isGreaterThan(s.startDay());
            assertThat(s.stepDays()).isPositive().isFinite();
            for (Scenario.Dose d : s.doses()) {
                assertThat(d.amount()).as("dose in %s", m).isFinite().isNotNegative();
                assertThat(d.intervalDays()).as("interval in %s", m).isFinite().isNotNegative();
            }
        });
    }

    @Property(tries = 150, seed = "20261206")
    void damagedVariabilityFilesAreReadOrRefusedNamingTheFile(@ForAll("variabilities") Mutation m) throws IOException {
        check(m, file -> {
            Variability v = Variability.read(file);
            assertThat(v.variations()).isNotEmpty();
            for (Variability.Variation x : v.variations()) {
                assertThat(x.parameter()).isNotBlank();
                assertThat(x.b()).as("spread in %s", m).isFinite();
            }
        });
    }

    @Property(tries = 150, seed = "20261206")
    void damagedMeasurementTablesAreReadOrRefusedNamingTheFile(@ForAll("measurements") Mutation m) throws IOException {
        check(m, file -> {
            MeasurementTable t = MeasurementTable.read(file);
            assertThat(t.measurements()).isNotEmpty();
            for (Measurement x : t.measurements()) {
                assertThat(x.time()).as("time in %s", m).isFinite();
                assertThat(x.value()).as("value in %s", m).isFinite();
            }
        });
    }

    private static void check(Mutation m, java.util.function.Consumer<Path> reader) throws IOException {
        Path source = RESOURCES.resolve(m.source());
        assertReadOrRefused(bytes(source), m, source.getFileName().toString(), LIMIT, reader);
    }
}
