package dev.cutover.compile;

import static dev.cutover.compile.Compiles.DP;
import static dev.cutover.compile.Compiles.Edit.replace;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskAndOwnershipTest {
    @TempDir
    Path dir;

    @Test
    void everyStepRequiresApproval() {
        assertThat(Compiles.complete().steps()).allMatch(ExecutionStep::approvalRequired);
    }

    @Test
    void dnsSwapIsIrreversibleAndHighRisk() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "dp-phase4-030-route53-cutover");
        assertThat(step.irreversible()).isTrue();
        assertThat(step.risk()).isEqualTo("high");
        assertThat(step.notes()).startsWith("IRREVERSIBLE:");
    }

    @Test
    void irreversibleActionsAreIrreversibleWithoutTheItemFlag() {
        assertThat(RiskAndOwnership.irreversible(null, "rds-promote-read-replica"))
                .isTrue();
        assertThat(RiskAndOwnership.irreversible(false, "dms-promote")).isTrue();
        assertThat(RiskAndOwnership.irreversible(true, "kms-grant")).isTrue();
        assertThat(RiskAndOwnership.irreversible(null, "kms-grant")).isFalse();
    }

    @Test
    void manualAndVerifyOnlyStepsAreLowRiskEvenOnHighRiskResources() {
        Plan plan = Compiles.complete();
        assertThat(Compiles.step(plan, "dp-phase5-030-validate-db").risk()).isEqualTo("low");
        assertThat(Compiles.step(plan, "dp-phase5-090-check-db-status").risk()).isEqualTo("low");
        assertThat(Compiles.step(plan, "dp-phase3-020-redeploy-eks").risk()).isEqualTo("low");
    }

    @Test
    void freezeWritesIsHighRisk() {
        assertThat(Compiles.step(Compiles.complete(), "dp-phase4-010-freeze-docs")
                        .risk())
                .isEqualTo("high");
    }

    @Test
    void resourceInTheMigrationPlanTakesItsHighestRisk() {
        Plan plan = Compiles.complete();
        assertThat(Compiles.step(plan, "dp-phase1-010-kms-grant-db").risk()).isEqualTo("high");
        assertThat(Compiles.step(plan, "dp-phase2-040-datasync-labels").risk()).isEqualTo("low");
    }

    @Test
    void terraformApplyTakesTheHighestRiskOfItsPlanPhaseElseMedium() {
        Plan plan = Compiles.complete();
        assertThat(Compiles.step(plan, "cp-phase3-010-apply-databases").risk()).isEqualTo("high");
        assertThat(Compiles.step(plan, "cp-phase1-010-apply-networking").risk()).isEqualTo("medium");
        assertThat(Compiles.step(plan, "cp-phase0-030-apply-iam").risk()).isEqualTo("medium");
    }

    @Test
    void ownerIsTheTeamListingTheResourceElseTheItemOwner() {
        Plan plan =
                Compiles.compileEdited(dir, replace(DP, "/phases/1/during_cutover/1/owner_team", "\"someone-else\""));
        // resource-ownership.json lists the events bucket under data-platform.
        assertThat(Compiles.step(plan, "dp-phase2-020-batch-events").ownerTeam())
                .isEqualTo("data-platform");
        assertThat(Compiles.step(plan, "dp-phase3-010-put-db-secret").ownerTeam())
                .isEqualTo("platform");
        assertThat(Compiles.step(plan, ExecutionStep.HANDOFF_STEP_ID).ownerTeam())
                .isNull();
    }

    @Test
    void manualReviewReasonIsAppendedByServiceAndName() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "dp-phase4-010-freeze-docs");
        assertThat(step.notes()).contains("MANUAL REVIEW: Bucket policy grants read access to partner account");
    }

    @Test
    void estimatedSecondsComeFromTheTimeBox() {
        assertThat(Compiles.step(Compiles.complete(), "dp-phase2-010-batch-docs")
                        .estimatedSeconds())
                .isEqualTo(480 * 60);
    }
}
