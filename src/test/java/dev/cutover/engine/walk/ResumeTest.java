package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.approval.Question;
import dev.cutover.digest.Sha256;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code execute --resume} (FORMATS.md §6.7, ADR 0005): a run cut short at a chosen journal line is continued from
 * the journal alone; in-flight steps are re-verified against the live run directory, nothing mutating runs again
 * without an explicit retry, and long-running jobs are re-attached rather than started twice.
 */
class ResumeTest {
    private static final String COPY_CONFIG = "dp-phase3-010-copy-config";
    private static final String COPIED_FILE = "service/target/config/app.conf";
    private static final String JOB_STEP = "dp-phase2-010-copy-data";
    private static final String HANDOFF = "cp-phase6-999-handoff-to-data-plane";
    private static final String FREEZE = "dp-phase4-010-freeze-source";
    private static final String FINAL_DELTA = "dp-phase4-020-final-delta";
    private static final String SWITCH = "dp-phase4-030-switch-live";
    /** The config copy is the demo's point of no return: its second {@code approved} confirms the crossing. */
    private static final int CROSSING = 2;

    @TempDir
    Path tmp;

    private Scenario completedDemo() {
        Scenario s = Scenario.demo(tmp);
        RunOutcome first = s.run(new ScriptedApprover());
        assertThat(first.verdict()).as(first.output()).isEqualTo("completed");
        return s;
    }

    private Scenario completedJobDemo() {
        return JobDemo.completed(JobDemo.prepared(tmp));
    }

    private static List<String> eventsAfterResume(RunOutcome run, int before, String step) {
        return run.entries().subList(before, run.entries().size()).stream()
                .filter(e -> e.path("step_id").asText().equals(step))
                .map(e -> e.path("event").asText())
                .toList();
    }

    private static int entries(Scenario s) throws IOException {
        return Files.readAllLines(s.dir().resolve("execution-log.jsonl")).size() - 1;
    }

    private static long lines(Path file) throws IOException {
        return Files.readAllLines(file).size();
    }

