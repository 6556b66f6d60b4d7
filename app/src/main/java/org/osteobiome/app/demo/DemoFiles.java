package org.osteobiome.app.demo;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.osteobiome.core.AtomicFiles;
import org.osteobiome.app.report.TextTable;

/** Writing the demo's tables. */
final class DemoFiles {
    private DemoFiles() {
    }

    static void tsv(Path file, List<String> header, List<List<String>> rows) {
        AtomicFiles.write(file, stream -> {
            Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            w.write(TextTable.tsv(header, rows));
            w.flush();
        });
    }
}
