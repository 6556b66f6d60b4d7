package org.osteobiome.microbiome.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osteobiome.core.testing.FileDamage.assertReadOrRefused;
import static org.osteobiome.core.testing.FileDamage.bytes;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.osteobiome.core.testing.FileDamage;
import org.osteobiome.core.testing.FileDamage.Mutation;
import org.osteobiome.microbiome.SharedData;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;
import org.osteobiome.microbiome.metadata.MetadataReader;
import org.osteobiome.microbiome.metadata.SampleMetadata;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.tree.Newick;
import org.osteobiome.microbiome.tree.PhyloTree;

/**
 * Damaged copies of real files in every format the microbiome readers take — feature tables (BIOM 1.0 JSON, BIOM 2.1
 * HDF5, QIIME 2 .qza, TSV, lineage tables, MetaPhlAn), sample metadata, Newick trees and distance matrices (lsmat, ssu HDF5). The
 * property: a read whose result is well formed (finite, non-negative values; unique ids), or an
 * {@link org.osteobiome.core.OsteobiomeException} whose message names the file — never another exception type, an
 * out-of-memory error or a hang. Seeded, so a failure reproduces.
 */
class ReaderFuzzTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    /** The MetaPhlAn profile is synthetic (src/test/resources/fuzz, written for this test); the rest is data/. */
    private static final Map<String, Path> TABLES = Map.of(
            "rich_sparse_otu_table.biom", SharedData.data("formats/biom/rich_sparse_otu_table.biom"),
            "min_sparse_otu_table.biom", SharedData.data("formats/biom/min_sparse_otu_table.biom"),
            "rich_sparse_otu_table_hdf5.biom", SharedData.data("formats/biom/rich_sparse_otu_table_hdf5.biom"),
            "crawford.biom", SharedData.data("formats/unifrac-crawford/crawford.biom"),
            "table.qza", SharedData.data("formats/qiime2/table.qza"),
            "otutable.txt", SharedData.data("real/claesson2012/otutable.txt"),
            "taxatable.txt", SharedData.data("real/karlsson2013/taxatable.txt"),
            "metaphlan-merged.txt", Path.of("src/test/resources/fuzz/metaphlan-merged.txt"));

    private static final Map<String, Path> METADATA = Map.of(
            "sample-metadata.tsv", SharedData.data("formats/qiime2/sample-metadata.tsv"),
            "mapping-orig.txt", SharedData.data("real/karlsson2013/mapping-orig.txt"),
            "mapping-suppl.txt", SharedData.data("real/claesson2012/mapping-suppl.txt"));

    private static final Map<String, Path> TREES = Map.of("crawford.tre", SharedData.data("formats/unifrac-crawford/crawford.tre"));

    private static final Map<String, Path> MATRICES = Map.of(
            "crawford-braycurtis.lsmat", SharedData.fixture("crawford-braycurtis.lsmat"),
            "crawford-unweighted-unifrac-ssu.lsmat", SharedData.fixture("crawford-unweighted-unifrac-ssu.lsmat"),
            "crawford-unweighted-unifrac-ssu-fp64.h5", SharedData.fixture("crawford-unweighted-unifrac-ssu-fp64.h5"),
            "crawford-unweighted-unifrac-ssu-fp32.h5", SharedData.fixture("crawford-unweighted-unifrac-ssu-fp32.h5"));

    @Provide
    Arbitrary<Mutation> tables() {
        return FileDamage.mutations(List.copyOf(TABLES.keySet()));
    }

    @Provide
    Arbitrary<Mutation> metadata() {
        return FileDamage.mutations(List.copyOf(METADATA.keySet()));
    }

    @Provide
    Arbitrary<Mutation> trees() {
        return FileDamage.mutations(List.copyOf(TREES.keySet()));
    }

    @Provide
    Arbitrary<Mutation> matrices() {
        return FileDamage.mutations(List.copyOf(MATRICES.keySet()));
    }

    @Property(tries = 300, seed = "20261206")
    void damagedTablesAreReadOrRefusedNamingTheFile(@ForAll("tables") Mutation m) throws IOException {
        check(TABLES, m, file -> {
            FeatureTable table = FeatureTables.read(file).table();
            assertThat(table.sampleCount()).isPositive();
            assertUnique(table.sampleIds());
            assertUnique(table.featureIds());
            for (int e = 0; e < table.nonZeroCount(); e++) {
                assertThat(table.valueAt(e)).as("value %d of %s", e, m).isFinite().isNotNegative();
            }
        });
    }

    @Property(tries = 200, seed = "20261206")
    void damagedMetadataIsReadOrRefusedNamingTheFile(@ForAll("metadata") Mutation m) throws IOException {
        check(METADATA, m, file -> {
            SampleMetadata metadata = MetadataReader.read(file);
            assertThat(metadata.sampleIds()).isNotEmpty();
            assertUnique(metadata.sampleIds());
            assertUnique(metadata.columns());
        });
    }

    @Property(tries = 200, seed = "20261206")
    void damagedTreesAreReadOrRefusedNamingTheFile(@ForAll("trees") Mutation m) throws IOException {
        check(TREES, m, file -> {
            PhyloTree tree = Newick.read(file);
            assertThat(tree.tipCount()).isPositive();
            for (int v = 0; v < tree.nodeCount(); v++) {
                assertThat(tree.length(v)).as("branch %d of %s", v, m).isFinite().isNotNegative();
            }
        });
    }

    @Property(tries = 200, seed = "20261206")
    void damagedDistanceMatricesAreReadOrRefusedNamingTheFile(@ForAll("matrices") Mutation m) throws IOException {
        check(MATRICES, m, file -> {
            DistanceMatrix dm = DistanceMatrixFiles.read(file);
            assertThat(dm.size()).isPositive();
            assertUnique(dm.ids());
            for (double d : dm.condensed()) {
                assertThat(d).as("distance in %s", m).isFinite().isNotNegative();
            }
        });
    }

    private static void check(Map<String, Path> sources, Mutation m, Consumer<Path> reader) throws IOException {
        assertReadOrRefused(bytes(sources.get(m.source())), m, m.source(), LIMIT, reader);
    }

    private static void assertUnique(List<String> ids) {
        assertThat(new HashSet<>(ids)).as("unique ids").hasSameSizeAs(ids);
    }
}
