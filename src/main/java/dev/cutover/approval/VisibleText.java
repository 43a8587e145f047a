package dev.cutover.approval;

import java.util.Locale;

/**
 * Makes text safe to show on a terminal: control and invisible formatting characters become visible
 * escapes, so a command or an echoed answer cannot move the cursor, erase what the operator is about to
 * approve, or reorder it with bidirectional overrides.
 */
final class VisibleText {
    private VisibleText() {}

    /** {@code text} with every control or format character except newline and tab shown as an escape. */
    static String of(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t' || !isHidden(cp)) {
                shown.appendCodePoint(cp);
            } else if (cp < 0x100) {
                shown.append(String.format(Locale.ROOT, "\\x%02x", cp));
            } else {
                shown.append(String.format(Locale.ROOT, "\\u%04x", cp));
            }
        });
        return shown.toString();
    }

    private static boolean isHidden(int cp) {
        // Cf covers zero-width characters and the bidi overrides used to disguise source text.
        return Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT;
    }
}
