package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cutover.app.CompileService;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.engine.PlanSource;
import dev.cutover.engine.PreflightCheck;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunDirectory;
import dev.cutover.testing.Rehearsals;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code cutover rollback} refuses before anything runs or is journaled, beyond the lock and the journal's
 * integrity: a run relabelled to another environment class, a failure-dialog rollback without an outcome, and
 * a stopped rollback whose approved command the plan no longer gives; and what a run being rolled back refuses.
 */
class RollbackRefusalsTest {
    private static final String FREEZE = "dp-phase4-010-freeze-source";
    private static final String DELTA = "dp-phase4-020-final-delta";
    private static final String SWITCH = "dp-phase4-030-switch-live";

    @TempDir
    Path tmp;

    @Test
    void aProductionRunRelabelledSandboxIsRefusedItsRollbackFromAnAnswersFileAsItsResumeIs() throws Exception {
        Scenario prod = Scenario.demo(tmp.resolve("production")).config(Rehearsals.DEMO_PRODUCTION);
        Rehearsals.rehearseAndCarry(prod, tmp.resolve("staging"));
        RunOutcome stopped = prod.run(new ScriptedApprover().answer(PromptKind.APPROVE, FREEZE, Choice.ABORT));
        assertThat(stopped.verdict()).as(stopped.output()).isEqualTo("aborted");
        Path answers = Files.writeString(tmp.resolve("rollback.txt"), "rollback * approve\nirreversible * approve\n");
        assertThatThrownBy(() -> prod.answersFile(answers).rollback(new ScriptedApprover()))
                .as("production: every decision at the terminal")
                .isInstanceOfSatisfying(
                        CutoverException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ANSWERS_NOT_ALLOWED));
        Path config = prod.dir().resolve("cutover.yaml");
        Files.writeString(config, Files.readString(config).replace("environment: production", "environment: sandbox"));
        Path journal = prod.dir().resolve("execution-log.jsonl");
        byte[] before = Files.readAllBytes(journal);

