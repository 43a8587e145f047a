package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.testing.TestStep;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PointOfNoReturnTest {
    private static final String ROLLBACK = "undo it";

    @Test
    void anIrreversibleStepIsThePointEvenBeforeAnyDataHasMoved() {
        Optional<PointOfNoReturn> point = PointOfNoReturn.of(List.of(
                step("cp-phase1-010-apply", "aws-cli", "aws-cli", ROLLBACK).build(),
                step("cp-phase2-010-swap", "aws-cli", "aws-cli", ROLLBACK)
                        .markedIrreversible()
                        .build(),
                step("dp-phase2-010-copy", "datasync-start", "datasync", "").build()));

        assertThat(point).map(PointOfNoReturn::stepId).contains("cp-phase2-010-swap");
        assertThat(point.orElseThrow().reason()).startsWith("irreversible aws-cli step");
    }

    @Test
    void aCommandStepWithoutRollbackAfterDataHasMovedIsThePoint() {
        Optional<PointOfNoReturn> point = PointOfNoReturn.of(List.of(
                step("dp-phase2-010-copy", "datasync-start", "datasync", ROLLBACK)
                        .build(),
                step("dp-phase3-010-upload", "lambda-code-upload", "aws-cli", "")
                        .build(),
                step("dp-phase4-030-swap", "route53-change", "aws-cli", ROLLBACK)
                        .markedIrreversible()
                        .build()));

        assertThat(point).map(PointOfNoReturn::stepId).contains("dp-phase3-010-upload");
        assertThat(point.orElseThrow().reason())
                .isEqualTo("no rollback command for this lambda-code-upload step, and data has moved since "
                        + "dp-phase2-010-copy");
    }

    @Test
    void aStepWithoutRollbackBeforeAnyDataHasMovedIsNotThePoint() {
        Optional<PointOfNoReturn> point = PointOfNoReturn.of(List.of(
                step("dp-phase1-010-grant", "kms-grant", "aws-cli", "").build(),
                step("dp-phase2-010-copy", "datasync-start", "datasync", "").build()));

        assertThat(point).isEmpty();
    }

    @Test
    void theFirstTransferItselfIsNotThePointButTheNextOneWithoutRollbackIs() {
        Optional<PointOfNoReturn> point = PointOfNoReturn.of(List.of(
                step("dp-phase2-010-copy", "datasync-start", "datasync", "").build(),
                step("dp-phase2-020-copy-more", "s3-sync", "aws-cli", "").build()));

        assertThat(point).map(PointOfNoReturn::stepId).contains("dp-phase2-020-copy-more");
    }

    @Test
    void aHumanStepWithoutRollbackIsNotThePoint() {
        Optional<PointOfNoReturn> point = PointOfNoReturn.of(List.of(
                step("dp-phase2-010-copy", "datasync-start", "datasync", ROLLBACK)
                        .build(),
                step("dp-phase3-020-redeploy", "k8s-redeploy-handoff", "human", "")
                        .build()));

        assertThat(point).isEmpty();
    }

    @Test
    void readOnlyAndDecisionStepsAreNotThePoint() {
        Optional<PointOfNoReturn> point = PointOfNoReturn.of(List.of(
                step("dp-phase2-010-copy", "datasync-start", "datasync", ROLLBACK)
                        .build(),
                step("dp-phase5-010-check", "verify-only", "aws-cli", "").build(),
                step("dp-phase5-020-decide", "manual-decision", "aws-cli", "").build()));

        assertThat(point).isEmpty();
    }

    @Test
    void aStepWithRollbackAfterDataHasMovedIsNotThePoint() {
        Optional<PointOfNoReturn> point = PointOfNoReturn.of(List.of(
                step("dp-phase2-010-copy", "datasync-start", "datasync", ROLLBACK)
                        .build(),
                step("dp-phase4-030-swap", "route53-change", "aws-cli", ROLLBACK)
                        .build()));

        assertThat(point).isEmpty();
    }

    @Test
    void grantsSharesAndFreezesDoNotCountAsDataHavingMoved() {
        Optional<PointOfNoReturn> point = PointOfNoReturn.of(List.of(
                step("dp-phase1-010-grant", "kms-grant", "aws-cli", "").build(),
                step("dp-phase1-020-share", "snapshot-share", "aws-cli", "").build(),
                step("dp-phase4-010-freeze", "freeze-writes", "aws-cli", "").build()));

        assertThat(point).isEmpty();
    }

    @Test
    void aTransferTheOperatorStartsByHandStillMovesData() {
        Optional<PointOfNoReturn> point = PointOfNoReturn.of(List.of(
                step("dp-phase2-010-batch", "s3-batch-replication-job", "human", ROLLBACK)
                        .build(),
                step("dp-phase4-010-freeze", "freeze-writes", "aws-cli", "").build()));

        assertThat(point).map(PointOfNoReturn::stepId).contains("dp-phase4-010-freeze");
    }

    @Test
    void anEmptyPlanHasNoPointOfNoReturn() {
        assertThat(PointOfNoReturn.of(List.of())).isEmpty();
    }

    @Test
    void theCompleteFixturesPointIsTheDataSyncTransferWithoutRollbackAfterTheBatchJobs() {
        Optional<PointOfNoReturn> point = PointOfNoReturn.of(Compiles.complete().steps());

        // Earlier than the irreversible DNS swap (dp-phase4-030): the labels transfer has no rollback command.
        assertThat(point).map(PointOfNoReturn::stepId).contains("dp-phase2-040-datasync-labels");
        assertThat(point.orElseThrow().reason()).endsWith("data has moved since dp-phase2-010-batch-docs");
    }

    /** A step of {@code action} run by {@code tool}, with {@code rollback} (empty for none). */
    private static TestStep step(String id, String action, String tool, String rollback) {
        return TestStep.step(id).withAction(action).withTool(tool).withRollback(rollback);
    }
}
