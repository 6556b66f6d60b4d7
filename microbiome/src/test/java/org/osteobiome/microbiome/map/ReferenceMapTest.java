package org.osteobiome.microbiome.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.microbiome.SharedData;
import org.osteobiome.microbiome.classify.ElasticNetCv;
import org.osteobiome.microbiome.classify.Roc;
import org.osteobiome.microbiome.io.FeatureTables;
import org.osteobiome.microbiome.synthetic.SyntheticCohort;
import org.osteobiome.microbiome.table.FeatureTable;
import org.osteobiome.microbiome.table.Rank;
import org.osteobiome.microbiome.table.TaxonomyCollapse;

/** Building, writing, reading and scoring a reference map on simulated cohorts around Karlsson 2013. */
class ReferenceMapTest {
    private static SyntheticCohort.Base base;

    @BeforeAll
    static void fitBase() {
        FeatureTable raw = FeatureTables.read(SharedData.data("real/karlsson2013/taxatable.txt")).table();
        base = SyntheticCohort.Base.fit(TaxonomyCollapse.collapse(raw, Rank.GENUS, "taxatable.txt"));
    }

    static Map<String, Double> effects(double size, long seed) {
        SplittableRandom pick = new SplittableRandom(seed);
        Map<String, Double> effects = new HashMap<>();
        double[] mean = base.meanAbundance();
        while (effects.size() < 12) {
            int f = pick.nextInt(base.featureIds().size());
            if (mean[f] > 1e-3) {
                effects.put(base.featureIds().get(f), effects.size() % 2 == 0 ? -size : size);
            }
        }
        return effects;
    }

    static ReferenceMap build(SyntheticCohort.Cohort cohort, long seed) {
        MapBuilder.Settings settings = new MapBuilder.Settings("bone_status", "normal", List.of("age", "bmi"), false, 0.25,
                new ElasticNetCv.Settings(2, 5, 5, 1, seed));
        MapBuilder.Provenance provenance = new MapBuilder.Provenance("test", "test", List.of(), "simulated cohort", "genus");
        return MapBuilder.build(cohort.table(), "simulated", cohort.metadata(), settings, provenance, 2, done -> { });
    }

    @Test
    void withoutPlantedShiftsTheCrossValidatedAurocIntervalHoldsOneHalf() {
        SyntheticCohort.Cohort cohort = SyntheticCohort.generate(base, 240, Map.of(), 11);
        ReferenceMap map = build(cohort, 3);
        for (ReferenceMap.Performance p : List.of(map.classifier().performance(), map.forest().performance())) {
            System.out.printf("null cohort: CV AUROC %.3f [%.3f, %.3f]%n", p.auroc(), p.aurocLower(), p.aurocUpper());
            assertThat(p.aurocLower()).isLessThanOrEqualTo(0.5);
            assertThat(p.aurocUpper()).isGreaterThanOrEqualTo(0.5);
        }
    }

