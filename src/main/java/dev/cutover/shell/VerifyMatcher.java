package dev.cutover.shell;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Applies a step's {@code verify_success_pattern} to verify stdout per FORMATS.md §3.1:
 * {@code Pattern.compile(p, MULTILINE).matcher(out).find()} with CRLF turned into LF first.
 */
public final class VerifyMatcher {
    private VerifyMatcher() {}

    /**
     * Whether {@code pattern} is found in {@code stdout} (normally {@link CommandResult#stdoutHead()}).
     *
     * @throws java.util.regex.PatternSyntaxException if the pattern is not a valid Java regex
     */
    public static boolean matches(String pattern, String stdout) {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(stdout, "stdout");
        // Without this, `^available$` would miss `available\r\n` printed by Windows-built tools.
        String normalized = stdout.replace("\r\n", "\n");
        return Pattern.compile(pattern, Pattern.MULTILINE).matcher(normalized).find();
    }
}
