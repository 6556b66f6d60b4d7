package org.osteobiome.app.web;

import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The pages in a real browser on PostgreSQL, when {@code .ci/run} has started one. */
@EnabledIfEnvironmentVariable(named = "OSTEOBIOME_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class WebBrowserPostgresTest extends WebBrowserContract {
    @Override
    TestServer server(Path dataDir) {
        return TestServer.postgres(dataDir);
    }
}
