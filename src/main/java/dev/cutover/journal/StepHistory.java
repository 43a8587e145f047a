package dev.cutover.journal;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the journal says about one step, reconstructed for resume, status and reports.
 *
 * @param stepId the step
 * @param phaseNumber its phase
 * @param state the resume classification (FORMATS.md §6.7)
 * @param lastEvent the last event that decides {@code state}
 * @param lastEventAt when it was written
 * @param firstStartedAt the first {@code step-started}
 * @param lastStartedAt the latest {@code step-started} (a resume restarts a step with a new one)
 * @param firstSuccessfulExecuteAt the first {@code executed} with exit code 0 (a freeze begins there)
 * @param lastSuccessfulExecuteAt the latest {@code executed} with exit code 0 (a retry's job started there)
 * @param lastExecuteExitCode the exit code of the latest {@code executed}
 * @param approvals every {@code approved} of the step (first approval, re-confirmations, retries)
 * @param retries {@code approved} entries with notes {@code retry} or {@code resume retry} (max 3 allowed)
 * @param capturedValues values captured by executes, later ones winning
 * @param lastPollState the latest non-null {@code poll_state}
 * @param jobPollState the latest non-null {@code poll_state} since the latest {@code executed} with exit code 0:
 *     the state of the job that execute started, empty while it has not been polled
 * @param lastApprovalNotes the notes of the latest {@code approval-requested}: the runtime parameters as JSON
 * @param approvedSinceLastStart whether the latest attempt (since its last {@code step-started}) was approved
 * @param lastBoundApproval the latest {@code approved} bound to a command: its {@code cmd} is the exact text the
 *     operator approved, its notes hold that text's {@code sha256=} (retries and re-confirmations carry neither)
 * @param unsettledRollbackAt when the failure dialog's rollback of the step was approved, while that rollback has
 *     no outcome ({@code rollback-executed}) and the operator has not decided on the step since (only
 *     {@code resume-reprompted} questions left unanswered follow): it may have run completely, partly or not at all
 * @param mayHaveRun whether the step's command may have started at least once: it was approved with no
 *     confirmation left to give (the command starts right after), or an {@code executed}, {@code step-succeeded}
 *     or {@code resume-marked-done} was written. False for a step skipped or aborted at its approval or at a
 *     confirmation: it never ran (so, at the plan's point of no return, the point was not crossed)
 */
public record StepHistory(
        String stepId,
        int phaseNumber,
        StepResumeState state,
        JournalEvent lastEvent,
        Instant lastEventAt,
        Optional<Instant> firstStartedAt,
        Optional<Instant> lastStartedAt,
        Optional<Instant> firstSuccessfulExecuteAt,
        Optional<Instant> lastSuccessfulExecuteAt,
        Optional<Integer> lastExecuteExitCode,
        int approvals,
        int retries,
        Map<String, String> capturedValues,
        Optional<String> lastPollState,
        Optional<String> jobPollState,
        Optional<String> lastApprovalNotes,
        boolean approvedSinceLastStart,
        Optional<JournalEntry> lastBoundApproval,
        Optional<Instant> unsettledRollbackAt,
        boolean mayHaveRun) {

    public StepHistory {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastEvent, "lastEvent");
        Objects.requireNonNull(lastEventAt, "lastEventAt");
        Objects.requireNonNull(lastBoundApproval, "lastBoundApproval");
        Objects.requireNonNull(unsettledRollbackAt, "unsettledRollbackAt");
        capturedValues = Collections.unmodifiableMap(new LinkedHashMap<>(capturedValues));
    }

    /** True once the step has any {@code approved} entry. */
    public boolean wasApproved() {
        return approvals > 0;
    }

    /** Whether {@code entry} is an {@code approved} that binds the approval to its exact command. */
    public static boolean bindsCommand(JournalEntry entry) {
        return entry.event() == JournalEvent.APPROVED
                && entry.cmd() != null
                && entry.notes() != null
                && entry.notes().contains(SHA256_NOTE);
    }

    /** How an approval's notes name the SHA-256 of the command it approved. */
    public static final String SHA256_NOTE = "sha256=";
}
