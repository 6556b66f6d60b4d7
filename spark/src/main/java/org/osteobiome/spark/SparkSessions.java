package org.osteobiome.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.osteobiome.app.engine.ClusterOptions;

/** The Spark session a command runs in. */
final class SparkSessions {
    private SparkSessions() {
    }

    /**
     * The session for {@code options}: its master when given, else the one spark-submit set, else local mode on the
     * options' threads. Spark's own console bar is off; osteobiome reports progress itself.
     */
    static SparkSession open(ClusterOptions options, String appName) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName).config("spark.ui.showConsoleProgress", "false");
        if (options.master() != null) {
            builder.master(options.master());
        } else if (!new SparkConf().contains("spark.master")) {
            builder.master("local[" + options.threads() + "]");
        }
        return builder.getOrCreate();
    }
}
