package org.osteobiome.app;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.osteobiome.app.cli.OsteobiomeCommand;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.OsteobiomeException;
import picocli.CommandLine;

/**
 * Entry point of the {@code osteobiome} command. Exit codes: 0 success, 2 bad usage or input,
 * 3 the model or solver failed (with cause and time), 4 a file could not be read or written,
 * 1 an internal error.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cli = OsteobiomeCommand.commandLine(args);
        org.osteobiome.app.cli.HelpExamples.fold(cli);
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof OsteobiomeException oe) {
                commandLine.getErr().println("osteobiome: error: " + oe.getMessage());
                return oe.code().exitCode();
            }
            commandLine.getErr().println("osteobiome: internal error: " + e);
            return ErrorCode.INTERNAL.exitCode();
        });
        cli.setParameterExceptionHandler((e, arguments) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("osteobiome: error: " + e.getMessage());
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
                c.getErr().println("Did you mean: " + String.join(", ", unmatched.getSuggestions()) + "?");
            }
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ErrorCode.INVALID_INPUT.exitCode();
        });
        int code = cli.execute(args);
        outWriter.flush();
        errWriter.flush();
        return code;
    }
}
