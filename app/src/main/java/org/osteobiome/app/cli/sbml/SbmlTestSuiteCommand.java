package org.osteobiome.app.cli.sbml;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.osteobiome.app.cli.CliProgress;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.sbml.SbmlTestSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osteobiome sbml test-suite CASES_DIR}: score the importer on the SBML Test Suite. */
@Command(name = "test-suite", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run the semantic cases of the SBML Test Suite (a folder of numbered case folders) and print, as Markdown, the"
                + " outcome counts by feature tag and the reasons for refusals.",
        footer = {"", "Example:", "  osteobiome sbml test-suite ../shared/data/sbml-test-suite/cases > docs/sbml-test-suite.md"})
public final class SbmlTestSuiteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASES_DIR", description = "folder holding 00001/, 00002/, …")
    Path cases;

    @Option(names = "--failures", description = "also list every case that did not pass")
    boolean failures;

    @Override
    public Integer call() {
        List<Path> dirs = SbmlTestSuite.cases(cases);
        List<SbmlTestSuite.CaseResult> results = new ArrayList<>();
        try (CliProgress bar = CliProgress.start("SBML cases", true)) {
            for (Path d : dirs) {
                results.add(SbmlTestSuite.run(d));
                bar.reporter().report(results.size(), dirs.size());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        int[] total = new int[SbmlTestSuite.Outcome.values().length];
        results.forEach(r -> total[r.outcome().ordinal()]++);
        out.printf("%d cases: %d passed, %d failed, %d refused, %d errors%n%n", results.size(), total[0], total[1], total[2], total[3]);
        out.println("| tag | cases | passed | failed | refused | errors |");
        out.println("|---|---|---|---|---|---|");
        for (Map.Entry<String, int[]> e : SbmlTestSuite.countsByTag(results).entrySet()) {
            int[] c = e.getValue();
            out.printf("| %s | %d | %d | %d | %d | %d |%n", e.getKey(), c[0] + c[1] + c[2] + c[3], c[0], c[1], c[2], c[3]);
        }
        Map<String, Integer> reasons = new TreeMap<>();
        for (SbmlTestSuite.CaseResult r : results) {
            if (r.outcome() == SbmlTestSuite.Outcome.REFUSED) {
                String m = r.message();
                int cut = m.indexOf(".xml");
                String reason = (cut >= 0 ? m.substring(cut + 4) : m).replaceFirst("^[,:]?\\s*", "").replaceAll("(reaction|event) \\S+", "$1 …");
                reasons.merge(reason, 1, Integer::sum);
            }
        }
        out.println();
        out.println("| refused because | cases |");
        out.println("|---|---|");
        reasons.forEach((reason, n) -> out.printf("| %s | %d |%n", reason.replace("|", "\\|"), n));
        if (failures) {
            out.println();
            for (SbmlTestSuite.CaseResult r : results) {
                if (r.outcome() != SbmlTestSuite.Outcome.PASSED) {
                    out.println(r.id() + "\t" + r.outcome() + "\t" + r.message());
                }
            }
        }
        out.flush();
        return total[1] + total[3] == 0 ? 0 : 1;
    }
}
