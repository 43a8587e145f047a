package dev.cutover.report;

/**
 * Makes journal and operator text safe inside report Markdown: one line, control and bidi characters shown
 * as escapes, length bounded, and either backslash-escaped prose or a code span that nothing can close.
 */
final class MarkdownText {
    static final int MAX_CHARS = 300;

    private MarkdownText() {}

    /** Prose with Markdown punctuation escaped, so a reason cannot add links, emphasis or table cells. */
    static String prose(String text) {
        String line = oneLine(text);
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
        String line = oneLine(text);
        int longest = 0;
        int run = 0;
        for (int i = 0; i < line.length(); i++) {
            run = line.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = line.startsWith("`") || line.endsWith("`") || line.isEmpty();
        return pad ? fence + " " + line + " " + fence : fence + line + fence;
    }

    /** Collapses to one bounded line; control and bidi characters become visible {@code \\uXXXX} escapes. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 16);
        int i = 0;
        for (; i < text.length() && out.length() < MAX_CHARS; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(c) || isBidiControl(c)) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return i < text.length() ? out.append('…').toString() : out.toString();
    }

    // Bidi overrides could make a step id or command read differently from what it is.
    private static boolean isBidiControl(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f';
    }
}
