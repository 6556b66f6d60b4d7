package org.osteobiome.app.demo;

import java.nio.file.Path;
import java.util.List;
import org.osteobiome.core.AtomicFiles;
import org.osteobiome.app.report.TextTable;

/** Writing the demo's tables. */
final class DemoFiles {
    private DemoFiles() {
    }

    static void tsv(Path file, List<String> header, List<List<String>> rows) {
        AtomicFiles.writeText(file, TextTable.tsv(header, rows));
    }
}
