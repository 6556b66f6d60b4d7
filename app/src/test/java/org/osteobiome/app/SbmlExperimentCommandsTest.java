package org.osteobiome.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SBML export carries its experiment (SED-ML beside it, or a COMBINE archive), and sbml simulate runs it by default. */
class SbmlExperimentCommandsTest {

    @Test
    void anExportedScenarioRunsToItsOwnHorizonAndMatchesTheNativeRun(@TempDir Path dir) throws IOException {
        Path xml = dir.resolve("ovx.xml");
        CliRun export = CliRun.of("sbml", "export", "gut-bone-axis", "--scenario", "ovx", "--out", xml.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        String sedml = Files.readString(dir.resolve("ovx.sedml"));
        assertThat(sedml).contains("outputEndTime=\"84.0\"").contains("numberOfPoints=\"168\"").contains("source=\"ovx.xml\"")
                .contains("KISAO:0000033").contains("@id='bv_tv_pct'");
        CliRun sbml = CliRun.of("sbml", "simulate", xml.toString(), "--variables", "bv_tv_pct");
        assertThat(sbml.exitCode()).as(sbml.err()).isZero();
        String[] lines = sbml.lines();
        assertThat(lines).hasSize(1 + 169); // header, then 0 to 84 every half day
        String[] last = lines[lines.length - 1].split("\t");
        assertThat(last[0]).isEqualTo("84");
        CliRun native_ = CliRun.of("simulate", "gut-bone-axis", "--scenario", "ovx", "--observables", "bv_tv_pct", "--t-end", "84", "--step", "84");
        double expected = Double.parseDouble(native_.lines()[native_.lines().length - 1].split("\t")[1]);
        assertThat(Double.parseDouble(last[1])).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6 * expected));
        // An explicit --t-end still wins.
        assertThat(CliRun.of("sbml", "simulate", xml.toString(), "--variables", "bv_tv_pct", "--t-end", "14", "--step", "7").lines()).hasSize(4);
    }

    @Test
    void aCombineArchiveHoldsBothAndRunsAsOne(@TempDir Path dir) {
        Path omex = dir.resolve("menopause.omex");
        CliRun export = CliRun.of("sbml", "export", "gut-bone-axis", "--scenario", "menopause-natural", "--out", omex.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        CliRun run = CliRun.of("sbml", "simulate", omex.toString(), "--variables", "bmd_pct");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines()[run.lines().length - 1]).startsWith("7300\t");
    }

    @Test
    void hostileArchivesAndExperimentsAreRefusedWithAReason(@TempDir Path dir) throws IOException {
        Path escape = dir.resolve("escape.omex");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(escape))) {
            zip.putNextEntry(new ZipEntry("../outside.sedml"));
            zip.write("<sedML/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        CliRun run = CliRun.of("sbml", "simulate", escape.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("escape.omex").contains("parent path").doesNotContain("Exception");
        assertThat(dir.getParent().resolve("outside.sedml")).doesNotExist();

        Path bomb = dir.resolve("bomb.omex");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("model.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 70; i++) { // 70 MB of zeros, a few hundred kB compressed
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        CliRun big = CliRun.of("sbml", "simulate", bomb.toString());
        assertThat(big.exitCode()).isEqualTo(2);
        assertThat(big.err()).contains("more than 64 MB");

        Path xml = dir.resolve("m.xml");
        assertThat(CliRun.of("sbml", "export", "gut-bone-axis", "--scenario", "ovx", "--out", xml.toString()).exitCode()).isZero();
        Files.writeString(dir.resolve("m.sedml"), "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><sedML>&e;</sedML>");
        CliRun xxe = CliRun.of("sbml", "simulate", xml.toString());
        assertThat(xxe.exitCode()).isEqualTo(2);
        assertThat(xxe.err()).contains("m.sedml is not readable SED-ML").doesNotContain("root:");
    }
}
