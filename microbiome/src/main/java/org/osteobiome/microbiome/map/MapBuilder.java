package org.osteobiome.microbiome.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Quantiles;
import org.osteobiome.microbiome.classify.ElasticNetCv;
import org.osteobiome.microbiome.classify.RandomForestCv;
import org.osteobiome.microbiome.classify.ElasticNetLogistic;
import org.osteobiome.microbiome.classify.Roc;
import org.osteobiome.microbiome.cohort.CohortDesign;
import org.osteobiome.microbiome.cohort.DifferentialAbundance;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;
import org.osteobiome.microbiome.metadata.SampleMetadata;
import org.osteobiome.microbiome.ordination.Ordination;
import org.osteobiome.microbiome.ordination.Pcoa;
import org.osteobiome.microbiome.table.FeatureTable;

/**
 * Builds a {@link ReferenceMap} from a cohort: the design and differential abundance ({@link DifferentialAbundance}),
 * the retained taxa's CLR profiles (relative abundance + ε, ε half the smallest positive retained relative
 * abundance), the healthy-vs-at-risk elastic-net classifier under repeated nested cross-validation
 * ({@link ElasticNetCv}), the indices ({@link MapIndices}), per-group quantiles of every taxon and index, and the
 * Aitchison PCoA of the reference samples.
 */
public final class MapBuilder {
    private MapBuilder() {
    }

    /** Quantile levels stored for every taxon and index: 0, 5, …, 100%. */
    static final double[] QUANTILES = java.util.stream.IntStream.rangeClosed(0, 20).mapToDouble(i -> i / 20.0).toArray();

    /**
     * @param groupColumn    metadata column with the groups
     * @param healthy        the healthy value of that column
     * @param covariates     covariates of the differential-abundance model
     * @param dropIncomplete leave out samples with missing values instead of refusing
     * @param minPrevalence  taxa kept: present in at least this share of samples
     * @param cv             cross-validation settings (its seed is the map's seed)
     */
    /** @param trees trees of the random forest cross-validated beside the elastic net (0: none) */
    public record Settings(String groupColumn, String healthy, List<String> covariates, boolean dropIncomplete,
                           double minPrevalence, ElasticNetCv.Settings cv, int trees) {
        public static final int DEFAULT_TREES = 500;

        public Settings(String groupColumn, String healthy, List<String> covariates, boolean dropIncomplete, double minPrevalence,
                        ElasticNetCv.Settings cv) {
            this(groupColumn, healthy, covariates, dropIncomplete, minPrevalence, cv, DEFAULT_TREES);
        }
    }

    /** Where the map came from, written into it. */
    public record Provenance(String toolVersion, String command, List<ReferenceMap.InputFile> inputs, String dataLabel,
                             String rank) {
    }

