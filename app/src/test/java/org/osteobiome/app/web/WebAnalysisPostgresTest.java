package org.osteobiome.app.web;

import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Jobs and analyses on PostgreSQL, when {@code .ci/run} has started one (see {@link WebApplicationPostgresTest}). */
@EnabledIfEnvironmentVariable(named = "OSTEOBIOME_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class WebAnalysisPostgresTest extends WebAnalysisContract {
    @Override
    TestServer start(Path dataDir) {
        return TestServer.postgres(dataDir);
    }
}
