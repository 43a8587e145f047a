package dev.cutover.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a self-contained HTML page in the XHTML-compatible subset of HTML5: every element is closed in order
 * (closing out of order throws), every text and attribute value is escaped, and characters XML forbids are shown
 * as {@code \\uXXXX}. So the page parses both as HTML and with a strict XML parser, and no input text can open
 * a tag, a script or an attribute.
 */
final class HtmlWriter {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*");
    // Closing these ends a line, so the source stays readable and diffs stay small.
    private static final Set<String> BLOCKS = Set.of(
            "html", "head", "body", "style", "header", "nav", "section", "article", "div", "h1", "h2", "h3", "h4", "p",
            "ul", "ol", "li", "dl", "dt", "dd", "pre", "table", "thead", "tbody", "tr", "svg", "g");

    private final StringBuilder out = new StringBuilder(32768);
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens {@code tag} with attributes given as name, value pairs (a null value leaves the attribute out). */
    HtmlWriter open(String tag, String... attributes) {
        startTag(tag, attributes);
        out.append('>');
        open.push(tag);
        return this;
    }

    /** Closes the innermost open element, which must be {@code tag}. */
    HtmlWriter close(String tag) {
        String top = open.poll();
        if (!tag.equals(top)) {
            throw new IllegalStateException("closing <" + tag + "> while <" + top + "> is open");
        }
        out.append("</").append(tag).append('>');
        if (BLOCKS.contains(tag)) {
            out.append('\n');
        }
        return this;
    }

    /** An element holding only escaped text. */
    HtmlWriter element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** An element without content, written self-closed ({@code <meta ... />}). */
    HtmlWriter empty(String tag, String... attributes) {
        startTag(tag, attributes);
        out.append(" />");
        return this;
    }

    /** Escaped text; line feeds and tabs are kept (they matter inside {@code <pre>}). */
    HtmlWriter text(String text) {
        out.append(escape(text));
        return this;
    }

    /**
     * A style sheet we wrote ourselves. It must not contain {@code <} or {@code &}, so it needs no escaping and
     * cannot end the element early.
     */
    HtmlWriter style(String css) {
        if (css.indexOf('<') >= 0 || css.indexOf('&') >= 0) {
            throw new IllegalArgumentException("style sheet must not contain < or &");
        }
        open("style");
        out.append(css);
        return close("style");
    }

    /** The page, with its doctype; every element must be closed. */
    String finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return "<!DOCTYPE html>\n" + out;
    }

    /** {@code text} escaped for element content and attribute values alike. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\n', '\t' -> b.append((char) c);
                default -> {
                    if (invisibleOrForbidden(c)) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", c));
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }

    // Controls and lone surrogates are not allowed in XML; bidi overrides could make text read as something else.
    private static boolean invisibleOrForbidden(int c) {
        return Character.isISOControl(c)
                || MarkdownText.isBidiControl(c)
                || (c >= 0xd800 && c <= 0xdfff)
                || c == 0xfffe
                || c == 0xffff;
    }

    private void startTag(String tag, String... attributes) {
        requireName(tag);
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                requireName(attributes[i]);
                out.append(' ')
                        .append(attributes[i])
                        .append("=\"")
                        .append(escape(attributes[i + 1]))
                        .append('"');
            }
        }
    }

    private static void requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a tag or attribute name: " + name);
        }
    }
}