    /**
     * @param progress told the number of cross-validation fits done, out of {@link #fitCount}
     */
    public static ReferenceMap build(FeatureTable table, String tableName, SampleMetadata metadata, Settings settings,
                                     Provenance provenance, int threads, IntConsumer progress) {
        CohortDesign design = CohortDesign.build(table.sampleIds(), metadata, settings.groupColumn(), settings.healthy(),
                settings.covariates(), settings.dropIncomplete());
        DifferentialAbundance.Result da = DifferentialAbundance.test(table, tableName, design,
                new DifferentialAbundance.Options(settings.minPrevalence(), 0, Double.NaN));
        FeatureTable t = table.selectSamples(design.tableRows());
        int n = t.sampleCount();
        Set<String> retainedIds = new LinkedHashSet<>();
        for (DifferentialAbundance.Row r : da.rows()) {
            retainedIds.add(r.taxon());
        }
        int[] retained = t.featureIds().stream().filter(retainedIds::contains).mapToInt(t::featureIndex).toArray();
        List<String> features = Arrays.stream(retained).mapToObj(f -> t.featureIds().get(f)).toList();
        List<String> names = Arrays.stream(retained).mapToObj(f -> MapAlignment.nameOf(t, f)).toList();
        double[][] rel = relative(t, retained);
        double epsilon = Double.POSITIVE_INFINITY;
        for (double[] row : rel) {
            for (double v : row) {
                if (v > 0) {
                    epsilon = Math.min(epsilon, v / 2);
                }
            }
        }
        double[][] clr = new double[n][];
        for (int s = 0; s < n; s++) {
            clr[s] = MapIndices.clr(rel[s], epsilon);
        }
        int[] y = new int[n];
        for (int s = 0; s < n; s++) {
            y[s] = design.groups()[s] == 0 ? 0 : 1;
        }
        ElasticNetCv.Result cv = ElasticNetCv.run(clr, y, settings.cv(), threads, progress);
        ReferenceMap.Classifier classifier = classifier(cv, y, settings.cv());
        ReferenceMap.Forest forest = null;
        if (settings.trees() > 0) {
            int offset = settings.cv().repeats() * settings.cv().folds();
            RandomForestCv.Result rf = RandomForestCv.run(clr, y, settings.cv(), settings.trees(), threads,
                    done -> progress.accept(offset + done));
            forest = new ReferenceMap.Forest(rf.trees(), rf.mtry(), rf.foldMtry(), rf.importance(), rf.stability(),
                    performance(rf.outOfFold(), rf.perRepeatAuc(), y, settings.cv()));
        }

        List<ReferenceMap.IndexDefinition> indices = MapIndices.definitions(da, features, design.groupTerms());
        double[][] indexValues = new double[indices.size()][];
        for (int i = 0; i < indices.size(); i++) {
            indexValues[i] = MapIndices.values(indices.get(i), t, features, clr);
        }
        List<ReferenceMap.GroupReference> groups = new ArrayList<>();
        for (int g = 0; g < design.levels().size(); g++) {
            final int level = g;
            int[] members = java.util.stream.IntStream.range(0, n).filter(s -> design.groups()[s] == level).toArray();
            double[][] taxonQuantiles = new double[features.size()][];
            double[] prevalence = new double[features.size()];
            for (int j = 0; j < features.size(); j++) {
                final int col = j;
                double[] values = Arrays.stream(members).mapToDouble(s -> rel[s][col]).toArray();
                taxonQuantiles[j] = quantiles(values);
                prevalence[j] = Arrays.stream(values).filter(v -> v > 0).count() / (double) members.length;
            }
            double[][] indexQuantiles = new double[indices.size()][];
            for (int i = 0; i < indices.size(); i++) {
                final int idx = i;
                indexQuantiles[i] = quantiles(Arrays.stream(members).mapToDouble(s -> indexValues[idx][s]).toArray());
            }
            groups.add(new ReferenceMap.GroupReference(design.levels().get(g), members.length, taxonQuantiles, prevalence,
                    indexQuantiles));
        }
        double[] depths = t.sampleTotals();
        double referenceDepth = t.isIntegral() ? median(depths) : 0;
        List<ReferenceMap.KeyTaxon> key = da.rows().stream()
                .sorted(Comparator.comparingDouble((DifferentialAbundance.Row r) -> Double.isNaN(r.qValue()) ? 2 : r.qValue()))
                .limit(200)
                .map(r -> new ReferenceMap.KeyTaxon(r.taxon(), r.term(), r.log2FoldChange(), r.qValue(), r.status()))
                .toList();
        return new ReferenceMap(MapFile.FORMAT_VERSION, provenance.toolVersion(), provenance.command(), settings.cv().seed(),
                provenance.inputs(), provenance.dataLabel(), provenance.rank(), settings.groupColumn(), design.reference(),
                design.levels(), design.groupSizes(), settings.covariates(), da.filter().describe(), features, names,
                epsilon, referenceDepth, QUANTILES, groups, indices, ordination(design, clr), classifier, key, forest);
    }

    /** Cross-validation fits a build makes (for a progress bar). */
    public static int fitCount(Settings settings) {
        return settings.cv().repeats() * settings.cv().folds() * (settings.trees() > 0 ? 2 : 1);
    }

