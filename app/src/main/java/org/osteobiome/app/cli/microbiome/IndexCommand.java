package org.osteobiome.app.cli.microbiome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.osteobiome.app.cli.ParentCommand;
import org.osteobiome.app.cli.TextOutput;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.app.report.TextTable;
import org.osteobiome.core.Numbers;
import org.osteobiome.microbiome.index.Gmhi;
import org.osteobiome.microbiome.io.FeatureTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osteobiome index gmhi TABLE}: health indices of gut microbiome profiles. */
@Command(name = "index", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Health indices of gut microbiome profiles.", subcommands = {IndexCommand.GmhiCommand.class})
public final class IndexCommand extends ParentCommand {

    @Command(name = "gmhi", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"The Gut Microbiome Health Index (Gupta et al. 2020, Nat Commun 11:5206) of every sample of a MetaPhlAn species"
                    + " profile: species rows only (full lineages or bare s__ names), unclassified and viral rows dropped, each sample"
                    + " renormalised (percent or fractions), abundances below 1e-5 set to 0; log10 of the ratio of the 7 health-prevalent"
                    + " to the 43 health-scarce species' richness-weighted Shannon terms. Above 0 leans healthy.",
                "Prints sample_id and gmhi (TSV)."},
            footer = {"", "Example:", "  osteobiome index gmhi merged_abundance_table.txt --out gmhi.tsv", "",
                "Research software; not a diagnostic device."})
    static final class GmhiCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "TABLE", description = "merged MetaPhlAn table (or any table whose rows are s__ species names)")
        Path table;

        @Option(names = "--out", paramLabel = "FILE.tsv", description = "write to FILE instead of standard output")
        Path out;

        @Override
        public Integer call() {
            List<Gmhi.Score> scores = Gmhi.compute(FeatureTables.read(table).table(), table.toString());
            List<List<String>> rows = new ArrayList<>();
            for (Gmhi.Score s : scores) {
                rows.add(List.of(s.sampleId(), Numbers.format(s.gmhi())));
            }
            TextOutput.emit(spec, out, TextTable.tsv(List.of("sample_id", "gmhi"), rows));
            return 0;
        }
    }
}
