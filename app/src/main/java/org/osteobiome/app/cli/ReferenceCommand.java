package org.osteobiome.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.osteobiome.app.report.HtmlPage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code osteobiome reference}: every command's help as one HTML page, made from the commands themselves. */
@Command(name = "reference", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write the command-line reference: one HTML page with every command's usage, options and examples.",
        footer = {"", "Examples:", "  osteobiome reference --out docs/cli.html"})
public final class ReferenceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "The HTML file to write (default: standard output).")
    Path out;

    @Override
    public Integer call() {
        TextOutput.emit(spec, out, render(spec.root().commandLine()));
        if (out != null) {
            spec.commandLine().getOut().println("wrote " + out);
        }
        return 0;
    }

    /** The reference page for {@code root} and all its visible subcommands, in the order help lists them. */
    public static String render(CommandLine root) {
        List<CommandLine> commands = new ArrayList<>();
        collect(root, commands);
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>osteobiome command-line reference</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}")
                .append("pre{background:#f6f6f6;padding:1em;overflow-x:auto}</style>\n</head><body>\n")
                .append("<h1>osteobiome command-line reference</h1>\n")
                .append("<p>Generated from the commands with <code>osteobiome reference --out docs/cli.html</code>. ")
                .append("Research software, not a diagnostic device.</p>\n<ul>\n");
        for (CommandLine c : commands) {
            String name = c.getCommandSpec().qualifiedName();
            page.append("<li><a href=\"#").append(anchor(name)).append("\">").append(HtmlPage.escape(name)).append("</a> — ")
                    .append(HtmlPage.escape(firstLine(c))).append("</li>\n");
        }
        page.append("</ul>\n");
        for (CommandLine c : commands) {
            String name = c.getCommandSpec().qualifiedName();
            page.append("<h2 id=\"").append(anchor(name)).append("\">").append(HtmlPage.escape(name)).append("</h2>\n<pre>")
                    .append(HtmlPage.escape(c.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing())).append("</pre>\n");
        }
        return page.append("</body></html>\n").toString();
    }

    private static void collect(CommandLine cli, List<CommandLine> out) {
        out.add(cli);
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden() && !out.contains(sub)) { // aliases map to the same command
                collect(sub, out);
            }
        }
    }

    private static String firstLine(CommandLine c) {
        String[] description = c.getCommandSpec().usageMessage().description();
        return description.length == 0 ? "" : description[0];
    }

    private static String anchor(String qualifiedName) {
        return qualifiedName.replace(' ', '-');
    }
}