        assertThatThrownBy(() -> prod.answersFile(answers).rollback(new ScriptedApprover()))
                .isInstanceOfSatisfying(CutoverException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ENVIRONMENT_CHANGED);
                    assertThat(e.exitCode()).isEqualTo(3);
                    assertThat(e.getMessage())
                            .contains("started under environment `production`")
                            .contains("now declares `sandbox`");
                });
        assertThat(Files.readAllBytes(journal)).as("nothing journaled").isEqualTo(before);
        assertThat(prod.dir().resolve("service/target/demo-data/orders.csv"))
                .as("nothing rolled back")
                .exists();
        assertThat(prod.dir().resolve("RUNNING.lock")).doesNotExist();
    }

    @Test
    void aFailureDialogRollbackWithoutAnOutcomeRefusesTheRollbackUntilAResumeHasTheOperatorDecideIt() throws Exception {
        Scenario s = Scenario.demo(tmp)
                .editItem(DELTA, i -> i.put("command", "cp -R service/source/no-such-folder/. service/target/"));
        RunOutcome failed = s.run(new ScriptedApprover().answer(PromptKind.FAILURE, DELTA, Choice.ROLLBACK_STOP));
        assertThat(failed.events(DELTA)).contains("rollback-approved", "rollback-executed");
        s.crashAfter(DELTA, "rollback-approved"); // killed while the failure dialog's rollback ran
        Path journal = s.dir().resolve("execution-log.jsonl");
        byte[] before = Files.readAllBytes(journal);

        assertThatThrownBy(() -> s.rollback(new ScriptedApprover()))
                .isInstanceOfSatisfying(CutoverException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ROLLBACK_STEP_IN_FLIGHT);
                    assertThat(e.exitCode()).isEqualTo(3);
                    assertThat(e.getMessage())
                            .contains(DELTA + " (its failure-dialog rollback was approved at ")
                            .contains("has no recorded outcome")
                            .contains("cutover execute --run-dir " + s.dir() + " --resume");
                });
        assertThat(Files.readAllBytes(journal)).as("nothing journaled").isEqualTo(before);

        RunOutcome unanswered = s.resume(new ScriptedApprover().onAsk(q -> q.kind() == PromptKind.RESUME, q -> {
            throw new CutoverException(ErrorCode.NO_SCRIPTED_ANSWER, "no answer");
        }));
        assertThat(unanswered.verdict())
                .as("a question left unanswered decides nothing")
                .isEqualTo("halted");
        assertThatThrownBy(() -> s.rollback(new ScriptedApprover()))
                .isInstanceOfSatisfying(
                        CutoverException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ROLLBACK_STEP_IN_FLIGHT));

        RunOutcome resumed = s.resume(new ScriptedApprover().answer(PromptKind.RESUME, DELTA, Choice.ABORT));
        assertThat(resumed.asked(PromptKind.RESUME, DELTA).get(0).prompt())
                .contains("the rollback the failure dialog approved at ")
                .contains("may have run completely, partly or not at all");
        assertThat(resumed.verdict()).isEqualTo("aborted");

        RunOutcome rolledBack = s.rollback(new ScriptedApprover());
        assertThat(rolledBack.verdict()).as(rolledBack.output()).isEqualTo("completed");
        assertThat(rolledBack.events(FREEZE)).endsWith("rollback-executed");
        assertThat(rolledBack.events(DELTA))
                .as("the failed step is not part of the unwind")
                .endsWith("rollback-approved", "resume-reprompted", "resume-reprompted", "aborted");
    }

    @Test
    void aStoppedRollbackWhoseCommandThePlanNoLongerGivesIsRefusedAsPlanDriftBeforeAnythingIsAsked() throws Exception {
        Scenario s = Scenario.demo(tmp);
        assertThat(s.run(new ScriptedApprover()).verdict()).isEqualTo("completed");
        s.rollback(new ScriptedApprover());
        s.crashAfter(DELTA, "rollback-approved"); // killed while its rollback ran
        String approved = "rm -rf service/target/demo-data && mkdir service/target/demo-data";
        String edited = approved + " && touch service/target/edited";
        s.editItem(DELTA, i -> i.put("rollback_command", edited));
        Files.write( // recompiled, so the stored plan matches the edited inputs
                s.dir().resolve("execution-steps.json"),
                new CompileService()
                        .compileInMemory(new RunDirectory(s.dir()), Optional.empty())
                        .stepsJson());
        Path journal = s.dir().resolve("execution-log.jsonl");
        byte[] before = Files.readAllBytes(journal);
        ScriptedApprover approver = new ScriptedApprover().answer(PromptKind.ROLLBACK, DELTA, Choice.RETRY);

        assertThatThrownBy(() -> s.rollback(approver)).isInstanceOfSatisfying(CutoverException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PLAN_DRIFT);
            assertThat(e.exitCode()).isEqualTo(6);
            assertThat(e.getMessage())
                    .contains("step " + DELTA + ": execution-log.jsonl entry ")
                    .contains("shows the rollback `" + approved + "` approved")
                    .contains("the plan now gives `" + edited + "`");
        });
        assertThat(approver.asked()).as("nothing asked").isEmpty();
        assertThat(Files.readAllBytes(journal)).as("nothing journaled").isEqualTo(before);
        assertThat(s.dir().resolve("service/target/edited")).doesNotExist();
    }

    @Test
    void preflightResumeRefusesARunWhoseRollbackStartedAsExecuteResumeDoes() {
        Scenario s = Scenario.demo(tmp);
        assertThat(s.run(new ScriptedApprover()).verdict()).isEqualTo("completed");
        RunOutcome stopped = s.rollback(new ScriptedApprover().answer(PromptKind.IRREVERSIBLE, SWITCH, Choice.ABORT));
        assertThat(stopped.exitCode()).isEqualTo(5);
        PreflightCheck preflight =
                new PreflightCheck(s.clock(), new PrintWriter(new StringWriter()), () -> "test-host", Optional::empty);
        PlanSource plan = () -> new CompileService().loadForExecution(new RunDirectory(s.dir()), Optional.empty());

        Throwable fromPreflight = catchThrowable(() -> preflight.check(s.request(true), plan));
        Throwable fromExecute = catchThrowable(() -> s.resume(new ScriptedApprover()));

        assertThat(fromPreflight).isInstanceOfSatisfying(CutoverException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.RUN_ROLLED_BACK);
            assertThat(e.exitCode()).isEqualTo(3);
            assertThat(e.getMessage()).contains("cutover rollback --run-dir " + s.dir());
        });
        assertThat(fromPreflight).hasMessage(fromExecute.getMessage());
    }
}
