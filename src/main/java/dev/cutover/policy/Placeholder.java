package dev.cutover.policy;

/**
 * A placeholder token found in command text.
 *
 * @param raw the token as written, e.g. {@code <snap>} or {@code {target-acct}}
 * @param canonical the canonical name, e.g. {@code snapshot-id}
 * @param start offset of the token in the text
 * @param end offset just past the token
 */
public record Placeholder(String raw, String canonical, int start, int end) {}
