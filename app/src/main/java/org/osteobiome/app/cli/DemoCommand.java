package org.osteobiome.app.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.osteobiome.app.demo.DemoSection;
import org.osteobiome.app.demo.GutBoneAxisDemo;
import org.osteobiome.app.demo.PublishedModelsDemo;
import org.osteobiome.core.AtomicFiles;
import org.osteobiome.app.report.HtmlPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code osteobiome demo}: runs scenarios of gut-bone-axis and the published models; writes tables, plots and an HTML page. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run scenarios of gut-bone-axis and of the published models; write tables (TSV), plots (PNG) and index.html"
                + " to a folder.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "osteobiome-out", paramLabel = "DIR",
            description = "output folder (default: osteobiome-out)")
    Path out;

    @Option(names = "--no-progress", description = "do not draw a progress bar")
    boolean noProgress;

    @Override
    public Integer call() {
        List<DemoSection> sections = new ArrayList<>(GutBoneAxisDemo.sections());
        sections.addAll(PublishedModelsDemo.sections());
        sections.addAll(org.osteobiome.app.demo.ReferenceMapDemo.sections());
        HtmlPage page = new HtmlPage("osteobiome demo: the gut–immune–bone axis and the published bone models");
        page.paragraph("Research software, not a diagnostic device. The first sections run osteobiome's gut-bone-axis model "
                + "(the mechanism of estrogen loss, gut Th17 cells, butyrate and L. acidophilus); the others run each published "
                + "model as re-implemented in osteobiome, compare it with the data it was built on where there are data, and link "
                + "the tables behind every figure.");
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName("demo").setInitialMax(sections.size())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(100)
                .setConsumer(new ConsoleProgressBarConsumer(System.err));
        if (noProgress) {
            for (DemoSection section : sections) {
                section.run(out, page);
            }
        } else {
            try (ProgressBar bar = builder.build()) {
                for (DemoSection section : sections) {
                    bar.setExtraMessage(section.name());
                    section.run(out, page);
                    bar.step();
                }
            }
        }
        page.footer("Made by osteobiome " + VersionProvider.version() + " on "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " with: osteobiome demo --out " + out
                + ". Research software, not a diagnostic device.");
        AtomicFiles.writeText(out.resolve("index.html"), page.render());
        spec.commandLine().getOut().println("wrote " + out.resolve("index.html") + " with " + sections.size()
                + " sections of tables and plots");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
