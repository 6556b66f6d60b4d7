package org.osteobiome.app.web.jobs;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.osteobiome.app.web.store.Store;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.cohort.CohortDesign;
import org.osteobiome.microbiome.io.FeatureTables;
import org.osteobiome.microbiome.metadata.MetadataReader;
import org.osteobiome.microbiome.metadata.SampleMetadata;
import org.osteobiome.microbiome.table.FeatureTable;

/**
 * A cohort stored by an upload, read back for an analysis: its table (canonical TSV), metadata and the design a job's
 * fields ({@code cohort}, {@code healthy}, {@code covariates}, {@code drop_incomplete}) describe.
 */
record StoredCohort(Store.Cohort row, FeatureTable table, SampleMetadata metadata, CohortDesign design, List<String> covariates,
                    double minPrevalence, boolean dropIncomplete) {

    /** The cohort the request names, when it belongs to the project. */
    static Store.Cohort find(JobRequest r, long projectId, Store store) throws java.sql.SQLException {
        int id = r.integer("cohort", 0, 1, Integer.MAX_VALUE);
        return store.cohorts(projectId).stream().filter(c -> c.id() == id).findFirst().orElseThrow(() ->
                OsteobiomeException.invalid("field 'cohort': this project has no cohort " + id + "; upload one first"));
    }

    static StoredCohort load(JobRequest r, Store.Cohort c) {
        FeatureTable table = table(c);
        SampleMetadata metadata;
        try {
            metadata = MetadataReader.read(c.metadataFile(), new StringReader(c.metadataText()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String healthy = r.required("healthy", "the healthy (reference) value of " + c.groupColumn());
        List<String> covariates = r.list("covariates");
        boolean drop = r.flag("drop_incomplete");
        CohortDesign design = CohortDesign.build(table.sampleIds(), metadata, c.groupColumn(), healthy, covariates, drop);
        return new StoredCohort(c, table, metadata, design, covariates, r.number("min_prevalence", 0.25, 0, 1), drop);
    }

    private static FeatureTable table(Store.Cohort c) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("osteobiome-cohort");
            Path file = dir.resolve("table.tsv");
            Files.writeString(file, c.tableTsv(), StandardCharsets.UTF_8);
            return FeatureTables.read(file).table();
        } catch (IOException e) {
            throw new IllegalStateException("cannot stage the stored cohort: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                try {
                    Files.deleteIfExists(dir.resolve("table.tsv"));
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    // left for the system's temporary-file cleanup
                }
            }
        }
    }
}
