package org.osteobiome.app.web;

import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The same contract on PostgreSQL: {@code .ci/run} starts a PostgreSQL 15 cluster and sets {@code
 * OSTEOBIOME_TEST_POSTGRES_URL}; without it (a plain {@code ./mvnw verify}) this class is skipped.
 */
@EnabledIfEnvironmentVariable(named = "OSTEOBIOME_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class WebApplicationPostgresTest extends WebApplicationContract {
    @Override
    TestServer start(Path dataDir) {
        return TestServer.postgres(dataDir);
    }
}
