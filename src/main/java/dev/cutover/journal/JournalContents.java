package dev.cutover.journal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A journal read back: its metadata, every intact entry in order, and the torn last line if a crash left
 * one (resume must stop on it; status and report may still show the intact prefix).
 *
 * @param metadata line 1
 * @param entries the entries of lines 2.., all of which passed the id, chain and time checks
 * @param tornTail the incomplete or unparseable last line, if any
 */
public record JournalContents(JournalMetadata metadata, List<JournalEntry> entries, Optional<TornTail> tornTail) {
    public JournalContents {
        Objects.requireNonNull(metadata, "metadata");
        entries = List.copyOf(entries);
        Objects.requireNonNull(tornTail, "tornTail");
    }

    /** True when the file ends in a torn line. */
    public boolean isTorn() {
        return tornTail.isPresent();
    }
}
