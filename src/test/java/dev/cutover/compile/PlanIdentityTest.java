package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.testing.TestStep;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plan identity (issue 5): a staging rehearsal of the production checklists is the same plan; a changed step,
 * command or order is not.
 */
class PlanIdentityTest {
    private static final String SHARE_PROD = "aws rds modify-db-snapshot-attribute --db-snapshot-identifier s1"
            + " --values-to-add 222222222222 --profile prod-source";
    private static final String SHARE_STAGING = "aws rds modify-db-snapshot-attribute --db-snapshot-identifier s1"
            + " --values-to-add 444444444444 --profile staging-source";

    private static List<ExecutionStep> plan(String shareCommand, String rollback) {
        return List.of(
                TestStep.step("dp-phase1-010-share").withRollback(rollback).build(),
                withExecute(
                        TestStep.step("dp-phase1-020-restore")
                                .requires("dp-phase1-010-share")
                                .build(),
                        shareCommand));
    }

    private static ExecutionStep withExecute(ExecutionStep s, String cmd) {
        return new ExecutionStep(
                s.stepId(),
                s.phaseNumber(),
                s.phaseName(),
                s.checklistItemId(),
                s.resourceArn(),
                s.resourceType(),
                s.action(),
                s.tool(),
                cmd,
                s.verifyCmd(),
                s.rollbackCmd(),
                s.risk(),
                s.approvalRequired(),
                s.previewCmd(),
                s.verifySuccessPattern(),
                s.requires(),
                s.longRunning(),
                s.pollCmd(),
                s.pollIntervalSeconds(),
                s.pollTerminalStates(),
                s.ownerTeam(),
                s.estimatedSeconds(),
                s.notes(),
                s.plane(),
                s.sourceSection(),
                s.operationType(),
                s.description(),
                s.datastoreArn(),
                s.irreversible(),
                s.runtimeParams(),
                s.pollSuccessStates(),
                s.rollbackSource(),
                s.rollbackWindowMinutes());
    }

    @Test
    void accountIdsAndProfilesAreEnvironmentNotPlan() {
        assertThat(PlanIdentity.of(plan(SHARE_STAGING, "undo")))
                .isEqualTo(PlanIdentity.of(plan(SHARE_PROD, "undo")))
                .startsWith("sha256:")
                .hasSize("sha256:".length() + 64);
    }

    @Test
    void aChangedCommandIsAnotherPlan() {
        assertThat(PlanIdentity.of(plan(SHARE_PROD.replace("s1", "s2"), "undo")))
                .isNotEqualTo(PlanIdentity.of(plan(SHARE_PROD, "undo")));
        assertThat(PlanIdentity.of(plan(SHARE_PROD, "undo differently")))
                .isNotEqualTo(PlanIdentity.of(plan(SHARE_PROD, "undo")));
    }

    @Test
    void aChangedOrderOrAnAddedStepIsAnotherPlan() {
        List<ExecutionStep> steps = plan(SHARE_PROD, "undo");
        assertThat(PlanIdentity.of(List.of(steps.get(1), steps.get(0)))).isNotEqualTo(PlanIdentity.of(steps));
        assertThat(PlanIdentity.of(List.of(steps.get(0)))).isNotEqualTo(PlanIdentity.of(steps));
    }

    @Test
    void documentationFieldsDoNotCount() {
        ExecutionStep s = TestStep.step("cp-phase1-010-a").takes(5).build();
        ExecutionStep longer = TestStep.step("cp-phase1-010-a").takes(50).build();
        assertThat(PlanIdentity.of(List.of(s))).isEqualTo(PlanIdentity.of(List.of(longer)));
    }

    @Test
    void onlyWholeTwelveDigitNumbersAndProfileValuesAreMasked() {
        assertThat(PlanIdentity.withoutEnvironment("arn:aws:kms:us-east-1:111111111111:key/k --profile=a"))
                .isEqualTo("arn:aws:kms:us-east-1:<account>:key/k --profile=<profile>");
        assertThat(PlanIdentity.withoutEnvironment("--size 1234567890123 --profile \"my prof\""))
                .isEqualTo("--size 1234567890123 --profile <profile>");
    }
}
