package dev.cutover.policy;

/**
 * One shell word of a command.
 *
 * @param raw the word exactly as written, quotes included
 * @param value the word after quote removal
 * @param start offset of the first character in the command text
 * @param end offset just past the last character
 */
public record Word(String raw, String value, int start, int end) {}
