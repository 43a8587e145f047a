package dev.cutover.engine.walk;

import static dev.cutover.engine.walk.RetriedJobs.A;
import static dev.cutover.engine.walk.RetriedJobs.B;
import static dev.cutover.engine.walk.RetriedJobs.QUICK_1;
import static dev.cutover.engine.walk.RetriedJobs.QUICK_2;
import static dev.cutover.engine.walk.RetriedJobs.between;
import static dev.cutover.engine.walk.RetriedJobs.indexes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resume in the parallel walk: a job re-attached after a crash, and a job started again by resume's retry, are
 * polled in the background alongside the others; a crash while a retried job was polled in the background
 * (its entries interleaved with later steps') resumes to that job without starting a third.
 */
class ParallelJobResumeTest {
    @TempDir
    Path tmp;

    private Scenario plan(String a, String b, String c) {
        return RetriedJobs.plan(Scenario.demo(tmp), a, b, c);
    }

    private static List<String> after(RunOutcome run, int before) {
        return run.timeline().subList(before, run.timeline().size());
    }

    private static List<String> events(RunOutcome run, int before, String step) {
        return after(run, before).stream()
                .filter(e -> e.startsWith(step + " "))
                .map(e -> e.substring(step.length() + 1))
                .toList();
    }

    private static long starts(Scenario s, String job) throws IOException {
        return Files.readAllLines(s.dir().resolve("service/" + RetriedJobs.name(job) + ".starts"))
                .size();
    }

    @Test
    void everyJobInFlightIsReattachedAndPolledAlongsideTheOthers() throws IOException {
        Scenario s = plan("6 SUCCESS", "1 SUCCESS", "1 SUCCESS");
        RunOutcome stopped = s.run(new ScriptedApprover().answer(PromptKind.APPROVE, QUICK_1, Choice.ABORT));
        assertThat(stopped.verdict()).isEqualTo("aborted");
        int before = stopped.entries().size();

        RunOutcome run = s.resume(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        List<String> t = after(run, before);
        int aEnded = t.indexOf(A + " poll-terminal");
        assertThat(t.indexOf(B + " resume-reverified"))
                .as("B is re-attached while A still runs")
                .isBetween(0, aEnded);
        assertThat(t.indexOf(QUICK_1 + " approval-requested"))
                .as("the walk asks the next step while the re-attached jobs run")
                .isBetween(0, aEnded);
        assertThat(events(run, before, A)).startsWith("resume-reverified").doesNotContain("approved", "executed");
        assertThat(starts(s, A)).isEqualTo(1);
        assertThat(run.asked(PromptKind.APPROVE, A)).isEmpty();
    }

    @Test
    void aJobStartedAgainByResumesRetryIsPolledInTheBackground() throws IOException {
        Scenario s = plan("8 SUCCESS", "0 ERROR 2 SUCCESS", "8 SUCCESS");
        RunOutcome stopped = s.run(new ScriptedApprover()
                .onAsk(
                        q -> q.kind() == PromptKind.APPROVE && q.stepId().equals(QUICK_1),
                        q -> s.clock().advance(Duration.ofMinutes(5)))
                .answer(PromptKind.FAILURE, B, Choice.ABORT_NO_ROLLBACK));
        assertThat(stopped.verdict()).as(stopped.output()).isEqualTo("aborted");
        int before = stopped.entries().size();

        RunOutcome run = s.resume(new ScriptedApprover().answer(PromptKind.RESUME, B, Choice.RETRY));

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(events(run, before, B)).startsWith("resume-reprompted", "approved", "executed");
        assertThat(run.entries(B, "approved").get(1).path("notes").asText()).contains("resume retry");
        List<String> t = after(run, before);
        assertThat(t.indexOf(QUICK_2 + " approval-requested"))
                .as("the walk asks the next step while the job resume started again runs")
                .isBetween(t.indexOf(B + " executed"), t.indexOf(B + " poll-terminal"));
        assertThat(starts(s, B)).isEqualTo(2);
    }

    @Test
    void aCrashWhileARetriedJobIsPolledInTheBackgroundResumesToThatJob() throws IOException {
        Scenario s = plan("4 SUCCESS", "0 ERROR 3 SUCCESS", "4 SUCCESS");
        RunOutcome first = s.run(new ScriptedApprover().answer(PromptKind.FAILURE, B, Choice.RETRY));
        int retried = indexes(first, B, "executed").get(1);
        List<Integer> aTicks = indexes(first, A, "poll-tick");
        int aTickAfterRetry = (int) aTicks.stream().filter(i -> i > retried).count();
        int occurrence = aTicks.size() - aTickAfterRetry + 1;
        assertThat(between(first, retried, indexes(first, B, "poll-terminal").get(1)))
                .as("the crash lands while the retried job is polled in the background")
                .contains(A + " poll-tick");
        s.crashAfter(A, "poll-tick", occurrence);
        s.file("service/b.polls", "0"); // the retried job still runs when the resume looks at it
        int before = (int) Files.lines(s.dir().resolve("execution-log.jsonl")).count() - 1;

        RunOutcome run = s.resume(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(events(run, before, B))
                .startsWith("resume-reverified", "poll-tick")
                .endsWith("step-succeeded")
                .doesNotContain("approved", "executed");
        assertThat(starts(s, B)).as("no third start").isEqualTo(2);
        assertThat(run.asked(PromptKind.RESUME, B)).isEmpty();
    }
}
