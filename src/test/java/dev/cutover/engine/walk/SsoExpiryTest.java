package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expired credentials halt the run and keep the lock for {@code --resume} (FORMATS.md §6.3). A fake {@code aws}
 * first on the child's PATH answers the identity probes for profiles {@code src}/{@code tgt}, logs every call,
 * and reports an expired token for anything else, or for the probes too once {@code expired} exists.
 */
class SsoExpiryTest {
    private static final String CREATE = "cp-phase1-010-create-target";
    private static final String NEXT = "cp-phase4-001-confirm-reader";
    private static final String BEFORE_COPY = "dp-phase1-001-checksums-recorded";
    /** With aws allowed the bulk copy gets the datasync preview template, which needs the task ARN. */
    private static final String COPY = "dp-phase2-010-copy-data";

    private static final String COPY_CONFIG = "dp-phase3-010-copy-config";

    /** The demo's verify of the configuration copy, reporting an expired token once {@code verify-expired} exists. */
    private static final String EXPIRING_VERIFY = """
            if [ -e service/verify-expired ]; then
              echo "An error occurred (ExpiredToken) when calling the GetObject operation: the token is expired" >&2
              exit 255
            fi
            cmp service/source/app.conf service/target/config/app.conf
            """;

    private static final String TASK_ARN = "arn:aws:datasync:local:000000000002:task/task-1";
    private static final String FAKE_AWS = """
            #!/bin/bash
            here="$(dirname "$0")"
            echo "$*" >> "$here/calls.log"
            if [ "$1 $2" = "sts get-caller-identity" ] && [ ! -e "$here/expired" ]; then
              prev=""; for a in "$@"; do [ "$prev" = --profile ] && profile="$a"; prev="$a"; done
              if [ "$profile" = src ]; then echo '{"Account": "000000000001"}'; else echo '{"Account": "000000000002"}'; fi
              exit 0
            fi
            echo "An error occurred (ExpiredToken) when calling the $2 operation: the token is expired" >&2
            exit 255
            """;

    /** Reports an expired token for the first %d polls, then SUCCESS. */
    private static final String EXPIRING_POLL = """
            n=$(( $(cat service/polls 2>/dev/null || echo 0) + 1 ))
            echo "$n" > service/polls
            if [ "$n" -le %d ]; then echo "Error loading SSO Token: Token for src does not exist" >&2; exit 255; fi
            echo SUCCESS
            """;

    @TempDir
    Path tmp;

    private Path bin() {
        return tmp.resolve("bin");
    }

    private Scenario withFakeAws() {
        Scenario.executable(bin().resolve("aws"), FAKE_AWS);
        return Scenario.demo(tmp)
                .config("environment: sandbox\nallowed_programs: [aws, bash, cat, cmp, cp, diff, grep, ln, mkdir,"
                        + " readlink, rm, sha256sum, test, touch, true]\npoll_interval_seconds: 1\n")
                .profiles("src", "tgt")
                .env("PATH", bin() + ":" + System.getenv("PATH"));
    }

