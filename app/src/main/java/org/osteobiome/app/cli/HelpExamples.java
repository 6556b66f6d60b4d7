package org.osteobiome.app.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Keeps help examples copyable: an example command longer than a terminal line is folded before an option, with a
 * shell continuation backslash, instead of being wrapped by the help formatter in the middle of an argument.
 */
public final class HelpExamples {
    /** Longest example line, so that the help formatter (80 columns) never wraps it. */
    static final int WIDTH = 76;

    private HelpExamples() {
    }

    /** Folds the examples in the footers of {@code cli} and all its subcommands. */
    public static void fold(CommandLine cli) {
        String[] footer = cli.getCommandSpec().usageMessage().footer();
        List<String> folded = new ArrayList<>();
        for (String entry : footer) {
            for (String line : entry.split("\n", -1)) {
                folded.addAll(foldLine(line));
            }
        }
        cli.getCommandSpec().usageMessage().footer(folded.toArray(String[]::new));
        for (CommandLine sub : cli.getSubcommands().values()) {
            fold(sub);
        }
    }

    /**
     * One example line (or an example's continuation line) as lines of at most {@link #WIDTH} characters, broken
     * before " --" where it must be.
     */
    public static List<String> foldLine(String line) {
        boolean command = line.stripLeading().startsWith("osteobiome ");
        boolean continued = line.startsWith("  ") && line.stripLeading().startsWith("--");
        if (line.length() <= WIDTH || !(command || continued)) {
            return List.of(line);
        }
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        String continuation = command ? indent + "    " : indent;
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder(indent);
        boolean empty = true; // nothing on the current line yet but its indent
        for (String word : line.strip().split(" (?=--)")) {
            if (!empty && current.length() + 1 + word.length() + 2 > WIDTH) {
                out.add(current + " \\");
                current = new StringBuilder(continuation);
                empty = true;
            }
            current.append(empty ? "" : " ").append(word);
            empty = false;
        }
        out.add(current.toString());
        return out;
    }
}
