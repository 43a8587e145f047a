package dev.cutover.policy;

import java.util.regex.Pattern;

/**
 * The safe-character pattern V (FORMATS.md §4.3) every substituted value must match: no quote, {@code $},
 * backtick, backslash, whitespace, glob or brace character, and no leading {@code -}.
 */
public final class SafeValue {
    public static final Pattern PATTERN = Pattern.compile("^[A-Za-z0-9/][A-Za-z0-9._:/@+=,-]*$");

    private SafeValue() {}

    public static boolean isSafe(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }
}
