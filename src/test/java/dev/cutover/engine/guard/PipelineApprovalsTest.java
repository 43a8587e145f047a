package dev.cutover.engine.guard;

import static dev.cutover.engine.guard.Guardrails.assertRefused;
import static dev.cutover.engine.guard.Guardrails.demoIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.engine.GuardOptions;
import dev.cutover.engine.LoadedPlan;
import dev.cutover.engine.PipelineApprovalsFile;
import dev.cutover.engine.PipelineGate;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.ApprovalMode;
import dev.cutover.testing.Rehearsals;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline-only production class: execute refuses at a terminal and runs only from the generated approvals
 * file, inside CI, under its approval gate, for exactly the plan the file was generated for.
 */
class PipelineApprovalsTest {

    @TempDir
    Path tmp;

    private Path org() {
        return Guardrails.pipelineOnlyOrg(tmp.resolve("org"));
    }

    private static LoadedPlan planOf(Scenario scenario) {
        return Guardrails.planOf(scenario);
    }

    /** The production demo, with the approvals prepare-pipeline would generate for it written next to it. */
    private Scenario production(Path approvals, boolean uncommented) throws Exception {
        Scenario scenario = demoIn(tmp, "production");
        String text = PipelineApprovalsFile.render(planOf(scenario), "production");
        if (uncommented) {
            // What the reviewers do in the pull request: manual steps done, handoff and gates signed.
            text = text.replaceAll("(?m)^# (approve|handoff|gate:\\S+) ", "$1 ");
        }
        Files.writeString(approvals, text);
        Rehearsals.rehearseAndCarry(scenario, tmp.resolve("staging"));
        return scenario.guard(new GuardOptions(org(), ApprovalMode.PER_STEP, approvals));
    }

    @Test
    void aPipelineOnlyProductionRefusesExecuteAndPointsToPreparePipeline() {
        RunOutcome run = demoIn(tmp, "production").guard(Guardrails.org(org())).run(new ScriptedApprover());

        assertRefused(
                run,
                ErrorCode.DIRECT_MUTATION_REFUSED,
                "direct mutation is pipeline-only for production",
                "cutover prepare-pipeline --run-dir");
        assertThat(run.exitCode()).isEqualTo(3);
    }

