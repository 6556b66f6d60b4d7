package org.osteobiome.app.engine;

import java.util.ServiceLoader;
import org.osteobiome.core.OsteobiomeException;

/** The cluster engines on the class path. */
public final class ClusterEngines {
    /** The engine every command runs on unless told otherwise: the local machine's threads. */
    public static final String LOCAL = "local";

    private ClusterEngines() {
    }

    /** The engine named {@code name}, with a message saying how to get it when it is not on the class path. */
    public static ClusterEngine get(String name) {
        if (!name.equals("spark")) {
            throw OsteobiomeException.invalid("--engine must be local or spark, got '" + name + "'");
        }
        for (ClusterEngine engine : ServiceLoader.load(ClusterEngine.class)) {
            if (engine.name().equals(name)) {
                return engine;
            }
        }
        throw OsteobiomeException.invalid("the " + name + " engine is not on the class path: run the osteobiome script from a"
                + " checkout (it builds the spark module when --engine spark is given), or submit the job jar"
                + " spark/target/osteobiome-spark-job.jar with spark-submit (docs/scaling.md)");
    }
}
