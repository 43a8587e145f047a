package dev.cutover.report;

import dev.cutover.journal.JournalEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Folds a plan and its journal into a {@link RunSummary}: counts come from {@link StepOutcomes} (in-flight
 * steps count as pending), approvals from {@link Approvals}, freezes from {@link ActiveFreezes}.
 */
public final class RunSummaries {
    private RunSummaries() {}

    /**
     * Builds the summary at {@code now}.
     *
     * @throws IllegalArgumentException when {@code ending} says completed but a step has not succeeded or
     *     been skipped (FORMATS.md §3.3 defines completed that way; anything else is an engine bug)
     */
    public static RunSummary build(ReportInput input, Ending ending, Instant now) {
        return build(input, StepOutcomes.of(input.steps(), input.entries()), ending, now);
    }

    /** Builds the summary from outcomes already derived from the same input. */
    public static RunSummary build(ReportInput input, List<StepOutcome> outcomes, Ending ending, Instant now) {
        StepCounts counts = StepCounts.of(outcomes);
        boolean interrupted = ending.verdict() == Verdict.INTERRUPTED;
        if (ending.verdict() == Verdict.COMPLETED && counts.succeeded() + counts.skipped() != counts.total()) {
            throw new IllegalArgumentException(
                    "verdict completed, but not every step succeeded or was skipped: " + counts);
        }
        Optional<JournalEntry> lastStepEntry = lastStepEntry(input.entries());
        Instant end = interrupted ? lastAt(input) : now;
        return new RunSummary(
                interrupted ? null : now,
                ending.verdict(),
                counts.total(),
                counts.succeeded(),
                counts.skipped(),
                counts.failed(),
                interrupted ? interruptedReason(input, lastStepEntry) : ending.haltReason(),
                interrupted ? lastStepEntry.map(JournalEntry::stepId).orElse(null) : ending.haltStepId(),
                input.runId(),
                input.metadata().startedAt(),
                Math.max(0, Duration.between(input.metadata().startedAt(), end).toSeconds()),
                Approvals.requested(input.entries()),
                Approvals.given(input.entries()),
                counts.blocked(),
                counts.pendingWithInFlight(),
                ActiveFreezes.of(input.entries(), input.freezes(), end));
    }

    /** The last entry that concerns a step (not a lock, SSO probe or run-level entry). */
    static Optional<JournalEntry> lastStepEntry(List<JournalEntry> entries) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            JournalEntry e = entries.get(i);
            if (!e.isRunLevel() && !e.event().isIgnoredByResume()) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    // An interrupted run stopped at its last entry; measuring to "now" would count the time it lay dead.
    private static Instant lastAt(ReportInput input) {
        List<JournalEntry> entries = input.entries();
        return entries.isEmpty()
                ? input.metadata().startedAt()
                : entries.get(entries.size() - 1).at();
    }

    private static String interruptedReason(ReportInput input, Optional<JournalEntry> lastStepEntry) {
        String where = lastStepEntry
                .map(e -> "; the last step event is " + e.event().wireName() + " of " + e.stepId() + " at "
                        + ReportTime.format(e.at()))
                .orElse("; no step had started");
        String torn = input.tornTail() ? "; the journal ends in a torn line" : "";
        return "interrupted: the journal records no end of run" + where + torn;
    }
}
