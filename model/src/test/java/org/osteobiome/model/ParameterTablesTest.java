package org.osteobiome.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ParameterTablesTest {

    @Test
    void docsParametersIsGeneratedFromTheCurrentCode() throws IOException {
        Path doc = Path.of("..", "docs", "parameters.md");
        assertThat(doc).as("docs/parameters.md; regenerate with ./osteobiome model show --format markdown --all > docs/parameters.md")
                .exists();
        assertThat(Files.readString(doc, StandardCharsets.UTF_8))
                .as("docs/parameters.md is stale; regenerate with ./osteobiome model show --format markdown --all > docs/parameters.md")
                .isEqualTo(ParameterTables.markdown(ModelCatalog.all()));
    }

    @Test
    void everyCouplingOfGutBoneAxisSaysWhereItsValueComesFrom() {
        for (ParameterSpec p : ModelCatalog.get("gut-bone-axis").parameters()) {
            assertThat(p.source()).as(p.id()).isNotBlank();
            if (p.role() == ParameterSpec.Role.CALIBRATED) {
                assertThat(p.source()).as(p.id()).contains("gut-bone-axis-targets.tsv").contains("95% profile CI");
            }
        }
    }
}
