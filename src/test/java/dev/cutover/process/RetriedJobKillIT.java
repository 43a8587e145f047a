package dev.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault-injection plan ({@link FaultPlan}) with a job the failure dialog retries: the retried job goes back
 * to the background, so its journal entries interleave with later steps'. {@code kill -9} in that interleaving,
 * then {@code execute --resume}: the resume re-attaches to the retried job (the last captured id), starts no
 * third job and asks nothing again.
 */
class RetriedJobKillIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STEP = FaultPlan.SLOW_JOB;
    /** Long enough that the kill lands while the retried job still runs. */
    private static final int RETRIED_JOB_SECONDS = 6;

    @TempDir
    Path tmp;

    @Test
    void killNineWhileARetriedJobIsPolledInTheBackgroundThenResumeReattachesToTheRetriedJob() throws Exception {
        Path dir = FaultPlan.write(tmp.resolve("run"));
        FaultPlan.failFirstStart(dir, STEP, RETRIED_JOB_SECONDS);
        Path answers = DemoFixture.answers(tmp, FaultPlan.RESUMABLE_ANSWERS + "failure " + STEP + " retry\n");
        Path journal = dir.resolve("execution-log.jsonl");
        try {
            try (CutoverProcess.Running run = CutoverProcess.start(
                    tmp, List.of(), "execute", "--run-dir", dir.toString(), "--answers", answers.toString())) {
                CutoverProcess.awaitFile(
                        run,
                        journal,
                        RetriedJobKillIT::anotherStepAfterTheRetry,
                        "an entry of another step after the retry of " + STEP);
                run.killNine();
            }
            List<JsonNode> before = FaultPlan.entries(dir);
            assertThat(events(before, STEP))
                    .as("killed while the retried job of %s was in flight", STEP)
                    .containsSubsequence("poll-terminal", "step-failed", "approved", "executed")
                    .doesNotContain("step-succeeded");
            assertThat(events(before, STEP).stream().filter("poll-terminal"::equals))
                    .as("only the first job ended before the kill")
                    .hasSize(1);
            List<String> jobs = FaultPlan.starts(dir, STEP);
            assertThat(jobs).hasSize(2);
            assertThat(FaultPlan.capturedJobIds(dir)).containsEntry(STEP, jobs.get(1));

            CutoverProcess.Result resumed = CutoverProcess.run(
                    tmp, "execute", "--run-dir", dir.toString(), "--answers", answers.toString(), "--resume");

            assertThat(resumed.exit()).as(resumed.both()).isZero();
            CutoverProcess.assertJournalValid(dir);
            assertThat(JSON.readTree(dir.resolve("execution-summary.json").toFile())
                            .path("verdict")
                            .asText())
                    .isEqualTo("completed");
            assertThat(FaultPlan.starts(dir, STEP)).as("no third job").containsExactlyElementsOf(jobs);
            assertThat(state(dir, jobs.get(1))).isEqualTo("SUCCESS");
            List<JsonNode> all = FaultPlan.entries(dir);
            List<JsonNode> after = all.subList(before.size(), all.size());
            assertThat(events(after, STEP))
                    .as("%s after the kill", STEP)
                    .contains("resume-reverified")
                    .containsAnyOf("step-succeeded", "resume-marked-done")
                    .doesNotContain("approval-requested", "approved", "executed");
            after.stream()
                    .filter(e -> e.path("step_id").asText().equals(STEP)
                            && e.path("cmd").isTextual())
                    .forEach(e -> assertThat(e.path("cmd").asText())
                            .as("resume polls the retried job")
                            .contains(jobs.get(1)));
            for (String other : FaultPlan.NON_IDEMPOTENT) {
                assertThat(FaultPlan.ledgerLines(dir, other))
                        .as("ledger of " + other)
                        .isEqualTo(1);
            }
        } finally {
            FaultPlan.awaitJobsSettled(dir);
        }
    }

    /** The journal holds the retry's {@code executed} of {@link #STEP} and, after it, an entry of another step. */
    private static boolean anotherStepAfterTheRetry(String text) {
        List<String> lines = text.lines().toList();
        int executes = 0;
        for (String line : lines) {
            boolean mine = line.contains("\"step_id\":\"" + STEP + "\"");
            if (mine && line.contains("\"event\":\"executed\"")) {
                executes++;
            } else if (executes == 2 && !mine && line.contains("\"step_id\":\"dp-")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> events(List<JsonNode> entries, String step) {
        return entries.stream()
                .filter(e -> e.path("step_id").asText().equals(step))
                .map(e -> e.path("event").asText())
                .toList();
    }

    private static String state(Path dir, String job) throws Exception {
        return Files.readString(dir.resolve("service/jobs/" + job + ".state")).strip();
    }
}
