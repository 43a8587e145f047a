package dev.cutover.engine.walk;

import static dev.cutover.engine.walk.FailingStep.DEPENDENTS;
import static dev.cutover.engine.walk.FailingStep.ROLLBACK;
import static dev.cutover.engine.walk.FailingStep.ROLLBACK_MARKER;
import static dev.cutover.engine.walk.FailingStep.STEP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.approval.Question;
import dev.cutover.engine.ApprovedCommand;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed verify opens the rollback dialog (FORMATS.md §6.5); each of its five options does what it says. */
class FailureDialogTest {
    private static final String NEVER = "test -e service/never";

    @TempDir
    Path tmp;

    private RunOutcome failWith(String verify, Choice... choices) {
        return FailingStep.scenario(tmp, verify, ROLLBACK)
                .run(new ScriptedApprover().answer(PromptKind.FAILURE, STEP, choices));
    }

    @Test
    void retryReExecutesWithoutANewPromptAndSucceedsOnTheSecondAttempt() {
        RunOutcome run = failWith("test -e service/attempt-2", Choice.RETRY);

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(run.events(STEP))
                .containsSubsequence(
                        "approved",
                        "executed",
                        "verify-failed",
                        "step-failed",
                        "rollback-offered",
                        "approved",
                        "executed",
                        "verify-passed",
                        "step-succeeded");
        assertThat(run.entries(STEP, "approved").get(1).path("notes").asText()).startsWith("retry");
        assertThat(run.asked(PromptKind.APPROVE, STEP)).hasSize(1);
        assertThat(run.file("service/attempt-2")).exists();
    }

    @Test
    void theDialogShowsTheFailuresExitCodeStderrTailWindowAndRollback() {
        RunOutcome run = FailingStep.scenario(tmp, "bash service/check.sh", ROLLBACK)
                .file("service/check.sh", "echo 'checksum mismatch in orders.csv' >&2\nexit 7\n")
                .run(new ScriptedApprover().answer(PromptKind.FAILURE, STEP, Choice.SKIP_ROLLBACK_STOP));

        String prompt = run.asked(PromptKind.FAILURE, STEP).get(0).prompt();
        assertThat(prompt)
                .contains(STEP)
                .contains("arn:aws:s3:::demo-data")
                .contains("verify exited 7")
                .contains("checksum mismatch in orders.csv")
                .contains(ROLLBACK)
                .contains("rollback window: 30 min");
    }

    @Test
    void retryIsOfferedThreeTimesAndNotAFourth() {
        RunOutcome run = failWith(NEVER, Choice.RETRY, Choice.RETRY, Choice.RETRY, Choice.SKIP_ROLLBACK_STOP);

        List<Question> dialogs = run.asked(PromptKind.FAILURE, STEP);
        assertThat(dialogs).hasSize(4);
        assertThat(dialogs.subList(0, 3))
                .allSatisfy(q -> assertThat(q.choices()).contains(Choice.RETRY));
        assertThat(dialogs.get(3).choices()).doesNotContain(Choice.RETRY);
        assertThat(run.entries(STEP, "executed")).hasSize(4);
        assertThat(run.verdict()).isEqualTo("halted");
    }

