package dev.cutover.journal;

import java.util.Objects;
import java.util.Optional;

/**
 * A journal folded into {@link RunState} as it was read and checked, keeping no entry (resume, and anything
 * else that needs the state rather than the entries): O(steps) memory whatever the journal's length.
 *
 * @param metadata line 1
 * @param state the fold of every intact entry, in order
 * @param tornTail the incomplete or unparseable last line, if any
 */
public record ReplayedJournal(JournalMetadata metadata, RunState state, Optional<TornTail> tornTail) {
    public ReplayedJournal {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(tornTail, "tornTail");
    }

    /** True when the file ends in a torn line. */
    public boolean isTorn() {
        return tornTail.isPresent();
    }
}
