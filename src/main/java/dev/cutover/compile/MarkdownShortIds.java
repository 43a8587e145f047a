package dev.cutover.compile;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers "does this signed checklist Markdown mention the short id {@code cp-phase1-010}?" exactly as
 * {@code markdown.contains(shortId)} does, from one pass over the text. The signed Markdown lists every item,
 * so searching the whole text once per step made compiling n items cost n² (an 8,000-item plan spent 1.2 s
 * there; docs/performance.md).
 */
final class MarkdownShortIds {
    /** A step id's short form: plane, phase and sequence, e.g. {@code cp-phase1-010} (ExecutionStep.STEP_ID). */
    static final int LENGTH = "cp-phase1-010".length();

    private static final List<String> PREFIXES = List.of("cp-phase", "dp-phase");

    private final String markdown;
    /** Every run of {@link #LENGTH} characters of the text that starts with one of {@link #PREFIXES}. */
    private final Set<String> mentioned = new HashSet<>();

    MarkdownShortIds(String markdown) {
        this.markdown = markdown;
        for (String prefix : PREFIXES) {
            for (int at = markdown.indexOf(prefix); at >= 0; at = markdown.indexOf(prefix, at + 1)) {
                if (at + LENGTH <= markdown.length()) {
                    mentioned.add(markdown.substring(at, at + LENGTH));
                }
            }
        }
    }

    /** Whether the text contains {@code shortId} anywhere: looked up for a short id, else searched. */
    boolean contains(String shortId) {
        boolean indexed = shortId.length() == LENGTH && PREFIXES.stream().anyMatch(shortId::startsWith);
        return indexed ? mentioned.contains(shortId) : markdown.contains(shortId);
    }
}
