package dev.cutover.policy;

/** Parses command strings in the shell subset of FORMATS.md §4.3. */
public final class CommandParser {
    private CommandParser() {}

    public static ParsedCommand parse(String text) {
        throw new UnsupportedOperationException("policy helper implements this");
    }
}
