package dev.cutover.approval;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A step-id pattern from an answers file: {@code *} matches any run of characters (also none), {@code ?}
 * exactly one, everything else itself.
 *
 * @param text the glob as written, e.g. {@code dp-phase2-*}
 */
public record StepGlob(String text) {
    // Step ids are lowercase (FORMATS.md §4.1); anything else could never match and is surely a typo.
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9*?-]+");

    public StepGlob {
        Objects.requireNonNull(text, "text");
        if (!isWellFormed(text)) {
            throw new IllegalArgumentException("a step-id glob uses only a-z, 0-9, '-', '*' and '?': " + text);
        }
    }

    static boolean isWellFormed(String text) {
        return ALLOWED.matcher(text).matches();
    }

    /** Whether the whole of {@code stepId} matches this glob. */
    public boolean matches(String stepId) {
        int s = 0;
        int g = 0;
        int starAt = -1;
        int resumeAt = 0;
        while (s < stepId.length()) {
            if (g < text.length() && (text.charAt(g) == '?' || text.charAt(g) == stepId.charAt(s))) {
                s++;
                g++;
            } else if (g < text.length() && text.charAt(g) == '*') {
                starAt = g++;
                resumeAt = s;
            } else if (starAt >= 0) {
                // Let the last '*' swallow one more character and retry from there.
                g = starAt + 1;
                s = ++resumeAt;
            } else {
                return false;
            }
        }
        while (g < text.length() && text.charAt(g) == '*') {
            g++;
        }
        return g == text.length();
    }
}
