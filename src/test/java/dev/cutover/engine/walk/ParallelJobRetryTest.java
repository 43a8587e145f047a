package dev.cutover.engine.walk;

import static dev.cutover.engine.walk.RetriedJobs.A;
import static dev.cutover.engine.walk.RetriedJobs.B;
import static dev.cutover.engine.walk.RetriedJobs.C;
import static dev.cutover.engine.walk.RetriedJobs.POINT;
import static dev.cutover.engine.walk.RetriedJobs.QUICK_1;
import static dev.cutover.engine.walk.RetriedJobs.QUICK_2;
import static dev.cutover.engine.walk.RetriedJobs.between;
import static dev.cutover.engine.walk.RetriedJobs.indexes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.app.StatusService;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.input.RunDirectory;
import dev.cutover.report.JobRow;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failure dialog's retry of a long-running job in the parallel walk: once its command has run again (with
 * the approval bound to the exact command), the job goes back to the background and is polled alongside the
 * others; barriers still wait for it, and a failure of the retried job gets its dialog after the current prompt
 * like any job's. The sequential walk still polls it to its end before the next step. Either way the retried job
 * is polled by the id its retry captured, not the failed job's, and {@code cutover status} shows it from its new
 * start.
 */
class ParallelJobRetryTest {
    @TempDir
    Path tmp;

    private Scenario plan(String a, String b, String c) {
        return RetriedJobs.plan(Scenario.demo(tmp), a, b, c);
    }

    private static List<String> questions(RunOutcome run) {
        return run.approver().asked().stream()
                .map(q -> q.kind().wireName() + " " + q.stepId())
                .toList();
    }

    @Test
    void aRetriedJobIsPolledInTheBackgroundAlongsideTheOtherJobs() {
        RunOutcome run = plan("4 SUCCESS", "0 ERROR 3 SUCCESS", "4 SUCCESS")
                .run(new ScriptedApprover().answer(PromptKind.FAILURE, B, Choice.RETRY));

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(run.entries(B, "executed")).hasSize(2);
        assertThat(run.entries(B, "approved").get(1).path("notes").asText()).startsWith("retry");
        int retried = indexes(run, B, "executed").get(1);
        int ended = indexes(run, B, "poll-terminal").get(1);
        assertThat(between(run, retried, ended))
                .as("while the retried job runs, the other jobs are polled too")
                .contains(A + " poll-tick", C + " poll-tick");
        assertThat(run.timeline().indexOf(POINT + " step-started"))
                .as("the point of no return waits for the retried job")
                .isGreaterThan(run.timeline().indexOf(B + " step-succeeded"));
        assertThat(run.output()).contains(B + ": job started again after a retry, polled in the background");
        assertThat(polledAfterTheFirstJob(run, B))
                .as("the retried job is polled by the id its retry captured")
                .isNotEmpty()
                .allMatch(cmd -> cmd.contains("b-2"));
    }

    /** The poll commands of {@code job} after its first job's poll, which ended it. */
    private static List<String> polledAfterTheFirstJob(RunOutcome run, String job) {
        return run.entries(job, "poll-tick").stream()
                .skip(1)
                .map(e -> e.path("cmd").asText())
                .toList();
    }

    @Test
    void aJobThatFailsWhileARetriedJobRunsGetsItsDialogBeforeTheRetriedJobEnds() {
        RunOutcome run = plan("2 ERROR", "0 ERROR 10 SUCCESS", "1 SUCCESS")
                .run(new ScriptedApprover()
                        .answer(PromptKind.FAILURE, B, Choice.RETRY)
                        .answer(PromptKind.FAILURE, A, Choice.SKIP_ROLLBACK_STOP));

        assertThat(run.verdict()).as(run.output()).isEqualTo("halted");
        assertThat(run.timeline().indexOf(A + " step-failed"))
                .isGreaterThan(indexes(run, B, "executed").get(1));
        assertThat(run.entries(B, "poll-terminal"))
                .as("the retried job was still running when A's failure dialog opened")
                .hasSize(1);
        assertThat(run.timeline().indexOf(C + " step-succeeded"))
                .isGreaterThan(indexes(run, B, "executed").get(1));
        assertThat(run.output())
                .contains("WARNING: 1 job(s) started by this run are still in flight and no longer polled: " + B
                        + " (RUNNING)");
    }

