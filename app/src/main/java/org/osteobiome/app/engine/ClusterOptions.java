package org.osteobiome.app.engine;

/**
 * Where a cluster engine runs.
 *
 * @param master  the cluster's master URL ({@code spark://host:7077}, {@code local[4]}); null for the one a submitting
 *                tool set, or else local mode on {@code threads} threads
 * @param threads threads for local mode
 */
public record ClusterOptions(String master, int threads) {
}
