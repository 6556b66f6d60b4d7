package org.osteobiome.microbiome.map;

import java.util.List;

/**
 * A reference map of the gut microbiome built from one cohort: what it was built from, the taxa it keeps, per-group
 * reference distributions of every taxon and index, the reference ordination (for placing new samples), the
 * cross-validated classifier and the differential-abundance results behind it. Written and read by {@link MapFile}.
 *
 * @param formatVersion file format version ({@link MapFile#FORMAT_VERSION} when written by this version)
 * @param toolVersion   osteobiome version that built it
 * @param command       the command line that built it
 * @param seed          random seed of the cross-validation
 * @param inputs        the input files with their SHA-256 fingerprints
 * @param dataLabel     what the data are (e.g. "simulated cohort"), shown on every report
 * @param rank          taxonomic rank the table was collapsed to, or null for features as given
 * @param groupColumn   metadata column with the groups
 * @param healthy       its healthy (reference) value; every other value counts as at risk
 * @param levels        group levels, healthy first
 * @param groupSizes    samples per level
 * @param covariates    covariates of the differential-abundance model
 * @param filter        the prevalence filter, as printed
 * @param features      retained feature ids
 * @param featureNames  per feature, the name used to align new samples (deepest named rank, or the id)
 * @param epsilon       added to relative abundances before the CLR
 * @param referenceDepth median sequencing depth of the reference samples (0 for relative-abundance tables)
 * @param quantileLevels the probabilities (0–1) of every stored quantile row
 * @param groups        per level, its reference distributions
 * @param indices       the indices' definitions
 * @param ordination    the reference PCoA
 * @param classifier    the healthy-vs-at-risk classifier and its cross-validated performance
 * @param keyTaxa       differential-abundance results, most significant first
 * @param forest        the random forest beside the classifier, cross-validated on the same folds (format 2 on; null
 *                      in format-1 maps and when the build grew none)
 */
public record ReferenceMap(int formatVersion, String toolVersion, String command, long seed, List<InputFile> inputs,
                           String dataLabel, String rank, String groupColumn, String healthy, List<String> levels,
                           int[] groupSizes, List<String> covariates, String filter, List<String> features,
                           List<String> featureNames, double epsilon, double referenceDepth, double[] quantileLevels,
                           List<GroupReference> groups, List<IndexDefinition> indices, Ordination ordination,
                           Classifier classifier, List<KeyTaxon> keyTaxa, Forest forest) {

    /** An input file and its fingerprint. */
    public record InputFile(String role, String name, String sha256, long bytes) {
    }

    /**
     * @param level          group level
     * @param samples        how many samples
     * @param taxonQuantiles per feature, relative-abundance quantiles at {@code quantileLevels}
     * @param prevalence     per feature, share of samples in which it is present
     * @param indexQuantiles per index (in {@code indices} order), quantiles at {@code quantileLevels}
     */
    public record GroupReference(String level, int samples, double[][] taxonQuantiles, double[] prevalence,
                                 double[][] indexQuantiles) {
    }

    /**
     * @param name        short name
     * @param description what it is, with its source and caveats
     * @param unit        unit of the value
     * @param features    features it is computed from (the bone index: protective then risk taxa)
     * @param weights     their weights (+1 protective, −1 risk for the bone index; empty for genus sums)
     */
    public record IndexDefinition(String name, String description, String unit, List<String> features, double[] weights) {
    }

    /**
     * @param metric          distance
     * @param sampleIds       reference samples
     * @param groups          their level index
     * @param eigenvalues     of the kept axes
     * @param explained       share of the positive eigenvalue sum per kept axis
     * @param coordinates     [sample][axis]
     * @param centredDiagonal Gower's b_ii per sample
     * @param clr             [sample][feature] CLR values, for distances to new samples
     * @param nearestNeighbourLimit the largest distance of a reference sample to its nearest neighbour
     */
    public record Ordination(String metric, List<String> sampleIds, int[] groups, double[] eigenvalues, double[] explained,
                             double[][] coordinates, double[] centredDiagonal, double[][] clr, double nearestNeighbourLimit) {
    }

    /**
     * @param alpha            elastic-net mixing
     * @param lambda           penalty of the final model
     * @param intercept        final model intercept
     * @param coefficients     final model coefficients per feature (on the CLR scale)
     * @param foldIntercepts   every outer fold model's intercept
     * @param foldCoefficients every outer fold model's coefficients
     * @param stability        per feature, share of fold models in which it is non-zero
     * @param performance      cross-validated performance
     */
    public record Classifier(double alpha, double lambda, double intercept, double[] coefficients, double[] foldIntercepts,
                             double[][] foldCoefficients, double[] stability, Performance performance) {
    }

    /**
     * @param repeats          outer repeats
     * @param folds            outer folds
     * @param innerFolds       inner folds
     * @param cases            at-risk samples
     * @param controls         healthy samples
     * @param auroc            AUROC of the repeat-averaged out-of-fold probabilities
     * @param aurocLower       its DeLong 95% interval
     * @param aurocUpper       its DeLong 95% interval
     * @param perRepeatAuroc   each repeat's AUROC
     * @param auprc            average precision
     * @param balancedAccuracy at {@code threshold}
     * @param threshold        probability threshold: the at-risk share of the cohort
     * @param rocFpr           ROC curve
     * @param rocTpr           ROC curve
     * @param calibrationPredicted mean predicted probability per decile bin
     * @param calibrationObserved  observed at-risk share per bin
     * @param calibrationCounts    samples per bin
     */
    public record Performance(int repeats, int folds, int innerFolds, int cases, int controls, double auroc,
                              double aurocLower, double aurocUpper, double[] perRepeatAuroc, double auprc,
                              double balancedAccuracy, double threshold, double[] rocFpr, double[] rocTpr,
                              double[] calibrationPredicted, double[] calibrationObserved, int[] calibrationCounts) {
    }

    /**
     * The random forest's cross-validation (the report scores with the elastic net; the forest is its comparison).
     *
     * @param trees      trees per forest
     * @param mtry       features per split of the final forest (tuned on all samples)
     * @param foldMtry   mtry chosen in each outer fold
     * @param importance the final forest's mean decrease in Gini impurity per feature, as shares
     * @param stability  per feature, the share of fold forests in which it is among the 20 most important
     */
    public record Forest(int trees, int mtry, int[] foldMtry, double[] importance, double[] stability, Performance performance) {
    }

    /** One differential-abundance row kept in the map. */
    public record KeyTaxon(String taxon, String term, double log2FoldChange, double qValue, String status) {
    }

    public int featureIndex(String id) {
        return features.indexOf(id);
    }

    public int healthyLevel() {
        return 0;
    }
}
