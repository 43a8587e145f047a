package dev.cutover.shell;

/**
 * Reads a poll command's state from its stdout per FORMATS.md §6.5: the first non-blank line (UTF-8,
 * CRLF→LF) trimmed of spaces, tabs and single or double quotes; a non-zero exit or no such line gives
 * {@value #UNKNOWN}.
 */
public final class PollStateParser {
    /** The state reported when the poll failed or printed nothing usable. */
    public static final String UNKNOWN = "unknown";

    private PollStateParser() {}

    /** Parses {@code stdoutHead} (see {@link CommandResult#stdoutHead()}) of a poll that exited with {@code exitCode}. */
    public static String parse(String stdoutHead, int exitCode) {
        if (exitCode != 0 || stdoutHead == null) {
            return UNKNOWN;
        }
        for (String line : stdoutHead.replace("\r\n", "\n").split("\n", -1)) {
            if (!line.isBlank()) {
                String state = trim(line);
                // `""` (an empty JSON string) is a line, but it names no state.
                return state.isEmpty() ? UNKNOWN : state;
            }
        }
        return UNKNOWN;
    }

    private static String trim(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && isTrimmed(line.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmed(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(start, end);
    }

    private static boolean isTrimmed(char c) {
        return c == ' ' || c == '\t' || c == '"' || c == '\'';
    }
}
