package org.osteobiome.app.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The crash contract on a fresh PostgreSQL database, when {@code .ci/run} has started one. */
@EnabledIfEnvironmentVariable(named = "OSTEOBIOME_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class WebCrashPostgresTest extends WebCrashContract {
    private TestServer.FreshDatabase database;

    @Override
    String databaseUrl() {
        if (database == null) {
            database = TestServer.freshPostgresDatabase();
        }
        return database.url();
    }

    @AfterEach
    void drop() {
        if (database != null) {
            database.drop();
        }
    }
}