    @Test
    void aRetriedJobThatFailsAgainGetsItsDialogRightAfterTheCurrentPrompt() {
        Scenario s = plan("50 SUCCESS", "0 ERROR 0 ERROR", "50 SUCCESS");
        // While the operator reads each quick step's prompt, every job's interval passes.
        RunOutcome run = s.run(new ScriptedApprover()
                .onAsk(
                        q -> q.kind() == PromptKind.APPROVE
                                && List.of(QUICK_1, QUICK_2).contains(q.stepId()),
                        q -> s.clock().advance(Duration.ofMinutes(5)))
                .answer(PromptKind.FAILURE, B, Choice.RETRY, Choice.SKIP_ROLLBACK_STOP));

        assertThat(run.verdict()).as(run.output()).isEqualTo("halted");
        List<String> asked = questions(run);
        int first = asked.indexOf("failure " + B);
        assertThat(asked.subList(first - 1, asked.size()))
                .containsExactly("approve " + QUICK_1, "failure " + B, "approve " + QUICK_2, "failure " + B);
        assertThat(run.entries(B, "executed")).hasSize(2);
    }

    @Test
    void aJobWhoseStartFailsAndIsRetriedIsPolledInTheBackground() {
        Scenario s = RetriedJobs.failNextStart(plan("3 SUCCESS", "3 SUCCESS", "3 SUCCESS"), B);

        RunOutcome run = s.run(new ScriptedApprover().answer(PromptKind.FAILURE, B, Choice.RETRY));

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(run.entries(B, "executed").get(0).path("exit_code").asInt()).isEqualTo(1);
        assertThat(run.timeline().indexOf(C + " approval-requested"))
                .as("the walk asks the next step while the retried job runs")
                .isGreaterThan(indexes(run, B, "executed").get(1))
                .isLessThan(run.timeline().indexOf(B + " poll-terminal"));
    }

    @Test
    void theSequentialWalkStillPollsARetriedJobToItsEndBeforeTheNextStep() {
        RunOutcome run = plan("1 SUCCESS", "0 ERROR 2 SUCCESS", "1 SUCCESS")
                .maxParallelJobs(0)
                .run(new ScriptedApprover().answer(PromptKind.FAILURE, B, Choice.RETRY));

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        int retried = indexes(run, B, "executed").get(1);
        int done = run.timeline().indexOf(B + " step-succeeded");
        assertThat(between(run, retried, done)).allMatch(e -> e.startsWith(B + " "));
        assertThat(run.timeline().indexOf(C + " step-started")).isGreaterThan(done);
        assertThat(polledAfterTheFirstJob(run, B))
                .as("the retried job is polled by the id its retry captured")
                .isNotEmpty()
                .allMatch(cmd -> cmd.contains("b-2"));
    }

    @Test
    void statusAfterARetryShowsTheRetriedJobFromItsNewStartNotTheFailedOne() throws Exception {
        Scenario s = plan("4 SUCCESS", "0 ERROR 3 SUCCESS", "4 SUCCESS");
        // The operator takes an hour over the failure dialog before choosing retry.
        RunOutcome run = s.run(new ScriptedApprover()
                .onAsk(q -> q.kind() == PromptKind.FAILURE, q -> s.clock().advance(Duration.ofHours(1)))
                .answer(PromptKind.FAILURE, B, Choice.RETRY));
        Instant restarted =
                Instant.parse(run.entries(B, "executed").get(1).path("at").asText());
        s.crashAfter(B, "executed", 2);

        List<JobRow> jobs = new StatusService(Clock.fixed(restarted.plusSeconds(600), ZoneOffset.UTC), Map.of())
                .status(new RunDirectory(s.dir()))
                .jobsInFlight();

        JobRow b = jobs.stream().filter(j -> j.stepId().equals(B)).findFirst().orElseThrow();
        assertThat(b.startedAt()).isEqualTo(restarted);
        assertThat(b.elapsedMinutes()).isEqualTo(10);
        assertThat(b.lastState())
                .as("the failed job's ERROR is not the new job's state")
                .isEqualTo("not polled yet");
        assertThat(Files.readAllLines(s.dir().resolve("service/b.starts"))).hasSize(2);
    }
}
