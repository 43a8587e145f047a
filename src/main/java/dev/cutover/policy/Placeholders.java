package dev.cutover.policy;

import java.util.List;
import java.util.Map;

/**
 * Placeholder tokens in command text (FORMATS.md §4.3): {@code {name}} and {@code <name>}, canonical name
 * lowercase with {@code _} → {@code -}, aliases {@code snap → snapshot-id}, {@code operator-supplied →
 * secret-file}, {@code target-key → target-kms-key-arn}, and {@code id → job-id} in poll commands.
 */
public final class Placeholders {
    private Placeholders() {}

    /** Every token in {@code text}, in order. */
    public static List<Placeholder> find(String text, boolean pollCommand) {
        throw new UnsupportedOperationException("policy helper implements this");
    }

    /** The canonical form of a bare placeholder name. */
    public static String canonical(String name, boolean pollCommand) {
        throw new UnsupportedOperationException("policy helper implements this");
    }

    /**
     * Replaces every token whose canonical name {@code values} maps (each value must satisfy
     * {@link SafeValue}; otherwise {@link IllegalArgumentException}) — verbatim inside quotes, single-quoted
     * outside — and rewrites the rest as {@code {canonical}}.
     */
    public static Substitution substitute(String text, Map<String, String> values, boolean pollCommand) {
        throw new UnsupportedOperationException("policy helper implements this");
    }

    /**
     * @param text the command after substitution
     * @param openParameters canonical names still open, in order of first appearance, deduplicated
     */
    public record Substitution(String text, List<String> openParameters) {
        public Substitution {
            openParameters = List.copyOf(openParameters);
        }
    }
}