    private static void assertHaltedKeepingTheLock(RunOutcome run) {
        assertThat(run.verdict()).as(run.output()).isEqualTo("halted");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.file("RUNNING.lock")).exists();
        assertThat(run.timeline()).noneMatch(e -> e.endsWith("lock-released"));
        assertThat(run.output()).contains("aws sso login").contains("--resume");
        assertThat(run.summary().path("verdict").asText()).isEqualTo("halted");
    }

    @Test
    void anExecuteReportingAnExpiredTokenHaltsAndKeepsTheLock() {
        RunOutcome run = withFakeAws()
                .editItem(
                        CREATE, i -> i.put("command", "aws s3 mb s3://demo-target --profile $MIGRATION_TARGET_PROFILE"))
                .run(new ScriptedApprover());

        assertThat(run.entries(CREATE, "executed").get(0).path("exit_code").asInt())
                .isEqualTo(255);
        assertThat(run.events(CREATE)).endsWith("executed", "sso-probe-failed");
        assertThat(run.events(CREATE)).doesNotContain("step-failed", "rollback-offered");
        assertThat(run.asked(PromptKind.FAILURE, CREATE)).isEmpty();
        assertThat(run.events(NEXT)).isEmpty();
        assertHaltedKeepingTheLock(run);
        assertThat(run.result().ending().haltStepId()).isEqualTo(CREATE);
        assertThat(run.output()).contains("aws sso login --profile tgt").doesNotContain("--profile <profile>");
    }

    @Test
    void theProbeRunsAgainBeforeTheNextStepsPreviewOnceNineHundredSecondsPassed() throws Exception {
        Scenario scenario = withFakeAws();
        RunOutcome run = scenario.run(new ScriptedApprover()
                .param("task-arn", TASK_ARN)
                .answer(PromptKind.APPROVE, COPY, Choice.ABORT)
                .onAsk(approving(BEFORE_COPY), q -> scenario.clock().advance(Duration.ofSeconds(901))));

        assertThat(run.events(COPY)).startsWith("step-started", "sso-probe-passed", "preview-shown");
        assertThat(run.timeline().stream().filter(e -> e.endsWith("sso-probe-passed")))
                .hasSize(1);
        assertThat(Files.readAllLines(bin().resolve("calls.log")))
                .filteredOn(l -> l.startsWith("sts get-caller-identity"))
                .hasSize(4);
        JsonNode preview = run.entries(COPY, "preview-shown").get(0);
        assertThat(preview.path("cmd").asText()).contains(TASK_ARN);
        assertThat(preview.path("exit_code").asInt())
                .as("a failed preview is shown, not fatal")
                .isEqualTo(255);
        assertThat(run.asked(PromptKind.APPROVE, COPY).get(0).prompt()).contains("(preview exit 255)");
        assertThat(run.events(BEFORE_COPY)).doesNotContain("sso-probe-passed");
    }

    @Test
    void aFailingPeriodicProbeHaltsBeforeParametersPreviewOrApproval() {
        Scenario scenario = withFakeAws();
        RunOutcome run =
                scenario.run(new ScriptedApprover().param("task-arn", TASK_ARN).onAsk(approving(BEFORE_COPY), q -> {
                    scenario.clock().advance(Duration.ofSeconds(901));
                    touch(bin().resolve("expired"));
                }));

        assertThat(run.events(COPY)).containsExactly("step-started", "sso-probe-failed");
        assertThat(run.entries(COPY, "sso-probe-failed").get(0).path("notes").asText())
                .contains("aws sts get-caller-identity");
        assertThat(run.asked(PromptKind.PARAM, COPY)).isEmpty();
        assertThat(run.asked(PromptKind.APPROVE, COPY)).isEmpty();
        assertHaltedKeepingTheLock(run);
        assertThat(run.output()).contains("aws sso login --profile src");
    }

    @Test
    void anExpiredTokenInAPollIsRetriedOnceThenPollingGoesOn() {
        RunOutcome run = withFakeAws()
                .file("service/poll.sh", EXPIRING_POLL.formatted(1))
                .editItem(COPY, i -> i.put("poll_cmd", "bash service/poll.sh"))
                .run(new ScriptedApprover()
                        .anyParam("x1")
                        .answer(PromptKind.APPROVE, "dp-phase3-010-copy-config", Choice.ABORT));

        assertThat(run.entries(COPY, "poll-tick")).hasSize(2);
        assertThat(run.events(COPY)).doesNotContain("sso-probe-failed").endsWith("step-succeeded");
        assertThat(run.verdict()).isEqualTo("aborted");
    }

    @Test
    void aSecondExpiredTokenInAPollHaltsKeepingTheLock() {
        RunOutcome run = withFakeAws()
                .file("service/poll.sh", EXPIRING_POLL.formatted(2))
                .editItem(COPY, i -> i.put("poll_cmd", "bash service/poll.sh"))
                .run(new ScriptedApprover().anyParam("x1"));

        assertThat(run.events(COPY)).endsWith("poll-tick", "poll-tick", "sso-probe-failed");
        assertHaltedKeepingTheLock(run);
    }

    /**
     * docs/resume.md: an expired credential seen during the re-verify halts the run. A verify that fails only
     * because the token expired says nothing about the live system, so it must not lead to the resume question,
     * whose retry would run the mutation a second time.
     */
    @Test
    void anExpiredTokenInTheReverifyOfAnInFlightStepHaltsInsteadOfAskingToRunItAgain() throws Exception {
        Scenario scenario = withFakeAws()
                .file("service/verify.sh", EXPIRING_VERIFY)
                .editItem(COPY_CONFIG, i -> i.put("verification_command", "bash service/verify.sh"));
        RunOutcome first = scenario.run(new ScriptedApprover().anyParam("x1"));
        assertThat(first.verdict()).as(first.output()).isEqualTo("completed");
        scenario.crashAfter(COPY_CONFIG, "approved", 2); // after the crossing: in flight
        touch(scenario.dir().resolve("service/verify-expired"));
        Files.delete(scenario.dir().resolve("service/target/config/app.conf"));

        RunOutcome run = scenario.resume(
                new ScriptedApprover().anyParam("x1").answer(PromptKind.RESUME, COPY_CONFIG, Choice.RETRY));

        assertThat(run.events(COPY_CONFIG)).endsWith("approved", "resume-reverified", "sso-probe-failed");
        assertThat(run.entries(COPY_CONFIG, "sso-probe-failed")
                        .get(0)
                        .path("notes")
                        .asText())
                .contains("ExpiredToken");
        assertThat(run.asked(PromptKind.RESUME, COPY_CONFIG)).isEmpty();
        assertThat(run.entries(COPY_CONFIG, "executed")).isEmpty();
        assertThat(scenario.dir().resolve("service/target/config/app.conf"))
                .as("the copy did not run again")
                .doesNotExist();
        assertHaltedKeepingTheLock(run);
        assertThat(run.result().ending().haltStepId()).isEqualTo(COPY_CONFIG);
    }

    @Test
    void aVerifyReportingAnExpiredTokenHaltsAndAResumeReVerifiesInsteadOfRunningTheStepAgain() throws Exception {
        Scenario scenario = withFakeAws()
                .file("service/verify.sh", EXPIRING_VERIFY)
                .editItem(COPY_CONFIG, i -> i.put("verification_command", "bash service/verify.sh"));
        touch(scenario.dir().resolve("service/verify-expired"));

        RunOutcome halted = scenario.run(new ScriptedApprover().anyParam("x1"));

        assertThat(halted.events(COPY_CONFIG)).endsWith("executed", "sso-probe-failed");
        assertThat(halted.events(COPY_CONFIG)).doesNotContain("verify-failed", "step-failed");
        assertThat(halted.asked(PromptKind.FAILURE, COPY_CONFIG))
                .as("no failure dialog, whose retry would copy again")
                .isEmpty();
        assertHaltedKeepingTheLock(halted);

        Files.delete(scenario.dir().resolve("service/verify-expired")); // the operator logged in again
        RunOutcome resumed = scenario.resume(new ScriptedApprover().anyParam("x1"));

        assertThat(resumed.verdict()).as(resumed.output()).isEqualTo("completed");
        assertThat(resumed.events(COPY_CONFIG)).endsWith("resume-reverified", "resume-marked-done");
        assertThat(resumed.entries(COPY_CONFIG, "executed"))
                .as("the copy ran once")
                .hasSize(1);
    }

    private static java.util.function.Predicate<dev.cutover.approval.Question> approving(String step) {
        return q -> q.kind() == PromptKind.APPROVE && q.stepId().equals(step);
    }

    private static void touch(Path file) {
        try {
            Files.writeString(file, "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
