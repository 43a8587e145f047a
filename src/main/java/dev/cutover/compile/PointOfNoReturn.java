package dev.cutover.compile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The point of no return of a plan: the first step, in execution order, after which rolling back is impossible
 * or much more expensive. That is the first step that is irreversible, or that changes something by command
 * (mutating, not human) without a rollback command once data has moved. Derived on demand from the steps, never
 * written to {@code execution-steps.json} (its bytes are a contract).
 *
 * @param step the step that crosses the point
 * @param reason one line saying why this step is the point
 */
public record PointOfNoReturn(ExecutionStep step, String reason) {
    /**
     * Data-plane actions that copy or transfer a datastore's contents. Other mutating data-plane actions (KMS
     * grants, snapshot shares, write freezes, secrets) change permissions or state around the data but leave the
     * target without data to lose, so a step after them can still be undone by rolling back the phase. Also what
     * {@code cutover review} counts as a copy of a datastore when it checks that a freeze covers the final copy.
     */
    public static final Set<String> DATA_MOVING_ACTIONS = Set.of(
            "s3-sync",
            "datasync-start",
            "dms-start-replication-task",
            "s3-batch-replication-job",
            "snapshot-restore",
            "dynamodb-export",
            "dynamodb-import",
            "cognito-idp-import-job");

    public PointOfNoReturn {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(reason, "reason");
    }

    /** The point of no return of {@code steps} (execution order), or empty when every step can be rolled back. */
    public static Optional<PointOfNoReturn> of(List<ExecutionStep> steps) {
        ExecutionStep firstDataMove = null;
        for (ExecutionStep step : steps) {
            if (step.irreversible()) {
                return Optional.of(new PointOfNoReturn(
                        step, "irreversible " + step.action() + " step: once it has run, it cannot be undone"));
            }
            if (firstDataMove != null && withoutRollback(step)) {
                return Optional.of(new PointOfNoReturn(
                        step,
                        "no rollback command for this " + step.action() + " step, and data has moved since "
                                + firstDataMove.stepId()));
            }
            if (firstDataMove == null && movesData(step)) {
                firstDataMove = step;
            }
        }
        return Optional.empty();
    }

    /** The step id, for callers that only need to mark it. */
    public String stepId() {
        return step.stepId();
    }

    // A human step has no command to undo; what the operator did by hand they undo by hand (its notes say how).
    private static boolean withoutRollback(ExecutionStep step) {
        return step.mutating() && !step.human() && step.rollbackCmd().isEmpty();
    }

    // Human transfers count: a job the operator started by hand has moved data just the same.
    private static boolean movesData(ExecutionStep step) {
        return "dp".equals(step.plane()) && DATA_MOVING_ACTIONS.contains(step.action());
    }
}
