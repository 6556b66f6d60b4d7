package org.osteobiome.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command that writes files, run so that it fails (bad input found up front, or a failure in the middle of the
 * work): the files it would have written are left exactly as they were, and no temporary file stays behind.
 * {@code OUT}, {@code PLOT}, {@code SUBJECTS} and {@code DIR} in a row stand for existing files (folders) that hold a
 * previous result; {@code BAD} stands for the row's broken input file.
 */
class AtomicOutputsTest {
    private static final String PREVIOUS = "a previous result that a failing run must keep\n";
    private static final String KARLSSON = "../data/real/karlsson2013/taxatable.txt";
    private static final String KARLSSON_META = "../data/real/karlsson2013/mapping-orig.txt";
    private static final String CRAWFORD = "../data/formats/unifrac-crawford/crawford.biom";
    private static final String POLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
              <model id="pole">
                <listOfParameters><parameter id="x" value="0" constant="false"/></listOfParameters>
                <listOfRules>
                  <rateRule variable="x"><math xmlns="http://www.w3.org/1998/Math/MathML">
                    <apply><divide/><cn>1</cn><apply><minus/><cn>1</cn><ci>x</ci></apply></apply>
                  </math></rateRule>
                </listOfRules>
              </model>
            </sbml>
            """;

    /** A command and the content of its broken input (null when the row needs none). */
    record Case(String name, String bad, String badName, List<String> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case of(String name, String bad, String badName, String... args) {
        return new Case(name, bad, badName, List.of(args));
    }

    static Stream<Case> cases() {
        return Stream.of(
                of("simulate: unknown observable", null, null, "simulate", "komarova2003", "--observables", "nosuch", "--out", "OUT",
                        "--plot", "PLOT.png"),
                of("compare: a missing scenario file", null, null, "compare", "--scenario", "ovx", "--scenario", "DIR/none.json",
                        "--observables", "estrogen", "--out", "OUT", "--plot", "PLOT.png"),
                of("vpop: a variability file outside the ranges", "parameter\tdistribution\ta\tb\nk_L\tuniform\t-9\t-5\n", "var.tsv",
                        "vpop", "gut-bone-axis", "--scenario", "ovx", "--n", "4", "--variability", "BAD", "--out", "OUT",
                        "--subjects", "SUBJECTS", "--plot", "PLOT.png"),
                of("sbml simulate: the solver fails in the middle of the run", POLE, "pole.xml", "sbml", "simulate", "BAD",
                        "--t-end", "5", "--out", "OUT", "--plot", "PLOT.png"),
                of("sbml export: unknown scenario", null, null, "sbml", "export", "gut-bone-axis", "--scenario", "nosuch", "--out",
                        "OUT.xml"),
                of("table convert: a truncated table", "#OTU ID\ts1\ts2\nf1\t3\n", "cut.tsv", "table", "convert", "BAD", "--to",
                        "biom-json", "--out", "OUT"),
                of("table generate: too large", null, null, "table", "generate", "--samples", "2000000000", "--features",
                        "2000000000", "--seed", "1", "--out", "OUT"),
                of("diversity alpha: negative counts", "#OTU ID\ts1\ts2\nf1\t3\t-1\n", "neg.tsv", "diversity", "alpha", "BAD",
                        "--out", "OUT"),
                of("diversity beta: features missing from the tree", "(a:1,b:1);\n", "small.tre", "diversity", "beta", CRAWFORD,
                        "--metric", "unweighted_unifrac", "--tree", "BAD", "--out", "OUT"),
                of("ordinate: a metadata column that does not exist", "\ta\tb\tc\na\t0\t1\t2\nb\t1\t0\t1\nc\t2\t1\t0\n",
                        "dm.lsmat", "ordinate", "BAD", "--metadata",
                        "../data/formats/unifrac-crawford/crawford.group.tsv", "--color-by", "nosuch", "--out", "OUT", "--plot",
                        "PLOT.png"),
                of("fit: an observable the model lacks", "observable\tcondition\ttime_days\tmeasurement\tnoise_sd\tsource\tuse\n"
                        + "bogus\t\t10\t1\t0.1\ts\tfit\n", "data.tsv", "fit", "lemaire2004", "--data", "BAD", "--fit", "k_B", "--plot",
                        "PLOT.png"),
                of("sensitivity: unknown output", null, null, "sensitivity", "komarova2003", "--output", "nosuch", "--at", "10",
                        "--plot", "PLOT.png"),
                of("cohort da: unknown group column", null, null, "cohort", "da", "--table", KARLSSON, "--metadata", KARLSSON_META,
                        "--group-column", "nosuch", "--healthy", "NGT", "--out", "OUT", "--plot", "PLOT.png"),
                of("cohort alpha: unknown group column", null, null, "cohort", "alpha", "--table", KARLSSON, "--metadata",
                        KARLSSON_META, "--group-column", "nosuch", "--out", "OUT"),
                of("cohort correlate: unknown outcome", null, null, "cohort", "correlate", "--table", KARLSSON, "--metadata",
                        KARLSSON_META, "--outcome", "nosuch", "--out", "OUT"),
                of("index gmhi: not a table", "garbage, not a table\n", "words.biom", "index", "gmhi", "BAD", "--out", "OUT"),
                of("power: an effects file naming no taxon", "taxon\tlog_fold_change\n", "effects.tsv", "power", "--base", KARLSSON,
                        "--effects", "BAD", "--n", "20", "--replicates", "2", "--out", "OUT", "--plot", "PLOT.png"),
                of("trial simulate: an impossible arm", null, null, "trial", "simulate", "--n", "10", "--arms", "placebo,la:-3",
                        "--out", "OUT", "--plot", "PLOT.png"),
                of("map build: unknown healthy group", null, null, "map", "build", "--table", KARLSSON, "--metadata", KARLSSON_META,
                        "--group-column", "Classification", "--healthy", "nosuch", "--out", "OUT"),
                of("map score: a damaged map", "not a map", "bad.osmap", "map", "score", "--map", "BAD", "--sample", KARLSSON,
                        "--sample-id", "S112", "--out", "OUT.html"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aFailingRunLeavesEveryExistingOutputAsItWas(Case c, @TempDir Path dir) throws IOException {
        List<String> args = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (String a : c.args()) {
            String arg = a;
            if (arg.equals("BAD")) {
                arg = Files.writeString(dir.resolve(c.badName()), c.bad()).toString();
            } else if (arg.matches("(OUT|PLOT|SUBJECTS)(\\.\\w+)?")) {
                Path existing = Files.writeString(dir.resolve(arg.equals("OUT") ? "out.tsv" : arg.toLowerCase()), PREVIOUS);
                outputs.add(existing);
                arg = existing.toString();
            } else if (arg.startsWith("DIR/")) {
                arg = dir.resolve(arg.substring(4)).toString();
            }
            args.add(arg);
        }
        List<Path> before;
        try (Stream<Path> files = Files.list(dir)) {
            before = files.sorted().toList();
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isNotZero();
        assertThat(run.err()).as("a reason, not a stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        for (Path output : outputs) {
            assertThat(Files.readString(output)).as("%s after: %s", output.getFileName(), run.err().strip()).isEqualTo(PREVIOUS);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.sorted().toList()).as("no temporary file left behind").isEqualTo(before);
        }
    }
}
