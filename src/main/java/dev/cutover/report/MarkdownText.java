package dev.cutover.report;

import java.util.Locale;

/**
 * Makes journal and operator text safe inside report Markdown: one line, control and bidi characters shown
 * as escapes, length bounded, and either backslash-escaped prose or a code span that nothing can close. Planned
 * text a runbook must show whole (descriptions, commands) has unbounded variants and a fenced block.
 */
final class MarkdownText {
    static final int MAX_CHARS = 300;

    private MarkdownText() {}

    /** Prose with Markdown punctuation escaped, so a reason cannot add links, emphasis or table cells. */
    static String prose(String text) {
        return escape(oneLine(text));
    }

    /**
     * Like {@link #prose(String)} without the length bound: for planned text (descriptions, criteria) that a
     * runbook must show whole, where the bound protects nothing because the operator wrote it.
     */
    static String wholeProse(String text) {
        return escape(oneLine(text, Integer.MAX_VALUE));
    }

    /**
     * A fenced code block holding {@code text} exactly (every line, no length bound) except that control and
     * bidi characters are shown as escapes; the fence is longer than any backtick run inside, so no line can
     * close it. Ends in a newline.
     */
    static String codeBlock(String text) {
        String body = visible(text == null ? "" : text.replace("\r\n", "\n"), true);
        String fence = "`".repeat(Math.max(3, longestBacktickRun(body) + 1));
        return fence + "sh\n" + body + "\n" + fence + "\n";
    }

    private static String escape(String line) {
        StringBuilder out = new StringBuilder(line.length() + 8);
        int digits = 0;
        while (digits < line.length() && Character.isDigit(line.charAt(digits))) {
            digits++;
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            // Punctuation anywhere; a leading '-' or '=' or "1." that would start a list or a heading.
            boolean leading = (i == 0 && (c == '-' || c == '=')) || (i > 0 && i == digits && c == '.');
            if ("\\`*_{}[]<>()#+!|~".indexOf(c) >= 0 || leading) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A code span whose backtick fence is longer than any backtick run inside it. */
    static String code(String text) {
        return codeSpan(oneLine(text));
    }

    /** {@link #code(String)} without the length bound, for planned commands a runbook shows whole. */
    static String wholeCode(String text) {
        return codeSpan(oneLine(text, Integer.MAX_VALUE));
    }

    private static String codeSpan(String line) {
        String fence = "`".repeat(longestBacktickRun(line) + 1);
        boolean pad = line.startsWith("`") || line.endsWith("`") || line.isEmpty();
        return pad ? fence + " " + line + " " + fence : fence + line + fence;
    }

    /** Collapses to one bounded line; control and bidi characters become visible {@code \\uXXXX} escapes. */
    static String oneLine(String text) {
        return oneLine(text, MAX_CHARS);
    }

    private static String oneLine(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 16);
        int i = 0;
        for (; i < text.length() && out.length() < maxChars; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else {
                appendVisible(out, c);
            }
        }
        return i < text.length() ? out.append('…').toString() : out.toString();
    }

    /** {@code text} with control and bidi characters as escapes; line feeds and tabs kept when {@code keepLines}. */
    static String visible(String text, boolean keepLines) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (keepLines && (c == '\n' || c == '\t')) {
                out.append(c);
            } else {
                appendVisible(out, c);
            }
        }
        return out.toString();
    }

    private static void appendVisible(StringBuilder out, char c) {
        if (Character.isISOControl(c) || isBidiControl(c)) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        } else {
            out.append(c);
        }
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    // Bidi overrides could make a step id or command read differently from what it is.
    static boolean isBidiControl(int c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f';
    }
}
