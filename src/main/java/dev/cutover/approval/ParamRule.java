package dev.cutover.approval;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What a parameter question accepts: the parameter's canonical name, a test for the value and the message
 * shown when a value fails it (the terminal then asks again; an answers file halts).
 *
 * @param name canonical placeholder name, e.g. {@code hosted-zone-id}
 * @param accepts true for an acceptable value (already trimmed, never empty)
 * @param invalidMessage one line telling the operator what a valid value looks like
 */
public record ParamRule(String name, Predicate<String> accepts, String invalidMessage) {
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public ParamRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accepts, "accepts");
        Objects.requireNonNull(invalidMessage, "invalidMessage");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("parameter name must match " + NAME + ": " + name);
        }
    }

    /** A rule accepting values that match {@code pattern} as a whole (not merely contain a match). */
    public static ParamRule matching(String name, Pattern pattern, String invalidMessage) {
        Objects.requireNonNull(pattern, "pattern");
        return new ParamRule(name, value -> pattern.matcher(value).matches(), invalidMessage);
    }

    static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }
}
