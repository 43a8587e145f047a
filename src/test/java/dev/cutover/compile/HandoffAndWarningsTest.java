package dev.cutover.compile;

import static dev.cutover.compile.Compiles.CP;
import static dev.cutover.compile.Compiles.DP;
import static dev.cutover.compile.Compiles.Edit.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.error.CutoverException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandoffAndWarningsTest {
    @TempDir
    Path dir;

    @Test
    void handoffIsAHumanDecisionBetweenThePlanes() {
        Plan plan = Compiles.complete();
        List<String> ids = plan.steps().stream().map(ExecutionStep::stepId).toList();
        int handoff = ids.indexOf(ExecutionStep.HANDOFF_STEP_ID);
        assertThat(ids.subList(0, handoff)).allMatch(id -> id.startsWith("cp-"));
        assertThat(ids.subList(handoff + 1, ids.size())).allMatch(id -> id.startsWith("dp-"));
        ExecutionStep step = plan.steps().get(handoff);
        assertThat(step.phaseNumber()).isEqualTo(6);
        assertThat(step.phaseName()).isEqualTo("Control Plane Validation");
        assertThat(step.action()).isEqualTo("manual-decision");
        assertThat(step.tool()).isEqualTo("human");
        assertThat(step.executeCmd()).isEqualTo("true");
        assertThat(step.verifyCmd()).isEqualTo("true");
        assertThat(step.previewCmd()).isNull();
        assertThat(step.rollbackCmd()).isEmpty();
        assertThat(step.resourceArn()).isEqualTo("target:handoff:data-plane");
        assertThat(step.sourceSection()).isEqualTo("synthesized");
        assertThat(step.notes())
                .contains("The staging ALB health check is green.")
                .contains("data-plane IAM policy");
    }

    @Test
    void freezeBeginningAtAnUncompiledStepIsACompileError() {
        CutoverException e =
                Compiles.failure(dir, replace(DP, "/freeze_windows/0/begins_at_step_id", "\"dp-phase4-015-nope\""));
        assertThat(Compiles.problemAt(e, DP, "/freeze_windows/0/begins_at_step_id")
                        .message())
                .contains("not a compiled step");
    }

    @Test
    void aFreezeWhoseBeginItemDidNotCompileIsReportedOnceAtThatItem() {
        CutoverException e =
                Compiles.failure(dir, replace(DP, "/phases/3/during_cutover/0/operation_type", "\"freeze-write\""));
        assertThat(e.problems())
                .extracting(p -> p.pointer())
                .containsExactly("/phases/3/during_cutover/0/operation_type");
        assertThat(e.problems().get(0).message())
                .isEqualTo("unknown operation_type 'freeze-write' (did you mean 'freeze-writes'?)");
    }

    @Test
    void unknownReleaseStepIsAWarning() {
        Plan plan = Compiles.compileEdited(dir, replace(DP, "/freeze_windows/1/release_step_id", "null"));
        assertThat(plan.warnings()).anyMatch(w -> w.message().contains("has no compiled release step"));
    }

    @Test
    void aVerificationCommandThatCannotRunIsAWarningNamingWhatRunsInstead() {
        // dp phase 5, during item 0: replace its check with a program the default allow-list does not hold.
        Plan plan = Compiles.compileEdited(
                dir, replace(DP, "/phases/4/during_cutover/0/verification_command", "\"curl -sf https://x/health\""));
        assertThat(plan.warnings())
                .anyMatch(w -> w.message().contains("verification_command is not executable here")
                        && w.message().contains("instead"));
    }

    @Test
    void planBlockersAreWarnings() {
        Plan plan =
                Compiles.compileEdited(dir, replace("data-migration-plan.json", "/warnings/0/severity", "\"blocker\""));
        assertThat(plan.warnings())
                .anyMatch(w -> w.stepId() == null && w.message().contains("blocker"));
    }

    @Test
    void unusedTerraformModuleIsAWarning() {
        Plan plan = Compiles.compileEdited(dir, replace(CP, "/phases/6/terraform_modules", "[\"root\"]"));
        assertThat(plan.warnings()).anyMatch(w -> w.message().contains("'root'"));
    }

    @Test
    void toolMismatchIsAWarning() {
        Plan plan = Compiles.compileEdited(dir, replace(DP, "/phases/1/during_cutover/3/tool", "\"DMS\""));
        assertThat(plan.warnings())
                .anyMatch(w -> "dp-phase2-040-datasync-labels".equals(w.stepId())
                        && w.message().contains("differs from the compiled tool"));
    }

    @Test
    void itemsMissingFromTheSignedMarkdownAreWarnings() {
        Plan plan = Compiles.compileEdited(
                dir, replace(DP, "/phases/4/during_cutover/0/id", "\"dp-phase5-070-validate-docs\""));
        assertThat(plan.warnings())
                .anyMatch(w -> "dp-phase5-070-validate-docs".equals(w.stepId())
                        && w.message().contains("cutover-checklist-data-plane.md"));
    }

    @Test
    void warningsComeInADeterministicOrder() {
        assertThat(Compiles.complete().warnings()).isEqualTo(Compiles.complete().warnings());
    }

    @Test
    void allCompileErrorsAreReportedAtOnce() {
        CutoverException e = Compiles.failure(
                dir,
                replace(DP, "/phases/3/during_cutover/1/operation_type", "\"teleport\""),
                replace(CP, "/phases/1/during_cutover/0/terraform_module", "\"Net/Work\""));
        assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(e.getMessage()).endsWith("compile errors");
    }

    @Test
    void commandTargetingAnotherModuleIsACompileError() {
        CutoverException e = Compiles.failure(
                dir, replace(CP, "/phases/1/during_cutover/0/command", "\"terraform apply -target=module.compute\""));
        assertThat(Compiles.problemAt(e, CP, "/phases/1/during_cutover/0/command")
                        .message())
                .contains("module.compute");
    }

    @Test
    void stepWarningsAreRepeatedInTheStepsNotes() {
        Plan plan = Compiles.complete();
        ExecutionStep batch = Compiles.step(plan, "dp-phase2-010-batch-docs");
        assertThat(plan.warnings()).anyMatch(w -> batch.stepId().equals(w.stepId()));
        assertThat(batch.notes())
                .contains("WARNING: no executable execute command (`...` marks elided arguments); downgraded to a"
                        + " manual step");
        assertThat(batch.notes()).startsWith("MANUAL: ");
    }

    @Test
    void freezeCitingAnItemIdNamesTheStepItCompiledTo() {
        CutoverException e = Compiles.failure(
                dir,
                replace(DP, "/phases/3/during_cutover/0/id", "\"freeze-docs\""),
                replace(DP, "/freeze_windows/0/begins_at_step_id", "\"freeze-docs\""));
        assertThat(Compiles.problemAt(e, DP, "/freeze_windows/0/begins_at_step_id")
                        .fix())
                .contains("dp-phase4-020-nw-prod-shipments-docs-freeze-writes");
    }
}
