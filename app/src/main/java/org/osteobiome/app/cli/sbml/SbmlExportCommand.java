package org.osteobiome.app.cli.sbml;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osteobiome.app.service.ModelRuns;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.core.AtomicFiles;
import org.osteobiome.core.Numbers;
import org.osteobiome.model.Model;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.Observable;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.symbolic.SymbolicModel;
import org.osteobiome.sbml.CombineArchive;
import org.osteobiome.sbml.SbmlExporter;
import org.osteobiome.sbml.SedmlTimeCourse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osteobiome sbml export MODEL [--scenario S] --out FILE.xml}. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write a model (with its scenario and parameter values) as SBML Level 3 Version 2: states as rate rules, derived"
                + " quantities as assignment rules, the scenario's schedule as events, units and meanings in the file.",
        footer = {"", "Examples:", "  osteobiome sbml export gut-bone-axis --scenario ovx-la --out ovx-la.xml",
            "  osteobiome sbml export gut-bone-axis --scenario menopause-natural --out menopause.omex"})
public final class SbmlExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "model id (gut-bone-axis)")
    String modelId;

    @Option(names = "--scenario", paramLabel = "NAME|FILE", description = "scenario of gut-bone-axis")
    String scenario;

    @Option(names = "--set", paramLabel = "NAME=VALUE", mapFallbackValue = "", description = "parameter value (repeatable)")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--out", required = true, paramLabel = "FILE.xml|FILE.omex",
            description = "where to write: FILE.xml (the SBML, with the scenario's time course as FILE.sedml beside it) or FILE.omex"
                    + " (a COMBINE archive holding both)")
    Path out;

    @Override
    public Integer call() {
        Model model = ModelCatalog.get(modelId);
        ParameterSet parameters = ModelRuns.parameters(model, set, scenario);
        SymbolicModel symbolic = model.symbolic(parameters);
        String xml = SbmlExporter.write(symbolic, "urn:miriam:doi:10.1021/acs.iecr.1c02949", "urn:miriam:doi:10.7554/eLife.76228");
        Model.TimeGrid grid = model.defaultGrid(parameters);
        int intervals = (int) Math.max(1, Math.round(grid.end() / grid.step()));
        String name = out.getFileName().toString();
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        List<String> reported = model.observables().stream().map(Observable::id)
                .filter(id -> symbolic.definitions().stream().anyMatch(d -> d.id().equals(id))
                        || symbolic.states().stream().anyMatch(st -> st.id().equals(id))).toList();
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".omex")) {
            CombineArchive.write(out, xml, new SedmlTimeCourse(CombineArchive.MODEL, grid.end(), intervals, SedmlTimeCourse.ROSENBROCK, reported));
            spec.commandLine().getErr().println("wrote " + out + " (model.xml and simulation.sedml: 0 to " + Numbers.format(grid.end()) + " days)");
        } else {
            Path sedml = out.resolveSibling(base + ".sedml");
            AtomicFiles.writeText(out, xml);
            AtomicFiles.writeText(sedml, new SedmlTimeCourse(name, grid.end(), intervals, SedmlTimeCourse.ROSENBROCK, reported).write());
            spec.commandLine().getErr().println("wrote " + out + " and " + sedml + " (the time course: 0 to " + Numbers.format(grid.end())
                    + " days)");
        }
        return 0;
    }
}
