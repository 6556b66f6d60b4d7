package org.osteobiome.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.osteobiome.core.AtomicFiles;
import picocli.CommandLine.Model.CommandSpec;

/** Where a command's main text result goes: standard output, or a file given with {@code --out}. */
public final class TextOutput {
    private TextOutput() {
    }

    /** Prints {@code text} to the command's standard output when {@code file} is null, else writes it to the file whole. */
    public static void emit(CommandSpec spec, Path file, String text) {
        if (file == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        } else {
            AtomicFiles.writeText(file, text);
        }
    }
}
