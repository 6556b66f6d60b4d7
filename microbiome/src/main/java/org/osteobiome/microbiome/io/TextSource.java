package org.osteobiome.microbiome.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.OsteobiomeException;

/**
 * Line-by-line reading of tab-separated text as labs produce it: UTF-8 with or without a byte-order mark, and LF,
 * CRLF or CR-only line ends. Keeps the line number for messages.
 */
final class TextSource implements AutoCloseable {
    private final String name;
    private final BufferedReader reader;
    private int lineNumber;

    private TextSource(String name, Reader reader) {
        this.name = name;
        this.reader = new BufferedReader(reader, 1 << 16);
    }

    static TextSource open(Path file) {
        try {
            return new TextSource(file.toString(), new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw OsteobiomeException.cannotRead(file, e);
        }
    }

    static TextSource of(String name, Reader reader) {
        return new TextSource(name, reader);
    }

    /** The next line without its line end (BufferedReader treats LF, CRLF and CR alike), or null at the end. */
    String next() {
        try {
            String line = reader.readLine();
            if (line != null) {
                lineNumber++;
                if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
            }
            return line;
        } catch (IOException e) {
            throw new OsteobiomeException(ErrorCode.IO_FAILURE, "cannot read " + name + " at line " + (lineNumber + 1) + ": "
                    + e.getMessage(), e);
        }
    }

    int lineNumber() {
        return lineNumber;
    }

    String name() {
        return name;
    }

    /** "file, line N". */
    String where() {
        return name + ", line " + lineNumber;
    }

    OsteobiomeException error(String message) {
        return OsteobiomeException.invalid(where() + ": " + message);
    }

    /** Parses a cell as a number, naming the place and the text when it is not one. */
    double number(String cell, int column, String columnName) {
        String t = cell.strip();
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw error("column " + column + " ('" + columnName + "'): '" + cell + "' is not a number");
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // nothing to recover
        }
    }
}
