package dev.cutover.approval;

import java.util.Locale;

/**
 * Makes text safe to show on a terminal: control and invisible formatting characters become visible
 * escapes, so a command or an echoed answer cannot move the cursor, erase what the operator is about to
 * approve, or reorder it with bidirectional overrides.
 */
public final class VisibleText {
    private VisibleText() {}

    /** {@code text} with every control or format character except newline and tab shown as an escape. */
    public static String of(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> appendVisible(shown, cp));
        return shown.toString();
    }

    /** Appends {@code cp} to {@code shown}, as an escape when it is hidden. */
    static void appendVisible(StringBuilder shown, int cp) {
        if (!isHidden(cp)) {
            shown.appendCodePoint(cp);
        } else if (cp < 0x100) {
            shown.append(String.format(Locale.ROOT, "\\x%02x", cp));
        } else {
            shown.append(String.format(Locale.ROOT, "\\u%04x", cp));
        }
    }

    /** Whether {@code cp} would act on the terminal or be invisible there; newline and tab are shown as they are. */
    static boolean isHidden(int cp) {
        // Cf covers zero-width characters, the bidi overrides used to disguise source text and the tag characters
        // (U+E0000 block) that carry invisible text.
        return cp != '\n' && cp != '\t' && (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT);
    }
}
