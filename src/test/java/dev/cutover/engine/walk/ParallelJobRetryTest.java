package dev.cutover.engine.walk;

import static dev.cutover.engine.walk.RetriedJobs.B;
import static dev.cutover.engine.walk.RetriedJobs.C;
import static dev.cutover.engine.walk.RetriedJobs.between;
import static dev.cutover.engine.walk.RetriedJobs.indexes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failure dialog's retry of a long-running job. The sequential walk polls it to its end before the next
 * step, by the id its retry captured, not the failed job's.
 */
class ParallelJobRetryTest {
    @TempDir
    Path tmp;

    private Scenario plan(String a, String b, String c) {
        return RetriedJobs.plan(Scenario.demo(tmp), a, b, c);
    }

    /** The poll commands of {@code job} after its first job's poll, which ended it. */
    private static List<String> polledAfterTheFirstJob(RunOutcome run, String job) {
        return run.entries(job, "poll-tick").stream()
                .skip(1)
                .map(e -> e.path("cmd").asText())
                .toList();
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
}
