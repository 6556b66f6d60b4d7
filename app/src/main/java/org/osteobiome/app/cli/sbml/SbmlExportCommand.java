package org.osteobiome.app.cli.sbml;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osteobiome.app.cli.ModelRuns;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.core.AtomicFiles;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.sbml.SbmlExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osteobiome sbml export MODEL [--scenario S] --out FILE.xml}. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write a model (with its scenario and parameter values) as SBML Level 3 Version 2: states as rate rules, derived"
                + " quantities as assignment rules, the scenario's schedule as events, units and meanings in the file.",
        footer = {"", "Example:", "  osteobiome sbml export gut-bone-axis --scenario ovx-la --out ovx-la.xml"})
public final class SbmlExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "model id (gut-bone-axis)")
    String modelId;

    @Option(names = "--scenario", paramLabel = "NAME|FILE", description = "scenario of gut-bone-axis")
    String scenario;

    @Option(names = "--set", paramLabel = "NAME=VALUE", mapFallbackValue = "", description = "parameter value (repeatable)")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--out", required = true, paramLabel = "FILE.xml", description = "where to write the SBML")
    Path out;

    @Override
    public Integer call() {
        Model model = ModelCatalog.get(modelId);
        String xml = SbmlExporter.write(model.symbolic(ModelRuns.parameters(model, set, scenario)),
                "urn:miriam:doi:10.1021/acs.iecr.1c02949", "urn:miriam:doi:10.7554/eLife.76228");
        AtomicFiles.writeText(out, xml);
        spec.commandLine().getErr().println("wrote " + out);
        return 0;
    }
}
