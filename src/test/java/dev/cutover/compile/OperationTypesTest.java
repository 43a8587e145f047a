package dev.cutover.compile;

import static dev.cutover.compile.Compiles.CP;
import static dev.cutover.compile.Compiles.DP;
import static dev.cutover.compile.Compiles.Edit.remove;
import static dev.cutover.compile.Compiles.Edit.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.error.CutoverException;
import dev.cutover.error.Problem;
import dev.cutover.input.Plane;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperationTypesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "DP, dms-start, dms-start-replication-task, dms, true",
        "DP, s3-batch-replication, s3-batch-replication-job, s3-batch, true",
        "DP, datasync-start, datasync-start, datasync, true",
        "DP, snapshot-restore, snapshot-restore, aws-cli, true",
        "DP, snapshot-share, snapshot-share, aws-cli, false",
        "DP, cognito-idp-import-job, cognito-idp-import-job, aws-cli, true",
        "DP, k8s-redeploy-handoff, k8s-redeploy-handoff, human, false",
        "DP, manual-decision, manual-decision, human, false",
        "CP, aws-cli, aws-cli, aws-cli, false",
        "CP, manual, manual-decision, human, false",
        "CP, terraform-apply, terraform-apply, terraform, false"
    })
    void tableMapsOperationTypeToActionToolAndLongRunningDefault(
            Plane plane, String operationType, String action, String tool, boolean longRunning) {
        OperationType row = OperationTypes.lookup(plane, operationType).orElseThrow();
        assertThat(row).isEqualTo(new OperationType(action, tool, longRunning));
    }

    @Test
    void dataPlaneVocabularyIsUnknownOnTheControlPlane() {
        assertThat(OperationTypes.lookup(Plane.CP, "kms-grant")).isEmpty();
        assertThat(OperationTypes.lookup(Plane.DP, "aws-cli")).isEmpty();
        assertThat(OperationTypes.lookup(Plane.DP, null)).isEmpty();
    }

    @Test
    void unknownOperationTypeIsACompileErrorAtItsPointer() {
        CutoverException e =
                Compiles.failure(dir, replace(DP, "/phases/3/during_cutover/1/operation_type", "\"teleport\""));
        Problem problem = Compiles.problemAt(e, DP, "/phases/3/during_cutover/1/operation_type");
        assertThat(problem.message()).isEqualTo("unknown operation_type 'teleport'");
        assertThat(problem.fix())
                .startsWith("Use one of this plane's operation types: ami-share, cognito-deploy-user-migration-lambda,")
                .contains(" s3-batch-replication,", " terraform-apply,")
                .doesNotContain("aws-cli, ", "FORMATS");
    }

    @Test
    void theControlPlanesOperationTypesAreTheThreeItsSchemaAllows() {
        assertThat(OperationTypes.namesFor(Plane.CP)).isEqualTo("aws-cli, manual, terraform-apply");
    }

    @Test
    void aTerraformApplyItemWithoutAModuleIsToldToNameOne() {
        CutoverException e = Compiles.failure(dir, remove(CP, "/phases/1/during_cutover/0/terraform_module"));

        Problem problem = Compiles.problemAt(e, CP, "/phases/1/during_cutover/0/terraform_module");
        assertThat(problem.message())
                .startsWith("a terraform-apply item needs a terraform_module")
                .doesNotContain("null");
        assertThat(problem.fix()).contains("\"terraform_module\"");
    }

    @Test
    void prePostItemsAreVerifyOnlyWhenTheirCheckIsExecutableElseManualDecision() {
        Plan plan = Compiles.complete();
        ExecutionStep verify = Compiles.step(plan, "dp-phase5-090-check-db-status");
        assertThat(verify.action()).isEqualTo("verify-only");
        assertThat(verify.tool()).isEqualTo("aws-cli");
        assertThat(verify.executeCmd()).isEqualTo("true");
        ExecutionStep manual = Compiles.step(plan, "dp-phase4-001-lower-ttl");
        assertThat(manual.action()).isEqualTo("manual-decision");
        assertThat(manual.tool()).isEqualTo("human");
        assertThat(manual.notes()).startsWith("MANUAL: ");
    }

    @Test
    void controlPlaneAwsCliItemKeepsItsOwnAction() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "cp-phase0-020-create-state-bucket");
        assertThat(step.action()).isEqualTo("aws-cli");
        assertThat(step.tool()).isEqualTo("aws-cli");
        assertThat(step.mutating()).isTrue();
    }
}