    /** Cross-validated performance of repeat-averaged out-of-fold probabilities. */
    private static ReferenceMap.Performance performance(double[] p, double[] perRepeatAuc, int[] y, ElasticNetCv.Settings settings) {
        Roc roc = Roc.of(p, y, 0.95);
        int cases = Arrays.stream(y).sum();
        int controls = y.length - cases;
        double threshold = (double) cases / y.length;
        int tp = 0;
        int tn = 0;
        for (int i = 0; i < y.length; i++) {
            boolean positive = p[i] >= threshold;
            tp += positive && y[i] == 1 ? 1 : 0;
            tn += !positive && y[i] == 0 ? 1 : 0;
        }
        double balanced = 0.5 * ((double) tp / cases + (double) tn / controls);
        double[][] curve = Roc.curve(p, y);
        // calibration: ten equal-width bins of predicted probability
        double[] predicted = new double[10];
        double[] observed = new double[10];
        int[] counts = new int[10];
        for (int i = 0; i < y.length; i++) {
            int bin = Math.min(9, (int) (p[i] * 10));
            predicted[bin] += p[i];
            observed[bin] += y[i];
            counts[bin]++;
        }
        for (int b = 0; b < 10; b++) {
            predicted[b] = counts[b] > 0 ? predicted[b] / counts[b] : 0;
            observed[b] = counts[b] > 0 ? observed[b] / counts[b] : 0;
        }
        return new ReferenceMap.Performance(settings.repeats(), settings.folds(), settings.innerFolds(), cases, controls, roc.auc(),
                roc.lower(), roc.upper(), perRepeatAuc, Roc.averagePrecision(p, y), balanced, threshold, curve[0], curve[1], predicted,
                observed, counts);
    }

    private static ReferenceMap.Classifier classifier(ElasticNetCv.Result cv, int[] y, ElasticNetCv.Settings settings) {
        ReferenceMap.Performance perf = performance(cv.outOfFold(), cv.perRepeatAuc(), y, settings);
        List<ElasticNetLogistic.Model> folds = cv.foldModels();
        double[] foldIntercepts = folds.stream().mapToDouble(ElasticNetLogistic.Model::intercept).toArray();
        double[][] foldCoefficients = folds.stream().map(ElasticNetLogistic.Model::coefficients).toArray(double[][]::new);
        ElasticNetLogistic.Model m = cv.finalModel();
        return new ReferenceMap.Classifier(m.alpha(), m.lambda(), m.intercept(), m.coefficients(), foldIntercepts,
                foldCoefficients, cv.stability(), perf);
    }

    private static ReferenceMap.Ordination ordination(CohortDesign design, double[][] clr) {
        int n = clr.length;
        double[] condensed = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                condensed[k++] = Math.sqrt(MapIndices.squaredDistance(clr[i], clr[j]));
            }
        }
        DistanceMatrix dm = new DistanceMatrix(design.samples(), condensed);
        Ordination o = n <= Pcoa.EXACT_LIMIT ? Pcoa.exact(dm) : Pcoa.randomized(dm, 2, 1);
        int axes = Math.min(2, o.axes());
        if (axes < 1) {
            throw OsteobiomeException.invalid("the reference samples do not differ; a map needs a cohort with varied profiles");
        }
        double[][] coords = new double[n][axes];
        for (int i = 0; i < n; i++) {
            coords[i] = Arrays.copyOf(o.coordinates()[i], axes);
        }
        double limit = 0;
        for (int i = 0; i < n; i++) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    nearest = Math.min(nearest, dm.get(i, j));
                }
            }
            limit = Math.max(limit, nearest);
        }
        return new ReferenceMap.Ordination("aitchison", design.samples(), design.groups(), Arrays.copyOf(o.eigenvalues(), axes),
                Arrays.copyOf(o.proportionExplained(), axes), coords, Pcoa.centredDiagonal(dm), clr, limit);
    }

    static double[][] relative(FeatureTable t, int[] retained) {
        int n = t.sampleCount();
        double[][] rel = new double[n][retained.length];
        for (int s = 0; s < n; s++) {
            double total = t.sampleTotal(s);
            double[] dense = t.denseSample(s);
            for (int j = 0; j < retained.length; j++) {
                rel[s][j] = total > 0 ? dense[retained[j]] / total : 0;
            }
        }
        return rel;
    }

    static double[] quantiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return Arrays.stream(QUANTILES).map(p -> Quantiles.of(sorted, p)).toArray();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return Quantiles.of(s, 0.5);
    }
}