    @Test
    void theApprovalsRunTheWholePlanInCiUnderTheGateJournalingTheGateWithEveryAnswer() throws Exception {
        Path approvals = tmp.resolve("pipeline-approvals.txt");
        RunOutcome run = production(approvals, true)
                .env("CI", "true")
                .env(PipelineGate.GATE_VARIABLE, "github-run-7-1")
                .run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(run.approver().asked()).as("nobody at a terminal was asked").isEmpty();
        assertThat(run.entries("dp-phase4-030-switch-live", "approved"))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.path("notes").asText())
                        .contains("answers file " + approvals)
                        .endsWith("CI gate CUTOVER_PIPELINE_APPROVED=github-run-7-1"));
        assertThat(run.entries("dp-phase3-010-copy-config", "approved"))
                .extracting(e -> e.path("notes").asText())
                .anyMatch(n -> n.startsWith("point of no return crossing confirmed"));
    }

    @Test
    void leftAsGeneratedTheApprovalsHaltAtTheFirstManualStepForAPerson() throws Exception {
        RunOutcome run = production(tmp.resolve("pipeline-approvals.txt"), false)
                .env("CI", "true")
                .env(PipelineGate.GATE_VARIABLE, "github-run-7-1")
                .run(new ScriptedApprover());

        assertThat(run.verdict()).isEqualTo("halted");
        assertThat(run.output()).contains("no scripted answer for approve on cp-phase4-001-confirm-reader");
        assertThat(run.events("cp-phase1-010-create-target")).contains("step-succeeded");
        assertThat(run.events("cp-phase4-001-confirm-reader")).doesNotContain("approved");
    }

    @Test
    void aHaltedPipelineRunContinuesWithResumeOnceTheReviewersDecideTheManualStep() throws Exception {
        Path approvals = tmp.resolve("pipeline-approvals.txt");
        Scenario scenario =
                production(approvals, false).env("CI", "true").env(PipelineGate.GATE_VARIABLE, "github-run-7-1");
        RunOutcome halted = scenario.run(new ScriptedApprover());
        assertThat(halted.verdict()).isEqualTo("halted");

        // The pull request's follow-up commit: the manual steps are done, the handoff and the gates signed.
        Files.writeString(
                approvals, Files.readString(approvals).replaceAll("(?m)^# (approve|handoff|gate:\\S+) ", "$1 "));
        scenario.guard(new GuardOptions(org(), ApprovalMode.PER_STEP, null));
        assertThatThrownBy(() -> scenario.resume(new ScriptedApprover()))
                .as("at a terminal, the refusal points at the pipeline's resume")
                .hasMessageContaining("execute refused: direct mutation is pipeline-only for production")
                .hasMessageContaining("Continue the run through the pipeline change's job (`run-cutover.sh resume`");
        RunOutcome resumed = scenario.guard(new GuardOptions(org(), ApprovalMode.PER_STEP, approvals))
                .env(PipelineGate.GATE_VARIABLE, "github-run-8-1")
                .resume(new ScriptedApprover());

        assertThat(resumed.verdict()).as(resumed.output()).isEqualTo("completed");
        assertThat(resumed.events("cp-phase1-010-create-target"))
                .as("a step that succeeded before the halt is not run again")
                .containsOnlyOnce("executed");
        assertThat(resumed.entries("cp-phase4-001-confirm-reader", "approved"))
                .extracting(e -> e.path("notes").asText())
                .singleElement()
                .asString()
                .endsWith("CI gate CUTOVER_PIPELINE_APPROVED=github-run-8-1");
    }

    /** A production run the pipeline completed, and its rollback approvals as prepare-pipeline writes them. */
    private Scenario completedInPipeline(Path rollbackApprovals, boolean manualProceduresConfirmed) throws Exception {
        Scenario scenario = production(tmp.resolve("pipeline-approvals.txt"), true)
                .env("CI", "true")
                .env(PipelineGate.GATE_VARIABLE, "github-run-7-1");
        assertThat(scenario.run(new ScriptedApprover()).verdict()).isEqualTo("completed");
        String text = PipelineApprovalsFile.renderRollback(planOf(scenario), "production");
        if (manualProceduresConfirmed) {
            text = text.replaceAll("(?m)^# irreversible ", "irreversible ");
        }
        Files.writeString(rollbackApprovals, text);
        return scenario.env(PipelineGate.GATE_VARIABLE, "github-run-9-1")
                .guard(new GuardOptions(org(), ApprovalMode.PER_STEP, rollbackApprovals));
    }

    @Test
    void theRollbackJobUnwindsTheRunOnceThePeopleConfirmedTheManualProcedures() throws Exception {
        RunOutcome rollback = completedInPipeline(tmp.resolve("pipeline-rollback-approvals.txt"), true)
                .rollback(new ScriptedApprover());

        assertThat(rollback.verdict()).as(rollback.output()).isEqualTo("completed");
        assertThat(rollback.summary().path("rollback").path("rolled_back").toString())
                .contains("dp-phase4-030-switch-live", "cp-phase1-010-create-target");
        assertThat(rollback.file("service/target")).doesNotExist();
        assertThat(rollback.entries("dp-phase4-030-switch-live", "rollback-approved"))
                .extracting(e -> e.path("notes").asText())
                .singleElement()
                .asString()
                .endsWith("CI gate CUTOVER_PIPELINE_APPROVED=github-run-9-1");
    }

    @Test
    void leftAsGeneratedTheRollbackApprovalsHaltAtTheFirstManualProcedure() throws Exception {
        RunOutcome rollback = completedInPipeline(tmp.resolve("pipeline-rollback-approvals.txt"), false)
                .rollback(new ScriptedApprover());

        assertThat(rollback.verdict()).isEqualTo("halted");
        assertThat(rollback.output()).contains("no scripted answer for irreversible on dp-phase4-030-switch-live");
        assertThat(rollback.events("dp-phase4-030-switch-live")).doesNotContain("rollback-approved");
        assertThat(rollback.file("service/target")).as("nothing was undone").exists();
    }

    @Test
    void executeAndRollbackNeverReadEachOthersApprovals() throws Exception {
        Path executeFile = tmp.resolve("pipeline-approvals.txt");
        Scenario completed = completedInPipeline(tmp.resolve("pipeline-rollback-approvals.txt"), true);

        // Refusals before anything is journaled are thrown (docs/commands/rollback.md).
        completed.guard(new GuardOptions(org(), ApprovalMode.PER_STEP, executeFile));
        assertThatThrownBy(() -> completed.rollback(new ScriptedApprover()))
                .isInstanceOfSatisfying(
                        CutoverException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PIPELINE_APPROVALS_REFUSED))
                .hasMessageContaining(
                        "holds execute approvals, and rollback reads only the pipeline-rollback-approvals.txt");
        completed.guard(new GuardOptions(org(), ApprovalMode.PER_STEP, null));
        assertThatThrownBy(() -> completed.rollback(new ScriptedApprover()))
                .isInstanceOfSatisfying(
                        CutoverException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DIRECT_MUTATION_REFUSED))
                .hasMessageStartingWith("rollback refused: direct mutation is pipeline-only for production");
        assertThat(completed.dir().resolve("service/target"))
                .as("nothing was undone")
                .exists();
    }

    @Test
    void executeRefusesTheRollbackApprovals() throws Exception {
        Path rollbackFile = tmp.resolve("pipeline-rollback-approvals.txt");
        Scenario scenario = production(tmp.resolve("pipeline-approvals.txt"), true);
        Files.writeString(rollbackFile, PipelineApprovalsFile.renderRollback(planOf(scenario), "production"));

        RunOutcome run = scenario.env("CI", "true")
                .env(PipelineGate.GATE_VARIABLE, "github-run-7-1")
                .guard(new GuardOptions(org(), ApprovalMode.PER_STEP, rollbackFile))
                .run(new ScriptedApprover());

        assertRefused(
                run,
                ErrorCode.PIPELINE_APPROVALS_REFUSED,
                "holds rollback approvals, and execute reads only the pipeline-approvals.txt");
    }

    @Test
    void outsideCiTheApprovalsAreRefused() throws Exception {
        RunOutcome run = production(tmp.resolve("pipeline-approvals.txt"), true)
                .env("CI", "")
                .env(PipelineGate.GATE_VARIABLE, "github-run-7-1")
                .run(new ScriptedApprover());

        assertRefused(run, ErrorCode.PIPELINE_APPROVALS_REFUSED, "CI is not `true`");
    }

    @Test
    void withoutTheGateVariableTheApprovalsAreRefused() throws Exception {
        RunOutcome run = production(tmp.resolve("pipeline-approvals.txt"), true)
                .env("CI", "true")
                .env(PipelineGate.GATE_VARIABLE, "")
                .run(new ScriptedApprover());

        assertRefused(run, ErrorCode.PIPELINE_APPROVALS_REFUSED, PipelineGate.GATE_VARIABLE + " is not set");
    }

    @Test
    void approvalsGeneratedForAnotherPlanAreRefused() throws Exception {
        Path approvals = tmp.resolve("pipeline-approvals.txt");
        Scenario scenario = production(approvals, true)
                .env("CI", "true")
                .env(PipelineGate.GATE_VARIABLE, "github-run-7-1")
                .editItem("cp-phase1-010-create-target", i -> i.put("description", "changed after review"));

        RunOutcome run = scenario.run(new ScriptedApprover());

        assertRefused(run, ErrorCode.PIPELINE_APPROVALS_REFUSED, "it was prepared for another plan");
    }

    @Test
    void approvalsAreRefusedWhereTheClassIsNotPipelineOnly() throws Exception {
        Path approvals = Files.writeString(tmp.resolve("approvals.txt"), "go-no-go * proceed\n");
        RunOutcome run = demoIn(tmp, "production")
                .env("CI", "true")
                .env(PipelineGate.GATE_VARIABLE, "github-run-7-1")
                .guard(new GuardOptions(null, ApprovalMode.PER_STEP, approvals))
                .run(new ScriptedApprover());

        assertRefused(run, ErrorCode.PIPELINE_APPROVALS_REFUSED, "direct mutation is discouraged for production");
    }

    /**
     * The approvals file is read once: a FIFO serves the generated approvals to exactly one reader, so a second
     * read (whose bytes no check has seen) would block until the time-out fails the test.
     */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theRunAnswersFromTheVeryBytesItsChecksReadNeverFromASecondRead() throws Exception {
        Path generated = tmp.resolve("generated.txt");
        Scenario scenario =
                production(generated, true).env("CI", "true").env(PipelineGate.GATE_VARIABLE, "github-run-7-1");
        Path fifo = tmp.resolve("pipeline-approvals.txt");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor())
                .isZero();
        Process writer = new ProcessBuilder(
                        "bash", "-c", "cat \"$1\" > \"$2\"", "feed", generated.toString(), fifo.toString())
                .start();
        try {
            RunOutcome run = scenario.guard(new GuardOptions(org(), ApprovalMode.PER_STEP, fifo))
                    .run(new ScriptedApprover());

            assertThat(run.verdict())
                    .as("%s %s", run.output(), run.result().ending())
                    .isEqualTo("completed");
            assertThat(run.events("cp-phase1-010-create-target")).contains("step-succeeded");
            assertThat(writer.waitFor())
                    .as("the one reader read the approvals to the end")
                    .isZero();
        } finally {
            writer.destroyForcibly().waitFor();
        }
    }
}
