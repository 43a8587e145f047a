package dev.cutover.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The content of {@code execution-summary.json} (FORMATS.md §3.3); the component order is the key order on
 * disk, and counts use each step's final state ({@link RunSummaries} defines every figure).
 *
 * @param endedAt when the run ended; null for an interrupted run
 * @param verdict how it ended
 * @param stepsTotal steps in the plan
 * @param stepsSucceeded steps that succeeded (including resume-marked-done)
 * @param stepsSkipped steps the operator skipped
 * @param stepsFailed steps that ended in failure
 * @param haltReason why the run stopped, or null
 * @param haltStepId where it stopped, or null
 * @param runId the run id
 * @param startedAt the journal metadata's {@code started_at}
 * @param elapsedSeconds seconds from {@code startedAt} to the end (interrupted: to the last journal entry)
 * @param approvalsRequested {@code approval-requested} entries
 * @param approvalsGiven {@code approved} entries that answered an approval prompt
 * @param stepsBlocked unreached steps that can no longer run because a required step was skipped or failed
 * @param stepsPending steps without an outcome: unreached and not blocked, or unfinished (in flight)
 * @param activeFreezes freezes started and not released at the end
 */
public record RunSummary(
        Instant endedAt,
        Verdict verdict,
        int stepsTotal,
        int stepsSucceeded,
        int stepsSkipped,
        int stepsFailed,
        String haltReason,
        String haltStepId,
        String runId,
        Instant startedAt,
        long elapsedSeconds,
        int approvalsRequested,
        int approvalsGiven,
        int stepsBlocked,
        int stepsPending,
        List<ActiveFreeze> activeFreezes) {

    public RunSummary {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(startedAt, "startedAt");
        activeFreezes = List.copyOf(activeFreezes);
        int counted = stepsSucceeded + stepsSkipped + stepsFailed + stepsBlocked + stepsPending;
        if (counted != stepsTotal) {
            throw new IllegalArgumentException("step counts add up to " + counted + ", not " + stepsTotal);
        }
    }
}
