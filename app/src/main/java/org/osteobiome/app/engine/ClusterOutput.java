package org.osteobiome.app.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import org.osteobiome.core.OsteobiomeException;

/**
 * Where a cluster job writes a dataset: a URI that the cluster's file systems understand ({@code hdfs://…},
 * {@code s3a://…}, {@code file:///…}) as given, or a local path made absolute. A local one that exists is refused
 * before any work, since a cluster job writes a new directory and nothing already stored may be lost.
 */
public final class ClusterOutput {
    private ClusterOutput() {
    }

    /** The target for {@code option}'s value, checked. */
    public static String of(String option, String value) {
        if (value.contains("://")) {
            return value;
        }
        Path local = Path.of(value).toAbsolutePath();
        if (Files.exists(local)) {
            throw OsteobiomeException.invalid(option + " " + value + " already exists; the cluster job writes a new directory, so name"
                    + " one that does not exist (nothing was overwritten)");
        }
        return local.toString();
    }
}