    @Test
    void rollbackAndContinueRunsTheRollbackThenWalksOnWithDependentsBlocked() {
        RunOutcome run = failWith(NEVER, Choice.ROLLBACK_CONTINUE);

        assertThat(run.events(STEP))
                .endsWith("step-failed", "rollback-offered", "rollback-approved", "rollback-executed");
        JsonNode rolledBack = run.entries(STEP, "rollback-executed").get(0);
        assertThat(rolledBack.path("exit_code").asInt()).isZero();
        assertThat(rolledBack.path("cmd").asText()).isEqualTo(ROLLBACK);
        assertThat(run.file(ROLLBACK_MARKER)).exists();
        assertThat(run.events("dp-phase3-010-copy-config")).endsWith("step-succeeded");
        assertThat(run.events("dp-phase5-091-read-through-live")).endsWith("step-succeeded");
        for (String dependent : DEPENDENTS) {
            assertThat(run.events(dependent)).as(dependent).isEmpty();
        }
        assertThat(run.verdict()).isEqualTo("halted");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.summary().path("steps_blocked").asInt()).isEqualTo(DEPENDENTS.length);
        assertThat(run.summary().path("steps_failed").asInt()).isEqualTo(1);
    }

    @Test
    void rollbackAndStopRunsTheRollbackAndHaltsRightAfter() {
        RunOutcome run = failWith(NEVER, Choice.ROLLBACK_STOP);

        assertThat(run.events(STEP)).endsWith("rollback-approved", "rollback-executed");
        assertThat(run.file(ROLLBACK_MARKER)).exists();
        assertThat(run.events("dp-phase3-010-copy-config")).isEmpty();
        assertThat(run.verdict()).isEqualTo("halted");
        assertThat(run.result().ending().haltStepId()).isEqualTo(STEP);
        assertThat(run.timeline()).last().isEqualTo("cp-phase0-000-run lock-released");
    }

    @Test
    void theDialogShowsTheExactRollbackAndItsSha256AndTheApprovalIsBoundToIt() {
        RunOutcome run = failWith(NEVER, Choice.ROLLBACK_STOP);

        String sha = ApprovedCommand.sha256(ROLLBACK);
        assertThat(run.asked(PromptKind.FAILURE, STEP).get(0).prompt())
                .contains(ROLLBACK)
                .contains("sha256 " + sha);
        JsonNode approved = run.entries(STEP, "rollback-approved").get(0);
        assertThat(approved.path("cmd").asText()).isEqualTo(ROLLBACK);
        assertThat(approved.path("notes").asText()).startsWith("sha256=" + sha + "; values={}");
        assertThat(run.entries(STEP, "rollback-executed").get(0).path("cmd").asText())
                .isEqualTo(ROLLBACK);
    }

    @Test
    void aRollbackParameterIsAskedBeforeTheDialogWhichShowsTheSubstitutedCommandThatThenRuns() {
        String bound = "touch service/'rolled-back' && rm -rf service/target/demo-data";
        RunOutcome run = FailingStep.scenario(tmp, NEVER, "touch service/{marker} && rm -rf service/target/demo-data")
                .run(new ScriptedApprover()
                        .param("marker", "rolled-back")
                        .answer(PromptKind.FAILURE, STEP, Choice.RETRY, Choice.ROLLBACK_STOP));

        List<String> asked = run.approver().asked().stream()
                .filter(q -> q.stepId().equals(STEP))
                .map(Question::wireName)
                .toList();
        assertThat(asked).containsExactly("approve", "param:marker", "failure", "failure");
        String sha = ApprovedCommand.sha256(bound);
        assertThat(run.asked(PromptKind.FAILURE, STEP))
                .allSatisfy(q -> assertThat(q.prompt())
                        .contains("rollback command (exact, sha256 " + sha + "):\n    " + bound)
                        .doesNotContain("{marker}"));
        JsonNode approved = run.entries(STEP, "rollback-approved").get(0);
        assertThat(approved.path("cmd").asText()).isEqualTo(bound);
        assertThat(approved.path("notes").asText())
                .isEqualTo("sha256=" + sha + "; values={\"marker\":\"rolled-back\"}; " + ScriptedApprover.NOTES);
        assertThat(run.entries(STEP, "rollback-executed").get(0).path("cmd").asText())
                .isEqualTo(bound);
        assertThat(run.file(ROLLBACK_MARKER)).exists();
        assertThat(run.verdict()).isEqualTo("halted");
    }

    @Test
    void aRollbackUsesTheValuesTheStepWasApprovedWithWithoutAskingAgain() {
        String bound = "touch service/'rolled-back'";
        RunOutcome run = FailingStep.scenario(tmp, NEVER, "touch service/{marker}")
                .editItem(STEP, i -> i.put("command", "bash service/copy.sh && test -n {marker}"))
                .run(new ScriptedApprover()
                        .param("marker", "rolled-back")
                        .answer(PromptKind.FAILURE, STEP, Choice.ROLLBACK_CONTINUE));

        assertThat(run.asked(PromptKind.PARAM, STEP)).hasSize(1);
        assertThat(run.asked(PromptKind.FAILURE, STEP).get(0).prompt())
                .contains(bound)
                .contains("sha256 " + ApprovedCommand.sha256(bound));
        assertThat(run.entries(STEP, "rollback-approved").get(0).path("cmd").asText())
                .isEqualTo(bound);
        assertThat(run.file(ROLLBACK_MARKER)).exists();
    }

    @Test
    void aValueAskedForTheRollbackNeverReachesARetryWhichUsesTheIdItsExecuteCaptured() {
        RunOutcome run = FailingStep.scenario(tmp, "test -e service/{job-id}", "rm -f service/{job-id}")
                .file("service/job.sh", """
                        n=$(( $(cat service/attempts 2>/dev/null || echo 0) + 1 ))
                        echo "$n" > service/attempts
                        test "$n" -ge 2 || exit 1
                        cp -R service/source/demo-data/. service/target/demo-data/
                        touch "service/job-$n"
                        echo "{\\"JobId\\":\\"job-$n\\"}"
                        """)
                .editItem(STEP, i -> i.put("command", "bash service/job.sh"))
                .run(new ScriptedApprover().param("job-id", "job-1").answer(PromptKind.FAILURE, STEP, Choice.RETRY));

        assertThat(run.asked(PromptKind.PARAM, STEP)).hasSize(1);
        assertThat(run.asked(PromptKind.FAILURE, STEP).get(0).prompt()).contains("rm -f service/'job-1'");
        assertThat(run.entries(STEP, "executed").get(1).path("notes").asText()).isEqualTo("captured: job-id=job-2");
        assertThat(run.entries(STEP, "verify-passed").get(0).path("cmd").asText())
                .isEqualTo("test -e service/'job-2'");
        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
    }

    @Test
    void aFailedRollbackIsOfferedAgainAsTheSameBoundCommand() {
        String bound = "test -e service/'no-backup'";
        String sha = ApprovedCommand.sha256(bound);
        RunOutcome run = FailingStep.scenario(tmp, NEVER, "test -e service/{backup}")
                .run(new ScriptedApprover()
                        .param("backup", "no-backup")
                        .answer(
                                PromptKind.FAILURE,
                                STEP,
                                Choice.ROLLBACK_CONTINUE,
                                Choice.ROLLBACK_STOP,
                                Choice.SKIP_ROLLBACK_STOP));

        assertThat(run.asked(PromptKind.PARAM, STEP)).hasSize(1);
        assertThat(run.asked(PromptKind.FAILURE, STEP))
                .hasSize(3)
                .allSatisfy(q -> assertThat(q.prompt()).contains(bound).contains("sha256 " + sha));
        assertThat(run.entries(STEP, "rollback-approved")).hasSize(2).allSatisfy(e -> {
            assertThat(e.path("cmd").asText()).isEqualTo(bound);
            assertThat(e.path("notes").asText()).startsWith("sha256=" + sha);
        });
        assertThat(run.entries(STEP, "rollback-executed"))
                .extracting(e -> e.path("cmd").asText())
                .containsExactly(bound, bound);
        assertThat(run.events(STEP)).endsWith("rollback-executed", "rollback-skipped");
    }

    @Test
    void skipRollbackAndStopRecordsTheSkipRunsNothingAndHalts() {
        RunOutcome run = failWith(NEVER, Choice.SKIP_ROLLBACK_STOP);

        assertThat(run.events(STEP)).endsWith("step-failed", "rollback-offered", "rollback-skipped");
        assertThat(run.file(ROLLBACK_MARKER)).doesNotExist();
        assertThat(run.events("dp-phase3-010-copy-config")).isEmpty();
        assertThat(run.verdict()).isEqualTo("halted");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void abortWithoutRollbackEndsTheRunAbortedWithExitFive() {
        RunOutcome run = failWith(NEVER, Choice.ABORT_NO_ROLLBACK);

        assertThat(run.events(STEP)).endsWith("step-failed", "rollback-offered", "aborted");
        assertThat(run.file(ROLLBACK_MARKER)).doesNotExist();
        assertThat(run.events("dp-phase3-010-copy-config")).isEmpty();
        assertThat(run.verdict()).isEqualTo("aborted");
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.summary().path("verdict").asText()).isEqualTo("aborted");
    }

    @Test
    void aFailedRollbackReturnsToTheDialogWithoutRetry() {
        RunOutcome run = FailingStep.scenario(tmp, NEVER, "test -e service/no-backup")
                .run(new ScriptedApprover()
                        .answer(PromptKind.FAILURE, STEP, Choice.ROLLBACK_CONTINUE, Choice.SKIP_ROLLBACK_STOP));

        List<Question> dialogs = run.asked(PromptKind.FAILURE, STEP);
        assertThat(dialogs).hasSize(2);
        assertThat(dialogs.get(0).choices()).contains(Choice.RETRY);
        assertThat(dialogs.get(1).choices()).doesNotContain(Choice.RETRY).contains(Choice.SKIP_ROLLBACK_STOP);
        assertThat(run.entries(STEP, "rollback-executed")
                        .get(0)
                        .path("exit_code")
                        .asInt())
                .isEqualTo(1);
        assertThat(run.events(STEP)).endsWith("rollback-executed", "rollback-skipped");
        assertThat(run.verdict()).isEqualTo("halted");
    }

    @Test
    void aRollbackThatKeepsFailingIsOfferedThreeTimesSoAFixedAnswerCannotLoopForever() throws Exception {
        Path answers = java.nio.file.Files.writeString(
                tmp.resolve("answers.txt"),
                "go-no-go * proceed\nhandoff * approve\ngate * approve\napprove * approve\n"
                        + "irreversible * approve\nfailure * rollback-stop\n");

        RunOutcome run = FailingStep.scenario(tmp, NEVER, "test -e service/no-backup")
                .answersFile(answers)
                .run(new ScriptedApprover());

        assertThat(run.entries(STEP, "rollback-executed")).as("three attempts").hasSize(3);
        assertThat(run.verdict()).isEqualTo("halted");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output())
                .contains("answers failure on " + STEP + " with 'rollback-stop', which this question does not allow"
                        + " (allowed: skip-rollback-stop (4), abort-no-rollback (5))");
    }

    @Test
    void aStepWithoutRollbackIsNotOfferedTheRollbackOptions() {
        RunOutcome run = FailingStep.scenario(tmp, "test -e service/attempt-1", ROLLBACK)
                .editItem("dp-phase3-010-copy-config", i -> i.put("verification_command", NEVER))
                .run(new ScriptedApprover()
                        .answer(PromptKind.FAILURE, "dp-phase3-010-copy-config", Choice.SKIP_ROLLBACK_STOP));

        Question dialog =
                run.asked(PromptKind.FAILURE, "dp-phase3-010-copy-config").get(0);
        assertThat(dialog.choices()).containsExactly(Choice.RETRY, Choice.SKIP_ROLLBACK_STOP, Choice.ABORT_NO_ROLLBACK);
        assertThat(run.verdict()).isEqualTo("halted");
    }

    @Test
    void aNonExecutableRollbackIsRecordedAsDoneManuallyWithoutRunningAnything() {
        String manual = "Restore service/target/demo-data from the nightly backup by hand";
        RunOutcome run = FailingStep.scenario(tmp, NEVER, manual)
                .run(new ScriptedApprover().answer(PromptKind.FAILURE, STEP, Choice.ROLLBACK_STOP));

        JsonNode executed = run.entries(STEP, "rollback-executed").get(0);
        assertThat(executed.path("notes").asText()).startsWith("manual");
        assertThat(executed.path("exit_code").isNull()).isTrue();
        assertThat(executed.path("cmd").asText()).isEqualTo(manual);
        Question dialog = run.asked(PromptKind.FAILURE, STEP).get(0);
        assertThat(dialog.choices()).contains(Choice.ROLLBACK_CONTINUE, Choice.ROLLBACK_STOP);
        assertThat(dialog.prompt()).contains("rollback: " + manual).contains("not executable here");
        assertThat(run.verdict()).isEqualTo("halted");
    }
}
