package org.osteobiome.app.demo;

import java.nio.file.Path;
import org.osteobiome.app.report.HtmlPage;

/** One part of the demo: runs its scenarios, writes its files into a folder and adds itself to the page. */
public interface DemoSection {

    String name();

    void run(Path folder, HtmlPage page);
}
