package dev.cutover.policy;

/** Parses command strings in the shell subset of FORMATS.md §4.3. */
public final class CommandParser {
    private CommandParser() {}

    /** Parses {@code text} (null counts as empty); never throws, problems go to syntaxProblems. */
    public static ParsedCommand parse(String text) {
        return CommandLexer.run(text).parsed();
    }
}
