package org.osteobiome.app.web;

/** The crash contract on the default database, H2 in a file (always run). */
class WebCrashH2Test extends WebCrashContract {
    @Override
    String databaseUrl() {
        return null;
    }
}
