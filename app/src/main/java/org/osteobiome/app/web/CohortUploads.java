package org.osteobiome.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.osteobiome.app.service.CohortOverview;
import org.osteobiome.app.service.Provenance;
import org.osteobiome.app.web.auth.Principal;
import org.osteobiome.app.web.store.Store;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.io.FeatureTables;
import org.osteobiome.microbiome.io.TableFileFormat;
import org.osteobiome.microbiome.metadata.MetadataReader;
import org.osteobiome.microbiome.metadata.SampleMetadata;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.table.Rank;
import org.osteobiome.microbiome.table.TaxonomyCollapse;

/**
 * A cohort upload: both files are parsed and the overview computed before anything is stored, then the cohort and its
 * overview go into the database in one transaction — all or nothing. Errors name the uploaded file (never the
 * server's temporary path) and the fix.
 */
public final class CohortUploads {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int PERMUTATIONS = 999;
    static final long SEED = 1;

    private CohortUploads() {
    }

    public static long upload(Context ctx, Services services, Principal p, Store.Project project) throws IOException {
        if (!p.may(project.teamId(), Store.Role.RESEARCHER)) {
            throw HttpError.forbidden("uploading cohorts needs the researcher or admin role in " + project.teamName());
        }
        UploadedFile tableFile = Uploads.file(ctx, "table", services);
        UploadedFile metadataFile = Uploads.file(ctx, "metadata", services);
        if (tableFile == null || tableFile.size() == 0) {
            throw HttpError.badRequest("choose a feature table file (BIOM, QIIME 2 .qza, TSV or MetaPhlAn)");
        }
        if (metadataFile == null || metadataFile.size() == 0) {
            throw HttpError.badRequest("choose a sample metadata file (TSV or CSV, one row per sample)");
        }
        String group = ctx.formParam("group_column");
        if (group == null || group.isBlank()) {
            throw HttpError.badRequest("name the metadata column with the groups (e.g. bone_status)");
        }
        String name = ctx.formParam("name") == null || ctx.formParam("name").isBlank() ? tableFile.filename() : ctx.formParam("name").strip();
        if (name.length() > 200) {
            throw HttpError.badRequest("a cohort name may have at most 200 characters");
        }
        String rank = ctx.formParam("rank");
        try (Uploads files = new Uploads()) {
            return store(services, p, project, files, files.save(tableFile, "t", "table"), tableFile.filename(),
                    files.save(metadataFile, "m", "metadata.tsv"), metadataFile.filename(), name, group, rank);
        }
    }

    /** Stores a cohort from two files on this machine (the demo data), as an upload of them would. */
    public static long store(Services services, Principal p, Store.Project project, Path table, Path metadata, String name, String group,
                             String rank) throws IOException {
        try (Uploads files = new Uploads(); InputStream t = Files.newInputStream(table); InputStream m = Files.newInputStream(metadata)) {
            String tableFile = table.getFileName().toString();
            String metadataFile = metadata.getFileName().toString();
            return store(services, p, project, files, files.save(t, tableFile, "t", "table"), tableFile, files.save(m, metadataFile, "m",
                    "metadata.tsv"), metadataFile, name, group, rank);
        }
    }

    private static long store(Services services, Principal p, Store.Project project, Uploads files, Uploads.Saved savedTable,
                              String tableFileName, Uploads.Saved savedMetadata, String metadataFileName, String name, String group,
                              String rank) throws IOException {
        String tableName = savedTable.name();
        Path tablePath = savedTable.path();
        Path metadataPath = savedMetadata.path();
        String tableSha = savedTable.sha256();
        String metadataSha = savedMetadata.sha256();
        FeatureTable table;
        FeatureTables.Loaded loaded;
        SampleMetadata metadata;
        CohortOverview.Result overview;
        try {
            loaded = FeatureTables.read(tablePath);
            table = loaded.table();
            if (rank != null && !rank.isBlank()) {
                table = TaxonomyCollapse.collapse(table, Rank.parse(rank), tableName);
            } else if (table.isCumulative()) {
                throw OsteobiomeException.invalid(tableName + " is a cumulative profile (rows at several ranks); choose a rank");
            }
            metadata = MetadataReader.read(metadataPath);
            FeatureTable analysed = table;
            overview = services.compute(() -> CohortOverview.run(analysed, tableName, metadata, group.strip(), PERMUTATIONS, SEED,
                    services.settings().jobThreads()));
        } catch (OsteobiomeException e) {
            throw HttpError.badRequest(files.clean(e.getMessage()));
        } catch (OutOfMemoryError e) {
            throw HttpError.badRequest(tableName + " expands to more than this server can hold in memory; is it a zip bomb? Upload"
                    + " the table itself (BIOM or TSV)");
        }
        Path canonical = files.dir().resolve("table.tsv");
        FeatureTables.write(table, TableFileFormat.TSV, canonical);
        String tsv = Files.readString(canonical, StandardCharsets.UTF_8);
        String metadataText = Files.readString(metadataPath, StandardCharsets.UTF_8);
        Store.CohortUpload upload = new Store.CohortUpload(name, tableFileName, loaded.format().id(), tableSha, tsv,
                metadataFileName, metadataSha, metadataText, group.strip(), table.sampleCount(), table.featureIds().size(),
                rank == null || rank.isBlank() ? null : Rank.parse(rank).name().toLowerCase(java.util.Locale.ROOT));
        Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put("group column", group.strip());
        options.put("rank", rank == null || rank.isBlank() ? "as uploaded" : rank);
        options.put("distance", "Bray–Curtis");
        options.put("permutations", String.valueOf(PERMUTATIONS));
        Provenance provenance = Provenance.of("cohort overview", options, Map.of(tableFileName + " (SHA-256)", tableSha,
                metadataFileName + " (SHA-256)", metadataSha), SEED, "none (no model run)");
        String payload = JSON.writeValueAsString(Map.of("cohort", name, "overview", overview));
        String provenanceJson = JSON.writeValueAsString(provenance);
        String title = "Cohort " + name + " by " + group.strip();
        return services.with(s -> {
            long result = s.createResult(project.id(), "cohort", title, provenanceJson, payload, p.user().id());
            long cohort = s.createCohort(project.id(), upload, result, p.user().id());
            s.audit(p.user().id(), project.teamId(), "upload cohort", "cohort " + cohort, name + ": " + upload.samples() + " samples, "
                    + upload.taxa() + " taxa");
            return result;
        });
    }
}
