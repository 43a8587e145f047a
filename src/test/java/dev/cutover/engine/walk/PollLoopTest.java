package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.approval.Question;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Long-running steps are polled until a terminal state (FORMATS.md §6.5), with no real waiting. */
class PollLoopTest {
    private static final String STEP = "dp-phase2-010-copy-data";
    /** Prints the next scripted state and drops it; EMPTY prints nothing, FAILCMD exits 3 (both unknown). */
    private static final String POLL_SCRIPT = """
            f=service/poll-states
            line=$(head -n 1 "$f")
            tail -n +2 "$f" > "$f.next" && mv "$f.next" "$f"
            if [ "$line" = FAILCMD ]; then exit 3; fi
            if [ "$line" = EMPTY ]; then exit 0; fi
            echo "\\"$line\\""
            """;

    @TempDir
    Path tmp;

    private Scenario polling(String... states) {
        return Scenario.demo(tmp)
                .file("service/poll.sh", POLL_SCRIPT)
                .file("service/poll-states", String.join("\n", states) + "\n")
                .editItem(STEP, i -> i.put("poll_cmd", "bash service/poll.sh"));
    }

    private static List<String> states(RunOutcome run) {
        return run.entries(STEP, "poll-tick").stream()
                .map(e -> e.path("poll_state").asText())
                .toList();
    }

    @Test
    void aJobIsPolledUntilItsSuccessStateThenVerified() {
        RunOutcome run = polling("RUNNING", "RUNNING", "SUCCESS").run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(states(run)).containsExactly("RUNNING", "RUNNING", "SUCCESS");
        assertThat(run.events(STEP))
                .containsSubsequence("executed", "poll-tick", "poll-terminal", "verify-passed", "step-succeeded");
        assertThat(run.entries(STEP, "poll-terminal").get(0).path("poll_state").asText())
                .isEqualTo("SUCCESS");
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(run.output()).contains("last state RUNNING");
        assertThat(run.asked(PromptKind.APPROVE, STEP).get(0).prompt())
                .contains("polled every 1 s until SUCCESS or ERROR");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // the hung poll sleeps 600 s: only the timeout ends it
    void aPollThatHangsIsKilledAfterPollTimeoutSecondsAndCountsAsAnUnknownState() {
        String hangsOnce = "if [ -f service/hung-once ]; then echo '\"SUCCESS\"'; else touch service/hung-once;"
                + " exec sleep 600; fi\n";
        RunOutcome run = Scenario.demo(tmp)
                .file("service/hang-once.sh", hangsOnce)
                .config("environment: sandbox\npoll_interval_seconds: 1\npoll_timeout_seconds: 0.5\n"
                        + "allowed_programs: [bash, cat, cmp, cp, diff, grep, ln, mkdir, readlink, rm, sha256sum,"
                        + " test, touch, true]\n")
                .editItem(STEP, i -> i.put("poll_cmd", "bash service/hang-once.sh"))
                .run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(states(run)).containsExactly("unknown", "SUCCESS");
        JsonNode killed = run.entries(STEP, "poll-tick").get(0);
        assertThat(killed.path("exit_code").asInt()).isEqualTo(124);
        assertThat(killed.path("notes").asText())
                .isEqualTo("poll command timed out after 0.5 s (poll_timeout_seconds); its process tree was killed");
    }

    @Test
    void withoutAConfiguredIntervalTheStepsOwnIntervalIsUsed() {
        RunOutcome run = polling("RUNNING", "SUCCESS")
                .config("environment: sandbox\nallowed_programs: [bash, cat, cmp, cp, diff, grep, ln, mkdir,"
                        + " readlink, rm, sha256sum, test, touch, true]\n")
                .run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(60));
        assertThat(run.asked(PromptKind.APPROVE, STEP).get(0).prompt()).contains("polled every 60 s");
    }

    @Test
    void aFailureTerminalStateFailsVerifyAndOpensTheDialog() {
        RunOutcome run = polling("RUNNING", "ERROR")
                .run(new ScriptedApprover().answer(PromptKind.FAILURE, STEP, Choice.SKIP_ROLLBACK_STOP));

        assertThat(run.events(STEP))
                .endsWith(
                        "poll-tick",
                        "poll-tick",
                        "poll-terminal",
                        "verify-failed",
                        "step-failed",
                        "rollback-offered",
                        "rollback-skipped");
        JsonNode failed = run.entries(STEP, "verify-failed").get(0);
        assertThat(failed.path("notes").asText()).isEqualTo("poll terminal state ERROR");
        assertThat(run.asked(PromptKind.FAILURE, STEP)).hasSize(1);
        assertThat(run.verdict()).isEqualTo("halted");
    }

    @Test
    void threeUnknownStatesAskRetryOrAbortAndRetryResumesPolling() {
        RunOutcome run = polling("EMPTY", "FAILCMD", "EMPTY", "EMPTY", "RUNNING", "EMPTY", "EMPTY", "SUCCESS")
                .run(new ScriptedApprover().answer(PromptKind.FAILURE, STEP, Choice.RETRY));

        List<Question> dialogs = run.asked(PromptKind.FAILURE, STEP);
        assertThat(dialogs).hasSize(1);
        assertThat(dialogs.get(0).choices()).containsExactly(Choice.RETRY, Choice.ABORT);
        assertThat(states(run))
                .containsExactly(
                        "unknown", "unknown", "unknown", "unknown", "RUNNING", "unknown", "unknown", "SUCCESS");
        List<JsonNode> approvals = run.entries(STEP, "approved");
        assertThat(approvals).hasSize(2);
        assertThat(approvals.get(1).path("notes").asText()).startsWith("poll retry");
        assertThat(run.events(STEP).subList(0, run.events(STEP).indexOf("executed")))
                .doesNotContain("poll-tick");
        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
    }

    @Test
    void abortAfterThreeUnknownStatesAbortsTheRun() {
        RunOutcome run = polling("EMPTY", "EMPTY", "EMPTY")
                .run(new ScriptedApprover().answer(PromptKind.FAILURE, STEP, Choice.ABORT));

        assertThat(states(run)).containsExactly("unknown", "unknown", "unknown");
        assertThat(run.events(STEP)).endsWith("poll-tick", "aborted");
        assertThat(run.verdict()).isEqualTo("aborted");
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.events("dp-phase3-010-copy-config")).isEmpty();
    }
}