    @Test
    void anInFlightStepWhoseEffectIsLiveIsMarkedDoneWithoutAskingOrRunningAgain() throws IOException {
        Scenario s = completedDemo().crashAfter(COPY_CONFIG, "approved", CROSSING);
        int before = entries(s);

        RunOutcome run = s.resume(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(eventsAfterResume(run, before, COPY_CONFIG))
                .containsExactly("resume-reverified", "resume-marked-done");
        assertThat(run.entries(COPY_CONFIG, "resume-reverified")
                        .get(0)
                        .path("cmd")
                        .asText())
                .startsWith("cmp ");
        assertThat(run.asked(PromptKind.APPROVE, COPY_CONFIG)).isEmpty();
        assertThat(run.asked(PromptKind.RESUME, COPY_CONFIG)).isEmpty();
        assertThat(run.output()).contains("done (re-verified), not run again");
    }

    @Test
    void anInFlightStepWhoseEffectIsMissingRunsAgainOnlyAfterAnExplicitRetry() throws IOException {
        Scenario s = completedDemo().crashAfter(COPY_CONFIG, "approved", CROSSING);
        Files.delete(s.dir().resolve(COPIED_FILE)); // the process died before the copy ran
        int before = entries(s);

        RunOutcome run = s.resume(new ScriptedApprover().answer(PromptKind.RESUME, COPY_CONFIG, Choice.RETRY));

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(eventsAfterResume(run, before, COPY_CONFIG))
                .containsExactly(
                        "resume-reverified",
                        "resume-reprompted",
                        "approved",
                        "approved", // the copy is the demo's point of no return: its crossing is confirmed again
                        "executed",
                        "verify-passed",
                        "step-succeeded");
        JsonNode reverified = run.entries(COPY_CONFIG, "resume-reverified").get(0);
        assertThat(reverified.path("notes").asText()).startsWith("verify failed");
        JsonNode retry = run.entries(COPY_CONFIG, "approved").get(2); // the first run approved and crossed
        assertThat(retry.path("notes").asText()).contains("resume retry");
        assertThat(retry.path("cmd").asText())
                .isEqualTo(
                        run.entries(COPY_CONFIG, "approved").get(0).path("cmd").asText());
        Question asked = run.asked(PromptKind.RESUME, COPY_CONFIG).get(0);
        assertThat(asked.prompt()).contains("RESUME DECISION", "re-verify: verify exited", "retries used: 0 of 3");
        assertThat(asked.allows(Choice.SKIP)).isTrue();
        assertThat(Files.exists(s.dir().resolve(COPIED_FILE))).isTrue();
    }

    @Test
    void anApprovalStillAwaitingTheCrossingIsAskedAgainFromTheStartNotReverified() throws IOException {
        Scenario s = completedDemo().crashAfter(COPY_CONFIG, "approved", 1);
        int before = entries(s);

        RunOutcome run = s.resume(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(eventsAfterResume(run, before, COPY_CONFIG))
                .as("the command never started: nothing to re-verify, the approval and the crossing are asked again")
                .containsExactly(
                        "step-started",
                        "approval-requested",
                        "approved",
                        "approved",
                        "executed",
                        "verify-passed",
                        "step-succeeded");
        assertThat(run.asked(PromptKind.APPROVE, COPY_CONFIG)).hasSize(1);
        assertThat(run.asked(PromptKind.IRREVERSIBLE, COPY_CONFIG)).hasSize(1);
    }

    @Test
    void aRunHaltedAtAnIrreversibleReConfirmationAsksBothAgainOnResumeAndNeverMarksItDone() throws IOException {
        Scenario s = Scenario.demo(tmp);
        RunOutcome halted = s.run(new ScriptedApprover()
                .onAsk(q -> q.kind() == PromptKind.IRREVERSIBLE && q.stepId().equals(SWITCH), q -> {
                    throw new CutoverException(ErrorCode.NO_SCRIPTED_ANSWER, "no scripted answer for " + SWITCH);
                }));
        assertThat(halted.verdict()).as(halted.output()).isEqualTo("halted");
        assertThat(halted.events(SWITCH)).endsWith("approved").doesNotContain("executed");
        int before = entries(s);

        RunOutcome run = s.resume(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(eventsAfterResume(run, before, SWITCH))
                .doesNotContain("resume-reverified", "resume-marked-done")
                .containsSubsequence("step-started", "approval-requested", "approved", "approved", "executed");
        assertThat(run.asked(PromptKind.APPROVE, SWITCH)).hasSize(1);
        assertThat(run.asked(PromptKind.IRREVERSIBLE, SWITCH)).hasSize(1);
    }

    @Test
    void skippingAnInFlightStepAtResumeBlocksItsDependentsAndNothingRuns() throws IOException {
        Scenario s = completedDemo().crashAfter(COPY_CONFIG, "approved", CROSSING);
        Files.delete(s.dir().resolve(COPIED_FILE));

        RunOutcome run = s.resume(new ScriptedApprover().answer(PromptKind.RESUME, COPY_CONFIG, Choice.SKIP));

        assertThat(run.entries(COPY_CONFIG, "skipped").get(0).path("notes").asText())
                .contains("skipped by operator at resume");
        assertThat(run.entries(COPY_CONFIG, "executed")).isEmpty();
        assertThat(Files.exists(s.dir().resolve(COPIED_FILE))).isFalse();
    }

    @Test
    void aStepStoppedBeforeItsApprovalIsAskedAgainFromTheStart() throws IOException {
        Scenario s = completedDemo().crashAfter(COPY_CONFIG, "approval-requested");
        int before = entries(s);

        RunOutcome run = s.resume(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(eventsAfterResume(run, before, COPY_CONFIG))
                .containsExactly(
                        "step-started",
                        "approval-requested",
                        "approved",
                        "approved", // crossing the point of no return
                        "executed",
                        "verify-passed",
                        "step-succeeded");
        assertThat(run.asked(PromptKind.APPROVE, COPY_CONFIG)).hasSize(1);
    }

    @Test
    void anUnapprovedHandoffIsPresentedAgainBeforeAnyDataPlaneStep() throws IOException {
        Scenario s = completedDemo().crashAfter(HANDOFF, "approval-requested");

        RunOutcome run = s.resume(new ScriptedApprover());

        assertThat(run.asked(PromptKind.HANDOFF, HANDOFF)).hasSize(1);
        List<String> timeline = run.timeline();
        int lastHandoff = timeline.lastIndexOf(HANDOFF + " approved");
        int firstDataPlaneAfterResume = timeline.indexOf("dp-phase1-001-checksums-recorded step-started");
        assertThat(lastHandoff).isLessThan(firstDataPlaneAfterResume);
        assertThat(run.verdict()).isEqualTo("completed");
    }

    @Test
    void aJobStillRunningIsReattachedWithoutASecondStartOrANewApproval() throws IOException {
        Scenario s = completedJobDemo().crashAfter(JOB_STEP, "poll-tick");
        s.file("service/poll-states", "RUNNING\nRUNNING\nSUCCESS\n");
        Files.delete(s.dir().resolve("service/polled-ids"));
        int before = entries(s);

        RunOutcome run = s.resume(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(lines(s.dir().resolve("service/starts.log"))).isEqualTo(1);
        assertThat(Files.readAllLines(s.dir().resolve("service/polled-ids"))).containsOnly("job-7");
        assertThat(eventsAfterResume(run, before, JOB_STEP))
                .containsExactly(
                        "resume-reverified",
                        "poll-tick",
                        "poll-tick",
                        "poll-terminal",
                        "verify-passed",
                        "step-succeeded");
        assertThat(run.entries(JOB_STEP, "resume-reverified")
                        .get(0)
                        .path("poll_state")
                        .asText())
                .isEqualTo("RUNNING");
        assertThat(run.asked(PromptKind.APPROVE, JOB_STEP)).isEmpty();
        assertThat(run.asked(PromptKind.RESUME, JOB_STEP)).isEmpty();
    }

    @Test
    void aJobThatSucceededWhileNobodyWatchedIsVerifiedAndMarkedDone() throws IOException {
        Scenario s = completedJobDemo().crashAfter(JOB_STEP, "poll-tick");
        s.file("service/poll-states", "SUCCESS\n");
        int before = entries(s);

        RunOutcome run = s.resume(new ScriptedApprover());

        assertThat(eventsAfterResume(run, before, JOB_STEP))
                .containsExactly("resume-reverified", "resume-reverified", "resume-marked-done");
        assertThat(run.entries(JOB_STEP, "resume-reverified")
                        .get(1)
                        .path("notes")
                        .asText())
                .isEqualTo("verify passed");
        assertThat(lines(s.dir().resolve("service/starts.log"))).isEqualTo(1);
    }

    @Test
    void aJobThatFailedWhileNobodyWatchedIsPutToTheOperatorAndARetryStartsANewOne() throws IOException {
        Scenario s = completedJobDemo().crashAfter(JOB_STEP, "poll-tick");
        s.file("service/poll-states", "ERROR\nSUCCESS\n");

        RunOutcome run = s.resume(new ScriptedApprover().answer(PromptKind.RESUME, JOB_STEP, Choice.RETRY));

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(run.asked(PromptKind.RESUME, JOB_STEP).get(0).prompt())
                .contains("the job ended in state ERROR", "retry runs the command above again");
        assertThat(lines(s.dir().resolve("service/starts.log"))).isEqualTo(2);
    }

    @Test
    void aJobWhoseStateCannotBeReadIsPutToTheOperatorNotPolledForever() throws IOException {
        Scenario s = completedDemo().crashAfter(JOB_STEP, "approved");
        Files.delete(s.dir().resolve("service/copy-job.state")); // the process died before the job started
        int before = entries(s);

        RunOutcome run = s.resume(new ScriptedApprover().answer(PromptKind.RESUME, JOB_STEP, Choice.RETRY));

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(eventsAfterResume(run, before, JOB_STEP))
                .startsWith("resume-reverified", "resume-reprompted", "approved", "executed");
        assertThat(run.entries(JOB_STEP, "resume-reverified")
                        .get(0)
                        .path("poll_state")
                        .asText())
                .isEqualTo("unknown");
        assertThat(run.asked(PromptKind.RESUME, JOB_STEP).get(0).prompt())
                .contains("cannot be read", "retry runs the command above again");
    }

    @Test
    void aJobIdNeverJournaledIsAskedAndNoneMeansTheOperatorDecides() throws IOException {
        Scenario s = completedJobDemo().crashAfter(JOB_STEP, "approved");
        s.file("service/poll-states", "SUCCESS\n");

        RunOutcome run = s.resume(
                new ScriptedApprover().param("job-id", "none").answer(PromptKind.RESUME, JOB_STEP, Choice.RETRY));

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(run.entries(JOB_STEP, "resume-reverified")
                        .get(0)
                        .path("notes")
                        .asText())
                .contains("{job-id} was never captured");
        assertThat(run.approver().asked().stream()
                        .filter(q -> q.kind() == PromptKind.PARAM)
                        .map(Question::prompt))
                .anyMatch(p -> p.contains("execution/" + JOB_STEP + ".stdout.log"));
        assertThat(lines(s.dir().resolve("service/starts.log"))).isEqualTo(2);
    }

    @Test
    void aJobIdTheOperatorReadsFromTheConsoleIsPolledInsteadOfStartingAnother() throws IOException {
        Scenario s = completedJobDemo().crashAfter(JOB_STEP, "approved");
        s.file("service/poll-states", "SUCCESS\n");
        Files.delete(s.dir().resolve("service/polled-ids"));

        RunOutcome run = s.resume(new ScriptedApprover().param("job-id", "job-7"));

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(run.entries(JOB_STEP, "resume-marked-done")).hasSize(1);
        assertThat(Files.readAllLines(s.dir().resolve("service/polled-ids"))).containsOnly("job-7");
        assertThat(lines(s.dir().resolve("service/starts.log"))).isEqualTo(1);
    }

    @Test
    void aFailedStepIsPutToTheOperatorAndItsEarlierRetriesStillCount() throws IOException {
        Scenario s =
                Scenario.demo(tmp).editItem(COPY_CONFIG, i -> i.put("command", "cp service/missing " + COPIED_FILE));
        RunOutcome first = s.run(new ScriptedApprover()
                .answer(
                        PromptKind.FAILURE,
                        COPY_CONFIG,
                        Choice.RETRY,
                        Choice.RETRY,
                        Choice.RETRY,
                        Choice.SKIP_ROLLBACK_STOP));
        assertThat(first.verdict()).isEqualTo("halted");

        RunOutcome run = s.resume(new ScriptedApprover().answer(PromptKind.RESUME, COPY_CONFIG, Choice.ABORT));

        Question asked = run.asked(PromptKind.RESUME, COPY_CONFIG).get(0);
        assertThat(asked.prompt()).contains("retries used: 3 of 3", "rollback-skipped");
        assertThat(asked.allows(Choice.RETRY)).as("three retries are used up").isFalse();
        assertThat(run.verdict()).isEqualTo("aborted");
        assertThat(run.exitCode()).isEqualTo(5);
    }

    @Test
    void aRetryAtResumeAfterAFailureRunsTheFixedStepAndTheRunCompletes() throws IOException {
        Scenario s = Scenario.demo(tmp).editItem(COPY_CONFIG, i -> i.put("command", "cp service/later " + COPIED_FILE));
        s.run(new ScriptedApprover().answer(PromptKind.FAILURE, COPY_CONFIG, Choice.SKIP_ROLLBACK_STOP));
        Files.copy(s.dir().resolve("service/source/app.conf"), s.dir().resolve("service/later"));

        RunOutcome run = s.resume(new ScriptedApprover().answer(PromptKind.RESUME, COPY_CONFIG, Choice.RETRY));

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(run.entries(COPY_CONFIG, "resume-reverified"))
                .as("failed steps are not re-verified")
                .isEmpty();
        assertThat(run.events(COPY_CONFIG))
                .endsWith("resume-reprompted", "approved", "approved", "executed", "verify-passed", "step-succeeded");
        assertThat(run.summary().path("verdict").asText()).isEqualTo("completed");
    }

    @Test
    void aFreezeActiveWhenTheRunDiedIsStillCountedFromItsRealStart() throws IOException {
        Scenario s = completedDemo().crashAfter(FREEZE, "step-succeeded");
        s.clock().advance(Duration.ofMinutes(25));

        RunOutcome run = s.resume(new ScriptedApprover());

        String prompt = run.asked(PromptKind.APPROVE, FINAL_DELTA).get(0).prompt();
        assertThat(prompt).contains("FREEZE: arn:aws:s3:::demo-data frozen for 25 min of 10", "OVERRUN by 15 min");
    }

    @Test
    void goNoGoOnResumeSaysWhereTheRunStoppedAndWhatHappensToEachStep() throws IOException {
        Scenario s = completedDemo().crashAfter(COPY_CONFIG, "approved", CROSSING);

        RunOutcome run = s.resume(new ScriptedApprover());

        String goNoGo = run.approver().asked().stream()
                .filter(q -> q.kind() == PromptKind.GO_NO_GO)
                .findFirst()
                .orElseThrow()
                .prompt();
        assertThat(goNoGo)
                .contains("RESUMING", "done: 7", "re-verified against the live system first: 1 (" + COPY_CONFIG + ")");
    }

    @Test
    void aStaleLockLeftByACrashIsTakenOverAndJournaledWithTheOldHolder() throws IOException {
        Scenario s = Scenario.demo(tmp);
        try {
            s.run(new ScriptedApprover().onAsk(q -> q.stepId().equals(COPY_CONFIG), q -> {
                throw new SimulatedCrash();
            }));
        } catch (SimulatedCrash expected) {
            // the process "died" with the lock file in place
        }
        assertThat(Files.exists(s.dir().resolve("RUNNING.lock"))).isTrue();

        RunOutcome run = s.resume(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        JsonNode takeover =
                run.entries("cp-phase0-000-run", "lock-taken-over-from-stale").get(0);
        assertThat(takeover.path("notes").asText())
                .contains("taken over from", "pid=" + ProcessHandle.current().pid());
        assertThat(Files.exists(s.dir().resolve("RUNNING.lock"))).isFalse();
    }

    @Test
    void changedInputsRefuseTheResumeWithExitSixNamingTheStepAndLeaveTheJournalAlone() throws IOException {
        Scenario s = completedDemo().crashAfter(COPY_CONFIG, "approved");
        byte[] journal = Files.readAllBytes(s.dir().resolve("execution-log.jsonl"));
        s.editItem(FINAL_DELTA, i -> i.put("command", "cp -R service/source/demo-data/. service/elsewhere/"));

        assertThatThrownBy(() -> s.resume(new ScriptedApprover())).isInstanceOfSatisfying(CutoverException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PLAN_DRIFT);
            assertThat(e.code().exitCode()).isEqualTo(6);
            assertThat(e.getMessage()).contains(FINAL_DELTA, "execute_cmd");
        });
        assertThat(Files.readAllBytes(s.dir().resolve("execution-log.jsonl"))).isEqualTo(journal);
    }

    @Test
    void aTornLastLineRefusesTheResumeNamingRepairAndNothingIsWritten() throws IOException {
        Scenario s = completedDemo().crashAfter(COPY_CONFIG, "approved");
        Path journal = s.dir().resolve("execution-log.jsonl");
        Files.write(journal, "{\"entry_id\":\"e5".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(journal);

        assertThatThrownBy(() -> s.resume(new ScriptedApprover())).isInstanceOfSatisfying(CutoverException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.JOURNAL_TORN_TAIL);
            assertThat(e.getMessage()).contains("cutover repair --run-dir " + s.dir());
        });
        assertThat(Files.readAllBytes(journal)).isEqualTo(before);
        assertThat(Files.exists(s.dir().resolve("RUNNING.lock"))).isFalse();
    }

    @Test
    void aJournalFromAnotherToolVersionIsContinuedOnlyAfterConfirmation() throws IOException {
        Scenario s = completedDemo().crashAfter(COPY_CONFIG, "approved").toolVersion("9.9.9");

        RunOutcome declined =
                s.resume(new ScriptedApprover().answer(PromptKind.RESUME, "cp-phase0-000-run", Choice.ABORT));
        assertThat(declined.verdict()).isEqualTo("aborted");
        assertThat(declined.entries("cp-phase0-000-run", "aborted")
                        .get(0)
                        .path("notes")
                        .asText())
                .contains("written by Cutover test-version with Cutover 9.9.9");

        RunOutcome run =
                s.resume(new ScriptedApprover().answer(PromptKind.RESUME, "cp-phase0-000-run", Choice.APPROVE));
        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(run.entries("cp-phase0-000-run", "approved"))
                .extracting(e -> e.path("notes").asText())
                .anyMatch(n -> n.startsWith("resume confirmation: continue a journal written by Cutover test-version"));
    }

    @Test
    void resumingACompletedRunRunsNothingAndCompletesAgain() throws IOException {
        Scenario s = completedDemo();
        int before = entries(s);

        RunOutcome run = s.resume(new ScriptedApprover());

        assertThat(run.verdict()).isEqualTo("completed");
        assertThat(run.entries().subList(before, run.entries().size()))
                .extracting(
                        e -> e.path("event").asText() + " " + e.path("notes").asText())
                .containsExactly(
                        "lock-acquired environment sandbox; plan sha256="
                                + Sha256.hex(Files.readAllBytes(s.dir().resolve("execution-steps.json"))),
                        "approved go/no-go: proceed; scripted by test",
                        "lock-released null");
    }

    /** Thrown from a prompt to stop the engine mid-run the way a crash would: no clean end. */
    private static final class SimulatedCrash extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