    /**
     * The planted shifts allow at most what an oracle that knows them reaches: the AUROC of the score
     * Σ_f effect_f · CLR_f / var_f (planted taxa f, var_f their CLR variance among healthy women — the linear
     * discriminant for independent Gaussian features) on 4,000 fresh women from the same generator. The map's
     * cross-validated AUROC must lie above one half (its DeLong interval excludes it) and not above that bound
     * (beyond the bound's own DeLong half-width).
     */
    @Test
    void plantedShiftsGiveACrossValidatedAurocBetweenChanceAndTheOracleBound() {
        Map<String, Double> effects = effects(0.8, 21);
        SyntheticCohort.Cohort cohort = SyntheticCohort.generate(base, 300, effects, 22);
        ReferenceMap map = build(cohort, 4);
        ReferenceMap.Performance p = map.classifier().performance();

        SyntheticCohort.Cohort fresh = SyntheticCohort.generate(base, 4000, effects, 23);
        List<String> planted = new ArrayList<>(effects.keySet());
        int[] columns = planted.stream().mapToInt(id -> fresh.table().featureIndex(id)).toArray();
        double epsilon = map.epsilon();
        int n = fresh.table().sampleCount();
        double[][] clr = new double[n][];
        int[] retained = map.features().stream().mapToInt(id -> fresh.table().featureIndex(id)).toArray();
        double[][] rel = MapBuilder.relative(fresh.table(), retained);
        int[] y = new int[n];
        for (int s = 0; s < n; s++) {
            clr[s] = MapIndices.clr(rel[s], epsilon);
            y[s] = fresh.women().get(s).boneStatus().equals("normal") ? 0 : 1;
        }
        double[] weights = new double[planted.size()];
        int[] mapColumn = new int[planted.size()];
        for (int k = 0; k < planted.size(); k++) {
            mapColumn[k] = map.featureIndex(planted.get(k));
            final int col = mapColumn[k];
            if (col < 0) {
                continue; // a planted taxon the prevalence filter dropped carries no signal the map could use
            }
            double[] healthy = java.util.stream.IntStream.range(0, n).filter(s -> y[s] == 0).mapToDouble(s -> clr[s][col]).toArray();
            double mean = java.util.Arrays.stream(healthy).average().orElse(0);
            double var = java.util.Arrays.stream(healthy).map(v -> (v - mean) * (v - mean)).sum() / (healthy.length - 1);
            weights[k] = effects.get(planted.get(k)) / var;
        }
        double[] oracle = new double[n];
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < planted.size(); k++) {
                oracle[s] += mapColumn[k] < 0 ? 0 : weights[k] * clr[s][mapColumn[k]];
            }
        }
        Roc bound = Roc.of(oracle, y, 0.95);
        System.out.printf("planted cohort: CV AUROC %.3f [%.3f, %.3f]; oracle bound %.3f [%.3f, %.3f]%n", p.auroc(),
                p.aurocLower(), p.aurocUpper(), bound.auc(), bound.lower(), bound.upper());
        assertThat(columns).doesNotContain(-1);
        assertThat(p.aurocLower()).isGreaterThan(0.5);
        assertThat(p.auroc()).isLessThanOrEqualTo(bound.upper());
        ReferenceMap.Performance forest = map.forest().performance();
        System.out.printf("planted cohort: random forest CV AUROC %.3f [%.3f, %.3f]%n", forest.auroc(), forest.aurocLower(),
                forest.aurocUpper());
        assertThat(forest.aurocLower()).as("the forest finds the planted shifts too").isGreaterThan(0.5);
        assertThat(forest.auroc()).as("and no more than they allow").isLessThanOrEqualTo(bound.upper());
    }

    @Test
    void aSampleFromTheCohortLandsOnItsOwnPlaceAndTheMapSurvivesAWriteAndRead(@TempDir Path dir) {
        SyntheticCohort.Cohort cohort = SyntheticCohort.generate(base, 120, effects(0.8, 5), 6);
        ReferenceMap map = build(cohort, 7);
        Path file = dir.resolve("cohort.osmap");
        MapFile.write(map, file);
        ReferenceMap read = MapFile.read(file);
        assertThat(read.features()).isEqualTo(map.features());
        assertThat(read.classifier().coefficients()).containsExactly(map.classifier().coefficients());

        List<MapScorer.Score> scores = MapScorer.score(read, cohort.table(), "simulated");
        for (int s = 0; s < 5; s++) {
            int ref = read.ordination().sampleIds().indexOf(cohort.table().sampleIds().get(s));
            assertThat(scores.get(s).coordinates()[0]).isCloseTo(read.ordination().coordinates()[ref][0], offset(1e-8));
            assertThat(scores.get(s).coordinates()[1]).isCloseTo(read.ordination().coordinates()[ref][1], offset(1e-8));
            assertThat(scores.get(s).probability()).isBetween(0.0, 1.0);
            assertThat(scores.get(s).lower()).isLessThanOrEqualTo(scores.get(s).upper());
            assertThat(scores.get(s).matched()).isEqualTo(read.features().size());
        }
        // same seed, same map: the same file, byte for byte
        Path again = dir.resolve("again.osmap");
        MapFile.write(build(cohort, 7), again);
        try {
            assertThat(java.nio.file.Files.readAllBytes(again)).isEqualTo(java.nio.file.Files.readAllBytes(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void editedDamagedNewerAndForeignMapsAreRefused(@TempDir Path dir) throws IOException {
        SyntheticCohort.Cohort cohort = SyntheticCohort.generate(base, 80, effects(0.8, 5), 8);
        Path file = dir.resolve("m.osmap");
        MapFile.write(build(cohort, 1), file);
        String text = gunzip(file);
        Path edited = dir.resolve("edited.osmap");
        gzip(edited, text.replaceFirst("\"healthy\":\"normal\"", "\"healthy\":\"osteopenia\""));
        assertThatThrownBy(() -> MapFile.read(edited)).isInstanceOf(OsteobiomeException.class)
                .hasMessageContaining("edited.osmap").hasMessageContaining("checksum");
        Path newer = dir.resolve("newer.osmap");
        gzip(newer, text.replaceFirst("\"format_version\":" + MapFile.FORMAT_VERSION, "\"format_version\":7"));
        assertThatThrownBy(() -> MapFile.read(newer)).hasMessageContaining("format version 7").hasMessageContaining("upgrade");
        Path truncated = dir.resolve("truncated.osmap");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> MapFile.read(truncated)).isInstanceOf(OsteobiomeException.class).hasMessageContaining("truncated.osmap");
        Path foreign = dir.resolve("table.osmap");
        Files.writeString(foreign, "#OTU ID\ts1\n");
        assertThatThrownBy(() -> MapFile.read(foreign)).hasMessageContaining("not an osteobiome map");
    }

    @Test
    void aSampleWithNoTaxonInCommonIsRefusedWithTheFix() {
        SyntheticCohort.Cohort cohort = SyntheticCohort.generate(base, 80, effects(0.8, 5), 9);
        ReferenceMap map = build(cohort, 1);
        FeatureTable other = FeatureTable.builder("other", List.of("x1"), List.of("OTU_1", "OTU_2")).add(0, 0, 5, "t")
                .add(0, 1, 7, "t").build();
        assertThatThrownBy(() -> MapScorer.score(map, other, "other.tsv")).isInstanceOf(OsteobiomeException.class)
                .hasMessageContaining("other.tsv").hasMessageContaining("no taxon in common").hasMessageContaining("genus");
        FeatureTable oneShared = FeatureTable.builder("one", List.of("x1"), List.of(map.features().get(0), "OTU_2")).add(0, 0, 5, "t")
                .add(0, 1, 7, "t").build();
        assertThatThrownBy(() -> MapScorer.score(map, oneShared, "one.tsv")).isInstanceOf(OsteobiomeException.class)
                .hasMessageContaining("one.tsv").hasMessageContaining("shares only 1 of the map's");
    }

    private static String gunzip(Path file) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void gzip(Path file, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        Files.write(file, bytes.toByteArray());
    }
}
