package dev.cutover.compile;

import static dev.cutover.compile.Compiles.CP;
import static dev.cutover.compile.Compiles.DP;
import static dev.cutover.compile.Compiles.Edit.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.policy.AllowedPrograms;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandSelectionTest {
    @TempDir
    Path dir;

    @Test
    void executableItemCommandIsTheExecuteCommand() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "dp-phase1-010-kms-grant-db");
        assertThat(step.executeCmd()).startsWith("aws kms create-grant --key-id 3c4d5e6f");
        assertThat(step.previewCmd()).startsWith("aws kms list-grants");
    }

    @Test
    void elidedItemCommandFallsThroughToTheTemplate() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "dp-phase2-030-restore-db");
        assertThat(step.executeCmd())
                .startsWith("aws rds restore-db-instance-from-db-snapshot --db-instance-identifier 'shipments-db'")
                .contains("{snapshot-id}")
                .doesNotContain("...");
        assertThat(step.tool()).isEqualTo("aws-cli");
        assertThat(step.runtimeParams()).contains("snapshot-id");
    }

    @Test
    void terraformApplyAlwaysUsesTheTemplateWithAutoApprove() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "cp-phase1-010-apply-networking");
        assertThat(step.executeCmd())
                .isEqualTo("terraform apply -target=module.'networking' -auto-approve -input=false");
        assertThat(step.previewCmd()).startsWith("terraform init -input=false && terraform plan");
        assertThat(step.tool()).isEqualTo("terraform");
        assertThat(step.resourceArn()).isEqualTo("target:terraform:module.networking");
        assertThat(step.resourceType()).isEqualTo("Terraform::Module");
    }

    @Test
    void terraformApplyWithoutVerificationGetsTheTemplatePlanVerify() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "cp-phase3-010-apply-databases");
        assertThat(step.verifyCmd()).contains("-detailed-exitcode");
    }

    @Test
    void nonExecutableCommandWithoutTemplateBecomesAHumanStepWithTheOriginalText() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "dp-phase2-010-batch-docs");
        assertThat(step.tool()).isEqualTo("human");
        assertThat(step.executeCmd()).isEqualTo("true");
        assertThat(step.action()).isEqualTo("s3-batch-replication-job");
        assertThat(step.previewCmd()).isNull();
        assertThat(step.notes()).contains("MANUAL: aws s3control create-job");
    }

    @Test
    void manualToolMakesAHumanStepAndWarnsWhenTheCommandWasExecutable(@TempDir Path tmp) {
        Plan plan = Compiles.compileEdited(tmp, replace(DP, "/phases/3/during_cutover/0/tool", "\"manual\""));
        ExecutionStep step = Compiles.step(plan, "dp-phase4-010-freeze-docs");
        assertThat(step.tool()).isEqualTo("human");
        assertThat(step.executeCmd()).isEqualTo("true");
        assertThat(plan.warnings())
                .anyMatch(w -> "dp-phase4-010-freeze-docs".equals(w.stepId())
                        && w.message().contains("human step although its command is executable"));
    }

    @Test
    void humanByActionStepsRunTrueWithManualNotes() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "dp-phase3-020-redeploy-eks");
        assertThat(step.executeCmd()).isEqualTo("true");
        assertThat(step.verifyCmd()).isEqualTo("true");
        assertThat(step.notes()).startsWith("MANUAL: Hand off to the platform on-call");
    }

    @Test
    void programNotOnTheAllowListFallsThroughToTheTemplate() {
        Plan plan = Compiles.compileEdited(
                dir, replace(DP, "/phases/0/during_cutover/0/command", "\"psql -c 'grant all'\""));
        ExecutionStep step = Compiles.step(plan, "dp-phase1-010-kms-grant-db");
        assertThat(step.executeCmd()).startsWith("aws kms create-grant --key-id 'arn:aws:kms:");
        assertThat(step.tool()).isEqualTo("aws-cli");
    }

    @Test
    void programNotOnTheAllowListWithoutTemplateMakesAHumanStep() {
        Plan plan = Compiles.compileEdited(
                dir, replace(DP, "/phases/3/during_cutover/0/command", "\"psql -c 'revoke all'\""));
        ExecutionStep step = Compiles.step(plan, "dp-phase4-010-freeze-docs");
        assertThat(step.tool()).isEqualTo("human");
        assertThat(step.notes()).contains("MANUAL: psql -c 'revoke all'");
        assertThat(plan.warnings()).anyMatch(w -> w.message().contains("downgraded to a manual step"));
    }

    @Test
    void nonAwsProgramGivesShellTool() {
        Plan plan = Compiles.compile(
                Compiles.edited(
                        dir,
                        replace(CP, "/phases/0/during_cutover/0/command", "\"curl -sf https://example.com/health\"")),
                AllowedPrograms.flat(java.util.List.of("aws", "terraform", "dig", "true", "curl")));
        assertThat(Compiles.step(plan, "cp-phase0-020-create-state-bucket").tool())
                .isEqualTo("shell");
    }

    @Test
    void itemVerificationCommandWinsOverTemplateVerify() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "cp-phase1-010-apply-networking");
        assertThat(step.verifyCmd()).isEqualTo("aws ec2 describe-vpcs --profile $MIGRATION_TARGET_PROFILE");
    }

    @Test
    void stepWithoutAnyVerifyGetsTrue() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "dp-phase4-010-freeze-docs");
        assertThat(step.verifyCmd()).isEqualTo("true");
        assertThat(step.verifySuccessPattern()).isNull();
    }

    @Test
    void route53VerifyDigsTheRecordNameFromTheGraphWithPattern() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "dp-phase4-030-route53-cutover");
        assertThat(step.verifyCmd()).isEqualTo("dig +short @8.8.8.8 'api.northwind.example.com'");
        assertThat(step.verifySuccessPattern()).isEqualTo("\\S");
        assertThat(step.previewCmd()).isNull();
        assertThat(step.runtimeParams()).containsExactly("hosted-zone-id", "change-file");
    }

    @Test
    void secretStepExecuteHasNoSecretAndAsksForTheSecretFile() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "dp-phase3-010-put-db-secret");
        assertThat(step.executeCmd()).contains("--secret-string file://{secret-file}");
        assertThat(step.runtimeParams()).contains("secret-file");
        assertThat(step.verifySuccessPattern()).isEqualTo("AWSCURRENT");
    }

    @Test
    void literalSecretInTheChecklistNeverReachesTheStep() {
        Plan plan = Compiles.compileEdited(
                dir,
                replace(
                        DP,
                        "/phases/2/during_cutover/0/command",
                        "\"aws secretsmanager put-secret-value --secret-id prod/shipments/db --secret-string hunter2"
                                + " --profile $MIGRATION_TARGET_PROFILE\""));
        ExecutionStep step = Compiles.step(plan, "dp-phase3-010-put-db-secret");
        assertThat(new String(StepsJson.write(java.util.List.of(step)), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("hunter2");
        assertThat(step.runtimeParams()).contains("secret-file");
    }

    @Test
    void openPlaceholdersAreStoredInCanonicalBraceForm() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "dp-phase1-030-share-db-snapshot");
        assertThat(step.executeCmd()).contains("{snapshot-id}").doesNotContain("<snap>");
        assertThat(step.runtimeParams()).containsExactly("snapshot-id");
    }

    @Test
    void terraformApplyWithoutTerraformAllowedBecomesAHumanStep() {
        Plan plan = Compiles.compile(
                dev.cutover.testing.RunDirFixtures.source("complete"),
                AllowedPrograms.flat(java.util.List.of("aws", "dig", "true")));
        ExecutionStep step = Compiles.step(plan, "cp-phase1-010-apply-networking");
        assertThat(step.tool()).isEqualTo("human");
        assertThat(step.executeCmd()).isEqualTo("true");
        assertThat(step.notes()).contains("MANUAL: terraform apply -target=module.networking");
    }
}
