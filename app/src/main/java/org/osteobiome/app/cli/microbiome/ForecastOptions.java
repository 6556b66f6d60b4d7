package org.osteobiome.app.cli.microbiome;

import java.util.Locale;
import org.osteobiome.app.service.ModelRuns;
import org.osteobiome.app.forecast.BoneForecast;
import org.osteobiome.core.OsteobiomeException;
import picocli.CommandLine.Option;

/** The forecast options shared by {@code osteobiome forecast} and {@code map score --forecast}. */
final class ForecastOptions {
    @Option(names = "--years", defaultValue = "10", paramLabel = "Y", description = "years to forecast from the sample on (default 10)")
    double years;

    @Option(names = "--start-year", defaultValue = "0", paramLabel = "Y",
            description = "years since her menopause when the sample was taken (default 0)")
    double startYear;

    @Option(names = "--supplement", defaultValue = "la:10", paramLabel = "la[:DOSE]|none",
            description = "the supplemented arm: L. acidophilus at DOSE × 1e9 CFU/day from the sample on (default la:10), or none")
    String supplement;

    @Option(names = "--menopause", defaultValue = "natural", paramLabel = "natural|surgical", description = "her menopause (default natural)")
    String menopause;

    @Option(names = "--population", defaultValue = "200", paramLabel = "N",
            description = "virtual women around her for the bands (default 200)")
    int population;

    @Option(names = "--forecast-seed", defaultValue = "0", paramLabel = "S", description = "seed of the virtual population (default 0)")
    long seed;

    @Option(names = "--threads", paramLabel = "K", description = "worker threads (default: all cores; results do not depend on it)")
    Integer threads;

    BoneForecast.Settings settings() {
        return new BoneForecast.Settings(startYear, years, dose(supplement), menopause(menopause), population, seed,
                ModelRuns.threads(threads));
    }

    static double dose(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("none")) {
            return 0;
        }
        if (s.equals("la")) {
            return 10;
        }
        if (s.startsWith("la:")) {
            try {
                double dose = Double.parseDouble(s.substring(3));
                if (dose > 0 && Double.isFinite(dose)) {
                    return dose;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw OsteobiomeException.invalid("--supplement " + text + ": write la (1e10 CFU/day), la:DOSE with DOSE in 1e9 CFU/day "
                + "(e.g. la:5), or none");
    }

    private static BoneForecast.Menopause menopause(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "natural" -> BoneForecast.Menopause.NATURAL;
            case "surgical" -> BoneForecast.Menopause.SURGICAL;
            default -> throw OsteobiomeException.invalid("--menopause " + text + ": write natural or surgical");
        };
    }
}
