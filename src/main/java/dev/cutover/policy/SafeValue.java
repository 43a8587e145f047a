package dev.cutover.policy;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The safe-character pattern V (FORMATS.md §4.3) every substituted value must match: no quote, {@code $},
 * backtick, backslash, whitespace, glob or brace character, and no leading {@code -}. A value must also not
 * start with {@code file://} or {@code fileb://} in any case.
 */
public final class SafeValue {
    public static final Pattern PATTERN = Pattern.compile("^[A-Za-z0-9/][A-Za-z0-9._:/@+=,-]*$");

    // The AWS CLI replaces an argument starting with these by the contents of that local file and sends it,
    // so a typed, captured or answers-file value could ship ~/.aws/credentials to an API.
    private static final String[] LOCAL_FILE_PREFIXES = {"file://", "fileb://"};

    private SafeValue() {}

    public static boolean isSafe(String value) {
        return problem(value).isEmpty();
    }

    /** Why {@code value} may not be substituted, in words for the operator; empty when it may. */
    public static Optional<String> problem(String value) {
        if (value == null || !PATTERN.matcher(value).matches()) {
            return Optional.of("contains characters unsafe in a shell command");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        for (String prefix : LOCAL_FILE_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return Optional.of("starts with " + prefix + ", so the AWS CLI would read that local file and send"
                        + " its contents; give the value itself, not a file:// or fileb:// reference");
            }
        }
        return Optional.empty();
    }
}
