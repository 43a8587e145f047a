package dev.cutover.report;

import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds the freezes in force from the journal (FORMATS.md §6.6): a freeze starts at the first
 * {@code executed} with exit code 0 of its begins step and ends at a later {@code step-succeeded} (or
 * {@code resume-marked-done}, which resume treats as success) of its release step.
 */
public final class ActiveFreezes {
    private ActiveFreezes() {}

    /** The freezes active at {@code now}, in the order of {@code freezes}. */
    public static List<ActiveFreeze> of(List<JournalEntry> entries, List<FreezeSpec> freezes, Instant now) {
        List<ActiveFreeze> active = new ArrayList<>();
        for (FreezeSpec freeze : freezes) {
            Optional<Instant> start = startOf(entries, freeze.beginsAtStepId());
            if (start.isPresent() && !released(entries, freeze, start.get())) {
                long elapsed = Math.max(0, Duration.between(start.get(), now).toMinutes());
                active.add(new ActiveFreeze(freeze, start.get(), elapsed));
            }
        }
        return List.copyOf(active);
    }

    private static Optional<Instant> startOf(List<JournalEntry> entries, String stepId) {
        // Only a successful execute froze writes; a failed attempt may have changed nothing.
        return entries.stream()
                .filter(e -> e.event() == JournalEvent.EXECUTED && e.stepId().equals(stepId))
                .filter(e -> Integer.valueOf(0).equals(e.exitCode()))
                .map(JournalEntry::at)
                .findFirst();
    }

    private static boolean released(List<JournalEntry> entries, FreezeSpec freeze, Instant start) {
        if (freeze.releaseStepId() == null) {
            return false;
        }
        return entries.stream()
                .filter(e -> e.stepId().equals(freeze.releaseStepId()))
                .filter(e -> e.event() == JournalEvent.STEP_SUCCEEDED || e.event() == JournalEvent.RESUME_MARKED_DONE)
                .anyMatch(e -> !e.at().isBefore(start));
    }
}
