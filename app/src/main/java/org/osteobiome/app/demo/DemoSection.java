package org.osteobiome.app.demo;

import java.nio.file.Path;
import org.osteobiome.app.report.HtmlPage;

/** One part of the demo: runs its scenarios, writes its files into a folder and adds itself to the page. */
public interface DemoSection {

    String name();

    void run(Path folder, HtmlPage page);

    /** A section from its name and body. */
    static DemoSection of(String name, java.util.function.BiConsumer<Path, HtmlPage> body) {
        return new DemoSection() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(Path folder, HtmlPage page) {
                body.accept(folder, page);
            }
        };
    }
}
