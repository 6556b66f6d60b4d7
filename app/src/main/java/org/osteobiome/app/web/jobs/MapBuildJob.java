package org.osteobiome.app.web.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteobiome.app.cli.VersionProvider;
import org.osteobiome.app.report.ClassifierFigures;
import org.osteobiome.app.service.Provenance;
import org.osteobiome.app.web.store.Store;
import org.osteobiome.microbiome.classify.ElasticNetCv;
import org.osteobiome.microbiome.map.MapBuilder;
import org.osteobiome.microbiome.map.MapFile;
import org.osteobiome.microbiome.map.ReferenceMap;

/**
 * A reference map built from a stored cohort ({@code osteobiome map build}): the {@code .osmap} file is stored with a
 * result that shows its classifiers' cross-validated performance (ROC, calibration) and key taxa.
 */
public final class MapBuildJob implements JobKind {
    @Override
    public String id() {
        return "map-build";
    }

    @Override
    public String label() {
        return "Reference map";
    }

    @Override
    public String check(JobRequest r, Store.Project project, Store store) throws java.sql.SQLException {
        StoredCohort c = StoredCohort.load(r, StoredCohort.find(r, project.id(), store));
        settings(r, c);
        return title(r, c);
    }

    @Override
    public JobOutput run(JobRequest r, JobContext context) throws Exception {
        StoredCohort c = StoredCohort.load(r, context.read(s -> StoredCohort.find(r, context.job().projectId(), s)));
        MapBuilder.Settings settings = settings(r, c);
        String label = r.text("label", "cohort " + c.row().name());
        List<ReferenceMap.InputFile> files = List.of(
                new ReferenceMap.InputFile("table", c.row().name(), c.row().tableSha256(), c.row().tableTsv().length()),
                new ReferenceMap.InputFile("metadata", c.row().metadataFile(), c.row().metadataSha256(), c.row().metadataText().length()));
        String command = "web job " + context.job().id() + ": map build of cohort " + c.row().id() + " " + r.json();
        MapBuilder.Provenance provenance = new MapBuilder.Provenance(VersionProvider.version(), command, files, label, c.row().rank());
        int total = MapBuilder.fitCount(settings);
        context.phase("cross-validating the classifiers (" + total + " fits)");
        ReferenceMap map = MapBuilder.build(c.table(), c.row().name(), c.metadata(), settings, provenance, context.threads(),
                done -> context.progress().report(done, total));
        context.checkCancelled();
        Path dir = Files.createTempDirectory("osteobiome-map");
        byte[] bytes;
        try {
            Path file = dir.resolve("map.osmap");
            MapFile.write(map, file);
            bytes = Files.readAllBytes(file);
            Files.delete(file);
        } finally {
            Files.deleteIfExists(dir);
        }
        String sha = MapFile.sha256(bytes);
        String base64 = Base64.getEncoder().encodeToString(bytes);
        String name = r.text("name", c.row().name() + " map");
        long cohortId = c.row().id();
        Map<String, Object> payload = summary(map, name, bytes.length);
        Provenance p = Provenance.of("map build", r.asOptions(), Map.of("cohort table (SHA-256)", c.row().tableSha256(),
                c.row().metadataFile() + " (SHA-256)", c.row().metadataSha256()), settings.cv().seed(), "none (no model run)");
        return new JobOutput("map", "Map " + name, p, payload, (store, resultId) -> store.createMap(context.job().projectId(), name,
                cohortId, resultId, sha, base64, context.job().createdById()));
    }

    /** What the map's page shows: performance of both classifiers, groups, key taxa, the non-zero weights and the figures. */
    static Map<String, Object> summary(ReferenceMap map, String name, long bytes) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("bytes", bytes);
        s.put("data", map.dataLabel());
        s.put("group_column", map.groupColumn());
        s.put("healthy", map.healthy());
        s.put("levels", map.levels());
        s.put("group_sizes", map.groupSizes());
        s.put("filter", map.filter());
        s.put("taxa", map.features().size());
        s.put("seed", map.seed());
        s.put("elastic_net", performance(map.classifier().performance()));
        s.put("alpha", map.classifier().alpha());
        s.put("lambda", map.classifier().lambda());
        if (map.forest() != null) {
            s.put("random_forest", performance(map.forest().performance()));
        }
        List<Map<String, Object>> weights = new ArrayList<>();
        for (int j = 0; j < map.features().size(); j++) {
            if (map.classifier().coefficients()[j] != 0) {
                weights.add(Map.of("taxon", map.featureNames().get(j), "weight", map.classifier().coefficients()[j], "stability",
                        map.classifier().stability()[j]));
            }
        }
        weights.sort((a, b) -> Double.compare(Math.abs((double) b.get("weight")), Math.abs((double) a.get("weight"))));
        s.put("weights", weights);
        s.put("key_taxa", map.keyTaxa().subList(0, Math.min(20, map.keyTaxa().size())));
        s.put("figures", List.of(ClassifierFigures.roc(map), ClassifierFigures.calibration(map)));
        return s;
    }

    private static Map<String, Object> performance(ReferenceMap.Performance p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("auroc", p.auroc());
        m.put("auroc_lower", p.aurocLower());
        m.put("auroc_upper", p.aurocUpper());
        m.put("auprc", p.auprc());
        m.put("balanced_accuracy", p.balancedAccuracy());
        m.put("threshold", p.threshold());
        m.put("cases", p.cases());
        m.put("controls", p.controls());
        m.put("repeats", p.repeats());
        m.put("folds", p.folds());
        return m;
    }

    private static MapBuilder.Settings settings(JobRequest r, StoredCohort c) {
        ElasticNetCv.Settings cv = new ElasticNetCv.Settings(r.integer("cv_repeats", 5, 1, 20), r.integer("cv_folds", 5, 2, 10),
                r.integer("inner_folds", 5, 2, 10), r.number("alpha", 1, 0.01, 1), r.seed("seed", 0));
        return new MapBuilder.Settings(c.row().groupColumn(), c.design().reference(), c.covariates(), c.dropIncomplete(), c.minPrevalence(),
                cv, r.integer("trees", MapBuilder.Settings.DEFAULT_TREES, 0, 2000));
    }

    private static String title(JobRequest r, StoredCohort c) {
        return "Map " + r.text("name", c.row().name() + " map") + " (" + c.row().groupColumn() + ", healthy " + c.design().reference() + ")";
    }
}
