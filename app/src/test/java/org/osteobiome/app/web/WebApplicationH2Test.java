package org.osteobiome.app.web;

import java.nio.file.Path;

/** The web application's contract on H2, the default database (always run). */
class WebApplicationH2Test extends WebApplicationContract {
    @Override
    TestServer start(Path dataDir) {
        return TestServer.h2(dataDir);
    }
}
