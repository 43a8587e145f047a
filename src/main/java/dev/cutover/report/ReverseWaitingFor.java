package dev.cutover.report;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.PointOfNoReturn;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.ReverseRollbacks;
import java.util.List;
import java.util.Optional;

/**
 * What a live {@code cutover rollback} is doing or waiting for, from its last journal entry: the reverse rollback
 * journals the failure dialog's events (docs/journal.md), so {@link WaitingFor} asks here first, and the operator
 * is told about the rollback question actually asked, never about a failure decision.
 */
final class ReverseWaitingFor {
    private static final String ROLLBACK = "cutover rollback";

    private ReverseWaitingFor() {}

    /** The line for {@code last} when it is a reverse rollback entry; empty otherwise. */
    static Optional<String> describe(JournalEntry last, List<ExecutionStep> steps) {
        String notes = last.notes() == null ? "" : last.notes();
        if (!notes.startsWith(ReverseRollbacks.PREFIX)) {
            return Optional.empty();
        }
        if (last.isRunLevel()) {
            return runLevel(last.event(), notes, steps);
        }
        if (!last.event().isRollback()) {
            return Optional.empty();
        }
        String step = last.stepId();
        return Optional.of(
                switch (last.event()) {
                    case ROLLBACK_OFFERED -> offered(step, steps);
                    case ROLLBACK_APPROVED -> "running the rollback of " + step + " and its check (" + ROLLBACK + ")";
                    case ROLLBACK_EXECUTED ->
                        notes.startsWith(ReverseRollbacks.UNDONE)
                                ? "moving on to the step before " + step + " (" + ROLLBACK + ": " + step
                                        + " rolled back)"
                                : "waiting for the operator to retry, skip or abort the rollback of " + step + " ("
                                        + ROLLBACK + ": it did not undo the step)";
                    default -> "moving on to the step before " + step + " (" + ROLLBACK + ": " + step + " remains)";
                });
    }

    private static Optional<String> runLevel(JournalEvent event, String notes, List<ExecutionStep> steps) {
        if (event == JournalEvent.APPROVED && notes.startsWith(ReverseRollbacks.CONFIRMED)) {
            String step = firstWord(notes.substring(ReverseRollbacks.CONFIRMED.length()));
            return Optional.of(approval(step, find(step, steps)));
        }
        if (event == JournalEvent.APPROVED && notes.startsWith(ReverseRollbacks.STARTED)) {
            return Optional.of("rolling back (" + ROLLBACK + "): offering the latest step that succeeded, or asking"
                    + " the operator about the step an earlier rollback stopped at");
        }
        if (event == JournalEvent.ABORTED && notes.startsWith(ReverseRollbacks.STOPPED)) {
            return Optional.of("stopping the reverse rollback (" + ROLLBACK + ")");
        }
        return Optional.empty();
    }

    /** After {@code rollback-offered}: the manual-procedure confirmation, or the rollback's own approval. */
    private static String offered(String step, List<ExecutionStep> steps) {
        Optional<ExecutionStep> plan = find(step, steps);
        boolean point =
                PointOfNoReturn.of(steps).map(p -> p.stepId().equals(step)).orElse(false);
        boolean irreversible = plan.map(ExecutionStep::irreversible).orElse(false);
        if (irreversible || point) {
            return "waiting for the operator to confirm the manual procedure of " + step + " (" + ROLLBACK + ": "
                    + (irreversible ? "irreversible step" : "the point of no return") + "; approve or abort)";
        }
        return approval(step, plan);
    }

    private static String approval(String step, Optional<ExecutionStep> plan) {
        if (plan.map(s -> s.rollbackCmd().isEmpty()).orElse(false)) {
            return "recording that " + step + " remains (" + ROLLBACK + ": no rollback command)";
        }
        return "waiting for the operator to approve the rollback of " + step + " (" + ROLLBACK
                + ": approve, skip or abort)";
    }

    private static Optional<ExecutionStep> find(String step, List<ExecutionStep> steps) {
        return steps.stream().filter(s -> s.stepId().equals(step)).findFirst();
    }

    private static String firstWord(String text) {
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != ';') {
            end++;
        }
        return text.substring(0, end);
    }
}
