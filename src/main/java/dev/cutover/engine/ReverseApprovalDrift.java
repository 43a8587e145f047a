package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunDirectory;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.ReverseRollbacks;
import dev.cutover.journal.RunState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Continuing a reverse rollback runs, for a step whose rollback was approved and then stopped (in flight after a
 * crash, or failed), exactly the text its last {@code rollback-approved} recorded, and only if the plan still gives
 * that text: a plan recompiled from edited inputs passes the stored-plan check, so {@code cutover rollback} compares
 * the journal with the plan before anything is journaled, as {@code --resume} does for execute commands
 * ({@link ApprovalDrift}), and refuses a difference with {@link ErrorCode#PLAN_DRIFT} instead of asking a retry it
 * could not run.
 */
final class ReverseApprovalDrift {
    private ReverseApprovalDrift() {}

    /**
     * Refuses when a rollback the journal shows approved, and which the walk would continue, is no longer the one
     * the plan gives.
     *
     * @throws CutoverException {@link ErrorCode#PLAN_DRIFT}, naming the step, both texts and the fix
     */
    static void require(List<ExecutionStep> steps, ReverseRollbacks done, RunState state) {
        Map<String, ExecutionStep> byId = new HashMap<>();
        steps.forEach(s -> byId.put(s.stepId(), s));
        for (String id : done.succeededInOrder()) {
            ReverseRollbacks.State reverse = done.stateOf(id);
            Optional<JournalEntry> approval = done.step(id).flatMap(ReverseRollbacks.Step::lastApproval);
            if ((reverse != ReverseRollbacks.State.APPROVED && reverse != ReverseRollbacks.State.FAILED)
                    || approval.isEmpty()) {
                continue;
            }
            ExecutionStep step = byId.get(id);
            if (step == null) {
                throw refusal(id, approval.get(), "the plan has no such step now");
            }
            if (step.rollbackCmd().isEmpty()) {
                throw refusal(id, approval.get(), "the plan now gives no rollback command");
            }
            String now = ReverseStep.valuesOf(state.step(id), approval).substitute(step.rollbackCmd());
            if (!now.equals(approval.get().cmd())) {
                throw refusal(id, approval.get(), "the plan now gives `" + now + "`");
            }
        }
    }

    private static CutoverException refusal(String stepId, JournalEntry approval, String now) {
        return new CutoverException(
                ErrorCode.PLAN_DRIFT,
                "step " + stepId + ": " + RunDirectory.JOURNAL + " entry " + approval.entryId()
                        + " shows the rollback `" + approval.cmd() + "` approved, but " + now
                        + ". A stopped rollback continues only with the command that was approved. Restore the"
                        + " inputs and execution-steps.json the run was approved with, then run `cutover rollback`"
                        + " again.");
    }
}
