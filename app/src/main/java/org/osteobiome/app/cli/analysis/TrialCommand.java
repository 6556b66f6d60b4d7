package org.osteobiome.app.cli.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.osteobiome.app.cli.CliProgress;
import org.osteobiome.app.service.ModelRuns;
import org.osteobiome.app.cli.ParentCommand;
import org.osteobiome.app.cli.TextOutput;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.app.forecast.VirtualTrial;
import org.osteobiome.app.report.Figure;
import org.osteobiome.app.report.FigureWriter;
import org.osteobiome.app.report.TextTable;
import org.osteobiome.core.Numbers;
import org.osteobiome.core.OsteobiomeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code osteobiome trial simulate}: a virtual randomised trial of supplementation beside the published ones. */
@Command(name = "trial", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Virtual randomised trials of L. acidophilus supplementation on the human preset of gut-bone-axis.",
        subcommands = {TrialCommand.Simulate.class})
public final class TrialCommand extends ParentCommand {

    @Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Randomises --n virtual women 1:1 to placebo or L. acidophilus, enrolled --start-year years after"
                    + " menopause and followed --years; endpoint: %% change of lumbar-spine BMD with DXA error. Prints each arm's"
                    + " mean change with its 95%% interval, the difference (Welch), the expected difference from every woman"
                    + " simulated in both arms, and the power at that n; beside them the published probiotic trials in"
                    + " postmenopausal women (Jansson 2019, Nilsson 2018). SIMULATED; not a diagnostic device."},
            footer = {"", "Example:", "  osteobiome trial simulate --arms placebo,la:10 --n 234 --years 1 --start-year 6 --seed 1 --plot trial.png"})
    static final class Simulate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--arms", defaultValue = "placebo,la:10", paramLabel = "placebo,la[:DOSE]",
                description = "the two arms: placebo and L. acidophilus at DOSE × 1e9 CFU/day (default placebo,la:10)")
        String arms;

        @Option(names = "--n", required = true, paramLabel = "N", description = "women randomised, both arms together")
        int n;

        @Option(names = "--years", defaultValue = "1", paramLabel = "Y", description = "follow-up in years (default 1, as the trials)")
        double years;

        @Option(names = "--start-year", defaultValue = "6", paramLabel = "Y",
                description = "years since menopause at enrolment (default 6: Jansson 2019 enrolled women 2-12 years past it)")
        double startYear;

        @Option(names = "--population", defaultValue = "400", paramLabel = "N",
                description = "women simulated in both arms for the expected effect (default 400, at least --n)")
        int population;

        @Option(names = "--dxa-precision", defaultValue = "1.2", paramLabel = "PCT", description = "DXA precision per scan, %% (default 1.2)")
        double dxaPrecision;

        @Option(names = "--seed", defaultValue = "0", description = "random seed (same seed, same trial)")
        long seed;

        @Option(names = "--threads", paramLabel = "K", description = "worker threads (default: all cores; results do not depend on it)")
        Integer threads;

        @Option(names = "--plot", paramLabel = "FILE.png|svg", description = "the arms' %% change with intervals beside the published trials")
        Path plot;

        @Option(names = "--out", paramLabel = "FILE.tsv", description = "write the table to FILE instead of standard output")
        Path out;

        @Option(names = "--no-progress", description = "do not draw a progress bar")
        boolean noProgress;

        @Override
        public Integer call() {
            if (plot != null) {
                FigureWriter.isSvg(plot);
            }
            double dose = dose(arms);
            VirtualTrial.Settings settings = new VirtualTrial.Settings(n, startYear, years, dose, population, dxaPrecision, seed,
                    ModelRuns.threads(threads));
            VirtualTrial.Result r;
            try (CliProgress bar = CliProgress.start("trial", !noProgress)) {
                r = VirtualTrial.run(settings, bar.reporter());
            }
            List<String[]> published = published();
            List<List<String>> rows = new ArrayList<>();
            String label = "virtual trial (SIMULATED, seed " + seed + ")";
            rows.add(row(label, "lumbar spine BMD", r.placebo().women() + r.active().women(), r.placebo().meanChange(),
                    r.placebo().lower(), r.placebo().upper(), r.active().meanChange(), r.active().lower(), r.active().upper(),
                    r.difference(), r.lower(), r.upper()));
            for (String[] p : published) {
                rows.add(List.of(p[0], p[6], p[7], p[8], p[9], p[10], p[11], p[12], p[13], p[14], p[15], p[16]));
            }
            var err = spec.commandLine().getErr();
            err.println(String.format(Locale.ROOT, "osteobiome: virtual trial: %d women, %s years from year %s after menopause; difference "
                    + "%+.2f points (95%% %.2f to %.2f, p %.3g); expected %+.2f; power at this n %.2f", r.placebo().women()
                    + r.active().women(), Numbers.format(years), Numbers.format(startYear), r.difference(), r.lower(), r.upper(),
                    r.pValue(), r.expectedDifference(), r.power()));
            if (!r.failures().isEmpty()) {
                err.println("osteobiome: warning: " + r.failures().size() + " virtual women's runs stopped and were left out; first: "
                        + r.failures().get(0));
            }
            err.flush();
            if (plot != null) {
                FigureWriter.write(figure(r, published, label), plot);
            }
            TextOutput.emit(spec, out, "# SIMULATED virtual trial beside published trials; research software, not a diagnostic device\n"
                    + "# virtual: expected difference " + Numbers.format(r.expectedDifference()) + ", power " + Numbers.format(r.power())
                    + ", p " + Numbers.format(r.pValue()) + "\n"
                    + TextTable.tsv(List.of("trial", "site", "women", "placebo_change_pct", "placebo_lower", "placebo_upper",
                    "active_change_pct", "active_lower", "active_upper", "difference", "difference_lower", "difference_upper"), rows));
            return 0;
        }

        static double dose(String arms) {
            String[] parts = arms.toLowerCase(Locale.ROOT).replace(" ", "").split(",");
            if (parts.length != 2 || !parts[0].equals("placebo") || !parts[1].startsWith("la")) {
                throw OsteobiomeException.invalid("--arms " + arms + ": give placebo and one L. acidophilus arm, e.g. placebo,la:10");
            }
            if (parts[1].equals("la")) {
                return 10;
            }
            try {
                return Double.parseDouble(parts[1].substring(parts[1].indexOf(':') + 1));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                throw OsteobiomeException.invalid("--arms " + arms + ": write the dose as la:DOSE in 1e9 CFU/day, e.g. la:10");
            }
        }

        private static List<String> row(String trial, String site, int women, double... v) {
            List<String> out = new ArrayList<>(List.of(trial, site, String.valueOf(women)));
            for (double x : v) {
                out.add(String.format(Locale.ROOT, "%.2f", x));
            }
            return out;
        }

        static List<String[]> published() {
            List<String[]> out = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(TrialCommand.class.getResourceAsStream(
                    "/org/osteobiome/app/trials/published-probiotic-trials.tsv"), StandardCharsets.UTF_8))) {
                String line;
                boolean header = true;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("#")) {
                        continue;
                    }
                    if (header) {
                        header = false;
                        continue;
                    }
                    out.add(line.split("\t"));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return out;
        }

        private static Figure figure(VirtualTrial.Result r, List<String[]> published, String label) {
            List<Figure.Points> points = new ArrayList<>();
            points.add(new Figure.Points(label, new double[] {1, 2}, new double[] {r.placebo().meanChange(), r.active().meanChange()},
                    new double[] {r.placebo().upper() - r.placebo().meanChange(), r.active().upper() - r.active().meanChange()}));
            double shift = 0.12;
            for (String[] p : published) {
                double pc = Double.parseDouble(p[8]);
                double ac = Double.parseDouble(p[11]);
                points.add(new Figure.Points(p[0] + " (" + p[6] + ")", new double[] {1 + shift, 2 + shift}, new double[] {pc, ac},
                        new double[] {Double.parseDouble(p[10]) - pc, Double.parseDouble(p[13]) - ac}));
                shift += 0.12;
            }
            return new Figure("Virtual trial beside published probiotic trials: mean and 95% CI", "arm: 1 = placebo, 2 = probiotic",
                    List.of(new Figure.Panel("BMD change from baseline (%)", List.of(), points)),
                    "Mean % change of lumbar-spine BMD in each arm with its 95 % confidence interval: the virtual trial (first"
                            + " series; simulated women with DXA error) and the published probiotic trials beside it, shifted right"
                            + " so their bars do not overlap.");
        }
    }
}
