package org.osteobiome.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.Trajectory;

class SimulateCommandTest {

    @Test
    void islamCase3To28DaysEndsWithTheEndOfTheSecondCycle() {
        CliRun run = CliRun.of("simulate", "islam2021-butyrate", "--set", "case=3", "--t-end", "28");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        String[] lines = run.lines();
        assertThat(lines[0]).startsWith("time\ttreg_gut_pct\ttreg_blood_pct\ttreg_bone_pct\ttgf_beta_fold\twnt10b_fold\tbone_volume_pct");
        assertThat(lines).hasSize(1 + 281);
        String[] last = lines[lines.length - 1].split("\t");
        assertThat(last[0]).isEqualTo("28");
        Model model = ModelCatalog.get("islam2021-butyrate");
        Trajectory direct = model.simulate(model.defaults().with("case", 3), SimulationSettings.DEFAULTS);
        assertThat(Double.parseDouble(last[6])).isCloseTo(direct.last("bone_volume_pct"), org.assertj.core.data.Offset.offset(1e-9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"islam2021-butyrate", "cook2022-wnt10b", "nelson2026-menopause", "komarova2003", "lemaire2004"})
    void everyModelRunsWithItsDefaultsAndEndsAtTheEndTime(String id) {
        CliRun run = CliRun.of("simulate", id, "--t-end", "200", "--step", "50");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.lines();
        assertThat(lines[lines.length - 1]).startsWith("200\t");
        assertThat(lines[0].split("\t")).hasSize(1 + ModelCatalog.get(id).observables().size());
    }

    @Test
    void observablesSelectAndOrderColumns() {
        CliRun run = CliRun.of("simulate", "cook2022-wnt10b", "--set", "wnt_fold=5", "--observables", "osteoclasts,bone_volume_pct",
                "--step", "100");
        assertThat(run.lines()[0]).isEqualTo("time\tosteoclasts\tbone_volume_pct");
        assertThat(run.lines()).hasSize(1 + 7);
    }

    @Test
    void csvAndJsonFormats() throws Exception {
        CliRun csv = CliRun.of("simulate", "komarova2003", "--format", "csv", "--t-end", "10", "--step", "5");
        assertThat(csv.lines()[0]).isEqualTo("time,osteoclasts,osteoblasts,bone_mass_pct");
        assertThat(csv.lines()[1]).startsWith("0,11,212,100");
        CliRun json = CliRun.of("simulate", "komarova2003", "--format", "json", "--t-end", "10", "--step", "5",
                "--set", "initial_condition=exact");
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.get("model").asText()).isEqualTo("komarova2003");
        assertThat(doc.get("notice").asText()).contains("not a diagnostic device");
        assertThat(doc.get("parameters").get("initial_condition").asText()).isEqualTo("exact");
        assertThat(doc.get("columns").get(2).get("unit").asText()).isEqualTo("%");
        assertThat(doc.get("time")).hasSize(3);
        assertThat(doc.get("values").get("bone_mass_pct")).hasSize(3);
    }

    @Test
    void outAndPlotWriteFiles(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("nested/out.tsv");
        Path png = dir.resolve("bmd.png");
        Path svg = dir.resolve("bmd.svg");
        CliRun run = CliRun.of("simulate", "nelson2026-menopause", "--set", "variant=surgical-long", "--step", "365",
                "--observables", "bmd_pct,estrogen", "--out", table.toString(), "--plot", png.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readAllLines(table).get(0)).isEqualTo("time\tbmd_pct\testrogen");
        byte[] header = Files.readAllBytes(png);
        assertThat(header).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(CliRun.of("simulate", "nelson2026-menopause", "--observables", "bmd_pct", "--plot", svg.toString()).exitCode()).isZero();
        assertThat(Files.readString(svg)).contains("<svg").contains("not a diagnostic device");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }
}
