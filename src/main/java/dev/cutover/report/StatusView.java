package dev.cutover.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@code cutover status} shows: where the run is, what it waits for, how to continue, and every step.
 *
 * @param runDir the run directory
 * @param runId the run id
 * @param activity running, interrupted or ended
 * @param verdict the recorded verdict of an ended run, else null
 * @param waitingFor one line: what the run is doing or waiting for, or how it stopped
 * @param currentStepId the first in-flight step, else the first pending step that is not blocked, or null
 * @param nextCommand the exact command to continue, or null (a live run needs none; answer its prompts)
 * @param lock the lock file, or null when there is none
 * @param tornTail true when the journal ends in a torn line
 * @param lastEntryAt the {@code at} of the last journal entry, or null
 * @param counts steps per state
 * @param activeFreezes freezes in force now
 * @param steps one row per step, in plan order
 * @param jobsInFlight every long-running step whose job started and has not ended
 * @param plan whether execution-steps.json is the plan the run started with
 */
public record StatusView(
        String runDir,
        String runId,
        RunActivity activity,
        String verdict,
        String waitingFor,
        String currentStepId,
        String nextCommand,
        LockInfo lock,
        boolean tornTail,
        Instant lastEntryAt,
        StepCounts counts,
        List<FreezeRow> activeFreezes,
        List<StatusRow> steps,
        List<JobRow> jobsInFlight,
        PlanCheck plan) {

    public StatusView {
        Objects.requireNonNull(runDir, "runDir");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(waitingFor, "waitingFor");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(plan, "plan");
        activeFreezes = List.copyOf(activeFreezes);
        steps = List.copyOf(steps);
        jobsInFlight = List.copyOf(jobsInFlight);
    }
}
