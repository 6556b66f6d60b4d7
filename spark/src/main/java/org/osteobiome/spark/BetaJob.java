package org.osteobiome.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.osteobiome.app.engine.BetaRequest;
import org.osteobiome.app.engine.ClusterEngine;
import org.osteobiome.core.Progress;
import org.osteobiome.microbiome.diversity.beta.DistanceBlocks;
import org.osteobiome.microbiome.diversity.beta.DistanceMatrix;
import org.osteobiome.microbiome.ordination.Ordination;
import org.osteobiome.microbiome.ordination.Pcoa;
import org.osteobiome.microbiome.table.FeatureTable;

/**
 * Beta diversity on Spark: the matrix is cut into square blocks on and above the diagonal, one task each; every task
 * computes its block with {@link DistanceBlocks} from the table (and tree), which the request carries to each task. The blocks go to
 * Parquet ({@code OUT/blocks}: r0, r1, c0, c1, distances row-major; {@code OUT/samples}: index, id), and a randomized
 * PCoA takes its products from the cached blocks ({@link BlockCentred}).
 */
final class BetaJob {
    private BetaJob() {
    }

    static final StructType SAMPLES = DataTypes.createStructType(List.of(
            DataTypes.createStructField("index", DataTypes.IntegerType, false),
            DataTypes.createStructField("id", DataTypes.StringType, false)));

    static ClusterEngine.BetaOutcome run(SparkSession spark, BetaRequest request, Progress progress) {
        FeatureTable table = request.table();
        DistanceBlocks.prepare(table, request.tableName(), request.metric(), request.tree(), request.options()); // checks first
        int n = table.sampleCount();
        int side = request.blockSize();
        List<int[]> coordinates = new ArrayList<>();
        for (int r0 = 0; r0 < n; r0 += side) {
            for (int c0 = r0; c0 < n; c0 += side) {
                coordinates.add(new int[] {r0, Math.min(n, r0 + side), c0, Math.min(n, c0 + side)});
            }
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        TaskProgress taskProgress = new TaskProgress(progress);
        spark.sparkContext().addSparkListener(taskProgress);
        Broadcast<FeatureTable> shared = jsc.broadcast(table);
        JavaRDD<DistanceBlock> blocks = jsc.parallelize(coordinates, coordinates.size())
                .mapPartitions(cells -> compute(shared, request, cells));
        if (request.axes() > 0) {
            blocks = blocks.persist(StorageLevel.MEMORY_AND_DISK());
        }
        try {
            taskProgress.phase(request.metric().id() + ": " + coordinates.size() + " blocks of " + side + " × " + side, true);
            spark.createDataset(blocks.map(BlockRecord::of).rdd(), Encoders.bean(BlockRecord.class)).select("r0", "r1", "c0", "c1", "distances")
                    .write().parquet(request.out() + "/blocks");
            List<Row> ids = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ids.add(RowFactory.create(i, table.sampleIds().get(i)));
            }
            spark.createDataFrame(ids, SAMPLES).coalesce(1).write().parquet(request.out() + "/samples");
            Ordination ordination = null;
            if (request.axes() > 0) {
                taskProgress.phase("randomized PCoA from the blocks", false);
                ordination = Pcoa.randomized(table.sampleIds(), new BlockCentred(jsc, blocks, n), Math.min(request.axes(), n - 1),
                        request.seed(), progress);
            }
            return new ClusterEngine.BetaOutcome(n, coordinates.size(), ordination);
        } finally {
            spark.sparkContext().removeSparkListener(taskProgress);
            blocks.unpersist(false);
            shared.destroy();
        }
    }

    /** The blocks of one task; the metric is prepared once per worker for the table it was sent. */
    private static Iterator<DistanceBlock> compute(Broadcast<FeatureTable> table, BetaRequest request, Iterator<int[]> cells) {
        DistanceBlocks distances = Prepared.of(table, request);
        List<DistanceBlock> out = new ArrayList<>(1);
        while (cells.hasNext()) {
            int[] c = cells.next();
            out.add(new DistanceBlock(c[0], c[1], c[2], c[3], distances.block(c[0], c[1], c[2], c[3])));
        }
        return out.iterator();
    }

    /**
     * The last table and metric a worker prepared, so that its tasks do not each regroup the table by feature. Keyed by
     * the identity of the table the broadcast delivered (a worker keeps one copy per broadcast) and by the metric's
     * settings; broadcast ids alone repeat when one JVM runs several Spark contexts in turn.
     */
    private static final class Prepared {
        private static FeatureTable table;
        private static BetaRequest settings;
        private static DistanceBlocks prepared;

        static synchronized DistanceBlocks of(Broadcast<FeatureTable> shared, BetaRequest request) {
            FeatureTable value = shared.value();
            if (table != value || settings == null || settings.metric() != request.metric() || settings.relative() != request.relative()
                    || !settings.zeros().equals(request.zeros())) {
                prepared = DistanceBlocks.prepare(value, request.tableName(), request.metric(), request.tree(), request.options());
                table = value;
                settings = request;
            }
            return prepared;
        }
    }

    /** Reads the blocks written by {@link #run} back into one matrix (for matrices that fit here). */
    static DistanceMatrix read(SparkSession spark, String dir) {
        return read(spark, dir, Integer.MAX_VALUE);
    }

    /** The matrix of the first {@code limit} samples, from the blocks that hold them. */
    static DistanceMatrix read(SparkSession spark, String dir, int limit) {
        List<Row> samples = spark.read().parquet(dir + "/samples").where("index < " + limit).orderBy("index").collectAsList();
        List<String> ids = samples.stream().map(r -> r.getString(1)).toList();
        int n = ids.size();
        double[] condensed = DistanceMatrix.allocate(n);
        for (Row r : spark.read().parquet(dir + "/blocks").where("r0 < " + n + " and c0 < " + n).collectAsList()) {
            int r0 = r.getInt(0);
            int r1 = Math.min(n, r.getInt(1));
            int c0 = r.getInt(2);
            int width = r.getInt(3) - c0;
            int c1 = Math.min(n, r.getInt(3));
            List<Double> values = r.getList(4);
            for (int i = r0; i < r1; i++) {
                for (int j = Math.max(c0, i + 1); j < c1; j++) {
                    condensed[DistanceMatrix.index(n, i, j)] = values.get((i - r0) * width + (j - c0));
                }
            }
        }
        return new DistanceMatrix(ids, condensed);
    }

    /**
     * {@code java … org.osteobiome.spark.BetaJob DIR N OUT}: the matrix of the first N samples of a block-wise result,
     * written as any distance matrix (TSV, or HDF5 by extension), to compare with a local run on those samples.
     */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: BetaJob BLOCKS_DIR N OUT.tsv|OUT.h5");
            System.exit(2);
        }
        SparkSession spark = SparkSessions.open(new org.osteobiome.app.engine.ClusterOptions(null, 2), "osteobiome blocks");
        try {
            org.osteobiome.microbiome.io.DistanceMatrixFiles.write(read(spark, args[0], Integer.parseInt(args[1])), java.nio.file.Path.of(args[2]));
        } finally {
            spark.stop();
        }
    }
}
