package org.osteobiome.app.web;

import java.nio.file.Path;

/** Jobs and analyses on H2, the default database (always run). */
class WebAnalysisH2Test extends WebAnalysisContract {
    @Override
    TestServer start(Path dataDir) {
        return TestServer.h2(dataDir);
    }
}
