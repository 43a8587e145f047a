package dev.cutover.compile;

import static dev.cutover.compile.Compiles.CP;
import static dev.cutover.compile.Compiles.DP;
import static dev.cutover.compile.Compiles.Edit.replace;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollbackTest {
    @Test
    void controlPlaneModuleApplyTakesItsPlanPhasesFirstRollbackStep() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "cp-phase1-010-apply-networking");
        assertThat(step.rollbackCmd()).isEqualTo("terraform destroy -target=module.networking -auto-approve");
        assertThat(step.rollbackSource()).isEqualTo("migration-plan.phases[number=1].rollback.steps[0]");
        assertThat(step.rollbackWindowMinutes()).isEqualTo(30);
    }

    @Test
    void planRollbackNamingADatastoreIsNotOfferedOnOtherSteps() {
        // Phase 3's rollback deletes shipments-db: never offered on the databases scaffold apply.
        ExecutionStep step = Compiles.step(Compiles.complete(), "cp-phase3-010-apply-databases");
        assertThat(step.rollbackCmd()).isEmpty();
        assertThat(step.rollbackSource()).isEqualTo("none");
        assertThat(step.notes()).contains("PLAN ROLLBACK (not offered): aws rds delete-db-instance");
    }

    @Test
    void planRollbackNamingADatastoreIsOfferedOnDataPlaneStepsOnThatDatastore() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "dp-phase2-030-restore-db");
        assertThat(step.rollbackCmd()).startsWith("aws rds delete-db-instance --db-instance-identifier shipments-db");
        assertThat(step.rollbackSource()).isEqualTo("migration-plan.phases[number=3].rollback.steps[0]");
        assertThat(step.rollbackWindowMinutes()).isEqualTo(60);
    }

    @Test
    void furtherPlanRollbackStepsGoToNotesNeverJoined() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "dp-phase2-030-restore-db");
        assertThat(step.rollbackCmd()).doesNotContain("&&").doesNotContain("terraform destroy");
        assertThat(step.notes()).contains("ROLLBACK STEP 2: terraform destroy -target=module.databases -auto-approve");
    }

    @Test
    void dataPlaneS3StepInPhase2UsesStoragePhaseRollback() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "dp-phase2-010-batch-docs");
        assertThat(step.rollbackSource()).isEqualTo("migration-plan.phases[number=2].rollback.steps[0]");
    }

    @Test
    void dnsSwapUsesDnsCutoverPhaseRollbackVerbatimEvenWhenNotExecutable() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "dp-phase4-030-route53-cutover");
        assertThat(step.rollbackCmd()).startsWith("Re-point the api.northwind.example.com alias");
        assertThat(step.rollbackSource()).isEqualTo("migration-plan.phases[number=5].rollback.steps[0]");
    }

    @Test
    void manualVerifyOnlyAndOtherModulesHaveNoRollback() {
        Plan plan = Compiles.complete();
        for (String id : new String[] {
            "cp-phase0-030-apply-iam",
            "cp-phase5-010-apply-dns",
            "cp-phase1-090-verify-vpc",
            "dp-phase5-010-validate-docs",
            ExecutionStep.HANDOFF_STEP_ID
        }) {
            ExecutionStep step = Compiles.step(plan, id);
            assertThat(step.rollbackCmd()).as(id).isEmpty();
            assertThat(step.rollbackSource()).as(id).isEqualTo("none");
        }
    }

    @Test
    void controlPlaneAwsCliInPhases1To4UsesThatPhasesRollback(@TempDir Path dir) {
        String item = "{\"id\":\"cp-phase2-020-tag-buckets\",\"description\":\"tag\",\"operation_type\":\"aws-cli\","
                + "\"command\":\"aws s3api put-bucket-tagging --bucket b --tagging x --profile $MIGRATION_TARGET_PROFILE\"}";
        Plan plan = Compiles.compileEdited(dir, Compiles.Edit.add(CP, "/phases/2/during_cutover/-", item));
        assertThat(Compiles.step(plan, "cp-phase2-020-tag-buckets").rollbackSource())
                .isEqualTo("migration-plan.phases[number=2].rollback.steps[0]");
    }

    @Test
    void emptyPlanRollbackMeansNone(@TempDir Path dir) {
        Plan plan = Compiles.compileEdited(dir, replace("migration-plan.json", "/phases/0/rollback/steps", "[]"));
        ExecutionStep step = Compiles.step(plan, "cp-phase1-010-apply-networking");
        assertThat(step.rollbackCmd()).isEmpty();
        assertThat(step.rollbackSource()).isEqualTo("none");
    }

    @Test
    void planRollbackNamingOneBucketIsNotOfferedOnAnotherBucketsStep(@TempDir Path dir) {
        Plan plan = Compiles.compileEdited(
                dir,
                replace(
                        "migration-plan.json",
                        "/phases/1/rollback/steps",
                        "[\"aws s3 rb s3://nw-prod-shipments-docs --force --profile $MIGRATION_TARGET_PROFILE\"]"));
        ExecutionStep docs = Compiles.step(plan, "dp-phase2-010-batch-docs");
        assertThat(docs.rollbackCmd()).startsWith("aws s3 rb s3://nw-prod-shipments-docs");
        assertThat(docs.rollbackWindowMinutes()).isEqualTo(20);
        ExecutionStep events = Compiles.step(plan, "dp-phase2-020-batch-events");
        assertThat(events.rollbackCmd()).isEmpty();
        assertThat(events.rollbackSource()).isEqualTo("none");
        assertThat(events.rollbackWindowMinutes()).isNull();
        assertThat(events.notes()).contains("PLAN ROLLBACK (not offered): aws s3 rb s3://nw-prod-shipments-docs");
    }

    @Test
    void wholeWordMatchDoesNotConfuseABucketWithALongerName(@TempDir Path dir) {
        Plan plan = Compiles.compileEdited(
                dir,
                replace(
                        "migration-plan.json",
                        "/phases/1/rollback/steps",
                        "[\"aws s3 rb s3://nw-prod-shipments-docs-archive --profile $MIGRATION_TARGET_PROFILE\"]"));
        assertThat(Compiles.step(plan, "dp-phase2-020-batch-events").rollbackCmd())
                .startsWith("aws s3 rb s3://nw-prod-shipments-docs-archive");
    }

    @Test
    void anItemsOwnRollbackCommandWinsOverThePlanPhaseRollback(@TempDir Path dir) {
        Plan plan = Compiles.compileEdited(
                dir,
                Compiles.Edit.add(
                        DP,
                        "/phases/1/during_cutover/0/rollback_command",
                        "\"aws s3control update-job-status --job-id {job-id} --requested-job-status Cancelled\""));
        ExecutionStep step = Compiles.step(plan, "dp-phase2-010-batch-docs");
        assertThat(step.rollbackCmd())
                .isEqualTo("aws s3control update-job-status --job-id {job-id} --requested-job-status Cancelled");
        assertThat(step.rollbackSource())
                .isEqualTo("cutover-checklist-data-plane.items[id=dp-phase2-010-batch-docs].rollback_command");
        assertThat(step.rollbackWindowMinutes()).isNull();
        assertThat(step.notes()).doesNotContain("ROLLBACK");
    }

    @Test
    void anItemsOwnRollbackCommandGivesARollbackWhereThePlanMapsNone(@TempDir Path dir) {
        Plan plan = Compiles.compileEdited(
                dir,
                Compiles.Edit.add(
                        CP,
                        "/phases/5/during_cutover/0/rollback_command",
                        "\"terraform destroy -target=module.dns -auto-approve -input=false\""));
        ExecutionStep step = Compiles.step(plan, "cp-phase5-010-apply-dns");
        assertThat(step.rollbackCmd()).isEqualTo("terraform destroy -target=module.dns -auto-approve -input=false");
        assertThat(step.rollbackSource())
                .isEqualTo("cutover-checklist-control-plane.items[id=cp-phase5-010-apply-dns].rollback_command");
    }

    @Test
    void aBlankRollbackCommandLeavesThePlanRollback(@TempDir Path dir) {
        Plan plan = Compiles.compileEdited(
                dir, Compiles.Edit.add(CP, "/phases/1/during_cutover/0/rollback_command", "\"  \""));
        assertThat(Compiles.step(plan, "cp-phase1-010-apply-networking").rollbackSource())
                .isEqualTo("migration-plan.phases[number=1].rollback.steps[0]");
    }
}
