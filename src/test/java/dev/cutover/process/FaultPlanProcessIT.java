package dev.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault-injection plan ({@link FaultPlan}) without faults: it compiles, and one uninterrupted
 * {@code execute --answers} with the resumable answers completes it, running every non-idempotent step and
 * starting every job exactly once. This is the baseline {@code ResumeFaultInjectionIT} compares against.
 */
class FaultPlanProcessIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void thePlanCompilesToAtLeast24StepsWithTheCountedStepsInIt() throws Exception {
        Path dir = FaultPlan.write(tmp.resolve("run"));

        CutoverProcess.Result compile = CutoverProcess.run(tmp, "compile", "--run-dir", dir.toString());

        assertThat(compile.exit()).as(compile.both()).isZero();
        JsonNode steps = JSON.readTree(dir.resolve("execution-steps.json").toFile());
        List<String> ids = stepIds(steps);
        assertThat(ids).hasSize(FaultPlan.STEP_COUNT).hasSizeGreaterThanOrEqualTo(24);
        assertThat(ids)
                .containsAll(FaultPlan.NON_IDEMPOTENT)
                .containsAll(FaultPlan.LONG_RUNNING)
                .contains(
                        FaultPlan.CREATE_DIRS,
                        DemoFixture.COPY_STEP,
                        "dp-phase4-010-freeze-source",
                        "dp-phase4-030-switch-live",
                        "cp-phase6-999-handoff-to-data-plane",
                        "dp-phase4-090-release-freeze");
        assertThat(FaultPlan.NON_IDEMPOTENT).hasSizeGreaterThanOrEqualTo(6);
        assertThat(FaultPlan.LONG_RUNNING).hasSizeGreaterThanOrEqualTo(3);
        for (JsonNode step : steps) {
            String id = step.path("step_id").asText();
            if (FaultPlan.LONG_RUNNING.contains(id)) {
                assertThat(step.path("long_running").asBoolean()).as(id).isTrue();
                assertThat(step.path("poll_cmd").asText()).as(id).isEqualTo("cat service/jobs/{job-id}.state");
            }
            if (FaultPlan.NON_IDEMPOTENT.contains(id)) {
                assertThat(step.path("execute_cmd").asText()).as(id).contains(">> service/ledger/" + id);
                assertThat(step.path("verify_cmd").asText()).as(id).startsWith("grep ");
            }
        }
    }

    @Test
    void withoutFaultsTheRunCompletesAndEveryCountedSideEffectHappensExactlyOnce() throws Exception {
        Path dir = FaultPlan.write(tmp.resolve("run"));
        Path answers = DemoFixture.answers(tmp, FaultPlan.RESUMABLE_ANSWERS);

        CutoverProcess.Result r =
                CutoverProcess.run(tmp, "execute", "--run-dir", dir.toString(), "--answers", answers.toString());

        try {
            assertThat(r.exit()).as(r.both()).isZero();
            assertThat(r.out()).contains("Verdict: completed");
            CutoverProcess.assertJournalValid(dir);
            JsonNode summary =
                    JSON.readTree(dir.resolve("execution-summary.json").toFile());
            assertThat(summary.path("verdict").asText()).isEqualTo("completed");
            assertThat(summary.path("steps_succeeded").asInt()).isEqualTo(FaultPlan.STEP_COUNT);
            assertThat(dir.resolve("RUNNING.lock")).doesNotExist();
            for (String step : FaultPlan.NON_IDEMPOTENT) {
                assertThat(FaultPlan.ledgerLines(dir, step))
                        .as("ledger lines of " + step)
                        .isEqualTo(1);
            }
            for (String step : FaultPlan.LONG_RUNNING) {
                assertThat(FaultPlan.starts(dir, step))
                        .as("jobs started by " + step)
                        .hasSize(1);
            }
            assertThat(FaultPlan.capturedJobIds(dir)).containsOnlyKeys(FaultPlan.LONG_RUNNING);
            assertThat(FaultPlan.entries(dir).stream()
                            .filter(e -> e.path("step_id").asText().equals(FaultPlan.SLOW_JOB))
                            .filter(e -> e.path("event").asText().equals("poll-tick"))
                            .map(e -> e.path("poll_state").asText()))
                    .as("the slow job is polled while it runs")
                    .contains("RUNNING");
            FaultPlan.assertFinalState(dir);
        } finally {
            FaultPlan.awaitJobsSettled(dir);
        }
    }

    private static List<String> stepIds(JsonNode steps) {
        List<String> ids = new ArrayList<>();
        steps.forEach(s -> ids.add(s.path("step_id").asText()));
        return ids;
    }
}
