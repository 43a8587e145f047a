package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One automatic re-run of an execute that failed with a throttling error (FORMATS.md §6.4). */
class TransientRetryTest {
    private static final String STEP = "dp-phase3-010-copy-config";

    @TempDir
    Path tmp;

    /** Fails with {@code error} on stderr for the first {@code failures} runs, then copies the config. */
    private Scenario flaky(String error, int failures) {
        String script = """
                n=$(( $(cat service/flaky-runs 2>/dev/null || echo 0) + 1 ))
                echo "$n" > service/flaky-runs
                if [ "$n" -le %d ]; then echo "An error occurred (%s) when calling the operation" >&2; exit 254; fi
                cp service/source/app.conf service/target/config/app.conf
                """.formatted(failures, error);
        return Scenario.demo(tmp)
                .file("service/flaky.sh", script)
                .editItem(STEP, i -> i.put("command", "bash service/flaky.sh"));
    }

    @Test
    void aThrottledExecuteIsReRunOnceAfterThirtySeconds() {
        RunOutcome run = flaky("Throttling", 1).run(new ScriptedApprover());

        List<JsonNode> executed = run.entries(STEP, "executed");
        assertThat(executed).hasSize(2);
        assertThat(executed.get(0).path("exit_code").asInt()).isEqualTo(254);
        assertThat(executed.get(0).path("stderr_tail").asText()).contains("Throttling");
        assertThat(executed.get(1).path("notes").asText()).isEqualTo("transient retry after Throttling");
        assertThat(executed.get(1).path("exit_code").asInt()).isZero();
        assertThat(Collections.frequency(run.sleeps(), Duration.ofSeconds(30))).isEqualTo(1);
        assertThat(run.entries(STEP, "approved"))
                .as("one approval and the confirmation of crossing the point of no return (this step), no re-approval")
                .hasSize(2);
        assertThat(run.events(STEP)).doesNotContain("step-failed").endsWith("step-succeeded");
        assertThat(run.verdict()).isEqualTo("completed");
    }

    @Test
    void aRequestTimeoutWaitsTenSeconds() {
        RunOutcome run = flaky("RequestTimeoutException", 1).run(new ScriptedApprover());

        assertThat(run.entries(STEP, "executed").get(1).path("notes").asText())
                .isEqualTo("transient retry after RequestTimeoutException");
        assertThat(run.sleeps()).contains(Duration.ofSeconds(10)).doesNotContain(Duration.ofSeconds(30));
    }

    @Test
    void aSecondThrottlingFailureIsNotReRunAgainButOpensTheDialog() {
        RunOutcome run = flaky("Throttling", 5)
                .run(new ScriptedApprover().answer(PromptKind.FAILURE, STEP, Choice.SKIP_ROLLBACK_STOP));

        assertThat(run.entries(STEP, "executed")).hasSize(2);
        assertThat(run.events(STEP))
                .endsWith("executed", "executed", "step-failed", "rollback-offered", "rollback-skipped");
        assertThat(run.verdict()).isEqualTo("halted");
    }

    @Test
    void aTerraformStateLockIsShownForTheOperatorAndNeverForceUnlocked() {
        RunOutcome run = Scenario.demo(tmp)
                .file(
                        "service/locked.sh",
                        "echo 'Error: Error acquiring the state lock' >&2\necho 'Lock Info: ID: 1234-abcd' >&2\nexit 1\n")
                .editItem(STEP, i -> i.put("command", "bash service/locked.sh"))
                .run(new ScriptedApprover().answer(PromptKind.FAILURE, STEP, Choice.SKIP_ROLLBACK_STOP));

        assertThat(run.output()).contains("terraform force-unlock <ID>").contains("ID: 1234-abcd");
        assertThat(run.entries(STEP, "executed")).hasSize(1);
        assertThat(run.entries()).noneMatch(e -> e.path("cmd").asText().contains("force-unlock"));
        assertThat(run.events(STEP)).endsWith("step-failed", "rollback-offered", "rollback-skipped");
    }

    @Test
    void aFailureWithoutATransientPatternIsNotReRun() {
        RunOutcome run =
                flaky("AccessDenied", 1).run(new ScriptedApprover().answer(PromptKind.FAILURE, STEP, Choice.RETRY));

        List<JsonNode> executed = run.entries(STEP, "executed");
        assertThat(executed).hasSize(2);
        assertThat(executed.get(1).path("notes").isNull()).isTrue();
        assertThat(run.entries(STEP, "approved"))
                .extracting(e -> e.path("notes").asText())
                .anySatisfy(notes -> assertThat(notes).startsWith("retry"));
        assertThat(run.sleeps()).doesNotContain(Duration.ofSeconds(30), Duration.ofSeconds(10));
    }
}
