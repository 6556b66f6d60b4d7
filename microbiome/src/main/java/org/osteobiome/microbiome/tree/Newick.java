package org.osteobiome.microbiome.tree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osteobiome.core.OsteobiomeException;

/**
 * Reads Newick trees: nested parentheses, unquoted or single-quoted labels ({@code ''} for a quote), internal
 * labels, {@code [comments]}, whitespace. Every branch except the root's needs a length, because UniFrac and
 * Faith PD are sums of branch lengths; a missing one is an error that names the node and its position. Parsed
 * without recursion, so very deep trees do not overflow the stack.
 */
public final class Newick {
    private Newick() {
    }

    public static PhyloTree read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw OsteobiomeException.cannotRead(file, e);
        }
    }

    public static PhyloTree parse(String source, String text) {
        List<Integer> parent = new ArrayList<>();
        List<Double> length = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Boolean> hasChildren = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        int i = skip(text, 0);
        if (i >= text.length()) {
            throw OsteobiomeException.invalid(source + ": empty Newick text");
        }
        // Create the root; the stack holds the node whose children are being read.
        parent.add(-1);
        length.add(0.0);
        names.add(null);
        hasChildren.add(false);
        positions.add(i);
        List<Integer> stack = new ArrayList<>();
        int current = 0;
        boolean rootIsGroup = text.charAt(i) == '(';
        if (rootIsGroup) {
            stack.add(0);
            i++;
            current = newNode(parent, length, names, hasChildren, positions, 0, i);
        }
        boolean done = false;
        while (!done) {
            i = skip(text, i);
            if (i >= text.length()) {
                throw OsteobiomeException.invalid(source + ": unexpected end of the tree at character " + (i + 1)
                        + "; the file may be truncated (a Newick tree ends with ';')");
            }
            char c = text.charAt(i);
            if (c == '(') {
                stack.add(current);
                hasChildren.set(current, true);
                i++;
                current = newNode(parent, length, names, hasChildren, positions, current, i);
                continue;
            }
            // label and length of the current node
            int[] end = new int[1];
            String label = label(source, text, i, end);
            i = end[0];
            if (label != null) {
                names.set(current, label);
            }
            i = skip(text, i);
            if (i < text.length() && text.charAt(i) == ':') {
                i = skip(text, i + 1);
                int start = i;
                while (i < text.length() && "(),;[:".indexOf(text.charAt(i)) < 0 && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                try {
                    double value = Double.parseDouble(text.substring(start, i));
                    if (!Double.isFinite(value) || value < 0) {
                        throw new NumberFormatException();
                    }
                    length.set(current, value);
                } catch (NumberFormatException e) {
                    throw OsteobiomeException.invalid(source + ", character " + (start + 1) + ": branch length '"
                            + text.substring(start, Math.max(i, start)) + "' is not a non-negative number");
                }
                positions.set(current, -1); // length seen
                i = skip(text, i);
            }
            if (i >= text.length()) {
                throw OsteobiomeException.invalid(source + ": unexpected end after character " + i + "; missing ';'");
            }
            c = text.charAt(i);
            if (c == ',') {
                if (stack.isEmpty()) {
                    throw OsteobiomeException.invalid(source + ", character " + (i + 1) + ": ',' outside parentheses");
                }
                current = newNode(parent, length, names, hasChildren, positions, stack.get(stack.size() - 1), i + 1);
                i++;
            } else if (c == ')') {
                if (stack.isEmpty()) {
                    throw OsteobiomeException.invalid(source + ", character " + (i + 1) + ": unbalanced ')'");
                }
                current = stack.remove(stack.size() - 1);
                i++;
            } else if (c == ';') {
                if (!stack.isEmpty()) {
                    throw OsteobiomeException.invalid(source + ", character " + (i + 1) + ": ';' before every '(' was closed");
                }
                done = true;
            } else {
                throw OsteobiomeException.invalid(source + ", character " + (i + 1) + ": unexpected '" + c + "'");
            }
        }
        int n = parent.size();
        for (int v = 1; v < n; v++) {
            if (positions.get(v) >= 0) {
                String what = hasChildren.get(v) ? "internal node" : "tip";
                String name = names.get(v) == null ? "" : " '" + names.get(v) + "'";
                throw OsteobiomeException.invalid(source + ": " + what + name + " (starting at character " + (positions.get(v) + 1)
                        + ") has no branch length; UniFrac and Faith PD need every branch length");
            }
        }
        boolean[] isTip = new boolean[n];
        int[] p = new int[n];
        double[] len = new double[n];
        String[] nm = new String[n];
        for (int v = 0; v < n; v++) {
            isTip[v] = !hasChildren.get(v) && v != 0 || (n == 1);
            p[v] = parent.get(v);
            len[v] = v == 0 ? 0 : length.get(v);
            nm[v] = names.get(v);
        }
        if (!rootIsGroup) {
            throw OsteobiomeException.invalid(source + ": a tree needs at least one pair of parentheses");
        }
        return new PhyloTree(source, p, len, nm, isTip);
    }

    private static int newNode(List<Integer> parent, List<Double> length, List<String> names, List<Boolean> hasChildren,
                               List<Integer> positions, int parentNode, int position) {
        parent.add(parentNode);
        length.add(Double.NaN);
        names.add(null);
        hasChildren.add(false);
        positions.add(position);
        return parent.size() - 1;
    }

    /** Skips whitespace and [comments]. */
    private static int skip(String text, int i) {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                i = close < 0 ? text.length() : close + 1;
            } else {
                break;
            }
        }
        return i;
    }

    private static String label(String source, String text, int i, int[] end) {
        if (i < text.length() && text.charAt(i) == '\'') {
            StringBuilder sb = new StringBuilder();
            int j = i + 1;
            while (true) {
                if (j >= text.length()) {
                    throw OsteobiomeException.invalid(source + ", character " + (i + 1) + ": unterminated quoted label");
                }
                char c = text.charAt(j);
                if (c == '\'') {
                    if (j + 1 < text.length() && text.charAt(j + 1) == '\'') {
                        sb.append('\'');
                        j += 2;
                        continue;
                    }
                    end[0] = j + 1;
                    return sb.toString();
                }
                sb.append(c);
                j++;
            }
        }
        int j = i;
        while (j < text.length() && "():;,[".indexOf(text.charAt(j)) < 0 && !Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        end[0] = j;
        return j > i ? text.substring(i, j) : null;
    }
}
