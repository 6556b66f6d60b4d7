package org.osteobiome.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osteobiome.app.report.FigureMetadata;
import org.osteobiome.app.report.TrajectoryFigures;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.Observable;

/**
 * The automated check over the figures the commands write: every figure says what it shows (title, caption, axis
 * labels and software in the file's metadata), and every axis that shows a model observable or time names its unit.
 * The demo's figures are held to the same check in {@link CommandsTest}.
 */
class FigureLabelsTest {
    private static final String KARLSSON = "../data/real/karlsson2013/taxatable.txt";
    private static final String KARLSSON_META = "../data/real/karlsson2013/mapping-orig.txt";

    static Stream<List<String>> plottingCommands() {
        return Stream.of(
                List.of("simulate", "nelson2026-menopause", "--set", "variant=surgical-long", "--step", "365", "--observables",
                        "bmd_pct,estrogen"),
                List.of("compare", "--scenario", "ovx", "--scenario", "ovx-la", "--scenario", "ovx-la-no-butyrate", "--observables",
                        "bv_tv_pct,th17_bone_pct,butyrate_gut_uM"),
                List.of("fit", "nelson2026-menopause", "--data", "nelson2026-bmd.tsv", "--fit", "e_PC", "--multistart", "1",
                        "--intervals", "none"),
                List.of("vpop", "gut-bone-axis", "--scenario", "menopause-natural", "--n", "8", "--variability", "human-variability.tsv",
                        "--observables", "bmd_pct,butyrate_gut_uM", "--step", "365", "--seed", "1"),
                List.of("sensitivity", "lemaire2004", "--set", "load_case=1", "--output", "OBa", "--at", "60", "--parameters",
                        "k_B,d_B", "--method", "local"),
                List.of("cohort", "da", "--table", KARLSSON, "--metadata", KARLSSON_META, "--group-column", "Classification",
                        "--healthy", "NGT", "--rank", "genus"),
                List.of("trial", "simulate", "--n", "20", "--population", "200", "--seed", "1", "--no-progress"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plottingCommands")
    void everyFigureSaysWhatItShowsWithUnits(List<String> command, @TempDir Path dir) throws IOException {
        Path png = dir.resolve("figure.png");
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--plot", png.toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertLabelled(png);
    }

    /** The check itself: metadata present, and units on every axis of an observable or of time. */
    static void assertLabelled(Path png) throws IOException {
        Map<String, String> m = FigureMetadata.readPng(png);
        assertThat(m).as(png.toString()).containsKeys(FigureMetadata.TITLE, FigureMetadata.DESCRIPTION, FigureMetadata.X_AXIS,
                FigureMetadata.Y_AXES, FigureMetadata.SOFTWARE);
        assertThat(m.get(FigureMetadata.DESCRIPTION)).as("caption of %s", png).isNotBlank();
        assertThat(m.get(FigureMetadata.SOFTWARE)).contains("osteobiome").contains("not a diagnostic device");
        List<String> labels = new ArrayList<>(List.of(m.get(FigureMetadata.X_AXIS)));
        labels.addAll(m.get(FigureMetadata.Y_AXES).lines().toList());
        for (String label : labels) {
            assertThat(label).as("an axis of %s", png.getFileName()).isNotBlank();
            if (label.startsWith("time")) {
                assertThat(label).as("a time axis names its unit").matches(".*\\(.+\\)$");
            }
            // An axis named after an observable carries its unit; models share some ids (osteoblasts are cells in
            // komarova2003 and dimensionless elsewhere), so the unit of one model with that id must be there.
            List<String> units = new ArrayList<>();
            for (Model model : ModelCatalog.all()) {
                for (Observable o : model.observables()) {
                    if (label.equals(o.id()) || label.startsWith(o.id() + " ")) {
                        units.add("(" + TrajectoryFigures.unitText(o.unit()) + ")");
                    }
                }
            }
            if (!units.isEmpty()) {
                assertThat(units).as("%s in %s names the unit of its observable", label, png.getFileName())
                        .anyMatch(label::contains);
            }
        }
    }

    static void assertEveryFigureLabelled(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> pngs = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
            assertThat(pngs).isNotEmpty();
            for (Path png : pngs) {
                assertLabelled(png);
            }
        }
    }
}
