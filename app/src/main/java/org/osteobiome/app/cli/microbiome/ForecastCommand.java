package org.osteobiome.app.cli.microbiome;

import java.util.concurrent.Callable;
import org.osteobiome.app.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code osteobiome forecast}: a woman's sample scored against a map, and her bone forecast with and without supplement. */
@Command(name = "forecast", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Scores her sample against a reference map, sets the gut inputs of gut-bone-axis (human preset) from her"
                + " butyrate-producer proxy and Lactobacillus relative to the map's healthy women (docs/forecast.md), and forecasts her"
                + " lumbar-spine BMD with and without L. acidophilus, with bands from a seeded virtual population around her.",
            "Research use only; not a diagnostic device."},
        footer = {"", "Example:", "  osteobiome forecast --map cohort.osmap --sample her.tsv --start-year 3 --years 10 \\",
            "      --supplement la:10 --out her-report.html"})
public final class ForecastCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScoreRequest request;

    @Mixin
    ForecastOptions forecast;

    @Option(names = "--no-progress", description = "do not draw a progress bar")
    boolean noProgress;

    @Override
    public Integer call() {
        return request.run(spec, forecast, !noProgress);
    }
}
