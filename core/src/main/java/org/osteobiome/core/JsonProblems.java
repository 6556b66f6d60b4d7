package org.osteobiome.core;

/**
 * A JSON parser's complaint in words a user can act on: parsers phrase some problems as advice to the programmer
 * ("enable ALLOW_NON_NUMERIC_NUMBERS"), which a person editing a file cannot follow.
 */
public final class JsonProblems {
    private JsonProblems() {
    }

    /** The fix for {@code parserMessage}, or the message itself with the parser's programmer hints removed. */
    public static String explain(String parserMessage) {
        String m = parserMessage == null ? "unreadable JSON" : parserMessage;
        if (m.contains("Non-standard token 'NaN'") || m.contains("Non-standard token 'Infinity'")
                || m.contains("Non-standard token '-Infinity'") || m.contains("Non-standard token '+Infinity'")) {
            return "NaN and Infinity are not numbers in JSON; write a finite number, or leave the entry out";
        }
        if (m.contains("ALLOW_SINGLE_QUOTES")) {
            return "strings and names need double quotes (\"), not single quotes";
        }
        if (m.contains("ALLOW_COMMENTS")) {
            return "JSON has no comments; remove them";
        }
        String plain = m.replaceAll("\\s*\\(?(enable|disable) `?[A-Za-z_.]+`?( to allow)?\\)?", "").strip();
        return m.contains("was expecting double-quote to start field name")
                ? plain + " (names are in double quotes, and no comma may stand just before })" : plain;
    }
}
