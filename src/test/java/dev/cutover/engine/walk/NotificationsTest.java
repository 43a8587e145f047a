package dev.cutover.engine.walk;

import static dev.cutover.engine.walk.FailingStep.ROLLBACK;
import static dev.cutover.engine.walk.FailingStep.STEP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.notify.NotificationSettings;
import dev.cutover.notify.RetryPolicy;
import dev.cutover.testing.RecordingPause;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import dev.cutover.testing.WebhookReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications of a real in-process run (the demo) to a local HTTP receiver: what is sent when, how each
 * delivery is journaled, and that no webhook — failing, refusing or hanging — changes the run's course.
 */
class NotificationsTest {
    static final String SANDBOX = "environment: sandbox\nallowed_programs: [bash, cat, cmp, cp, diff, grep, ln,"
            + " mkdir, readlink, rm, sha256sum, test, touch, true]\npoll_interval_seconds: 1\n";
    static final String RUN = "cp-phase0-000-run";
    static final String CP6_FIRST = "cp-phase6-090-target-empty";
    static final String DP4_FIRST = "dp-phase4-001-announce";
    static final String TOKEN = "s3cr3t-T0KEN-42";
    static final String JSON_PATH = "/events/" + TOKEN;
    static final String SLACK_PATH = "/services/T000/B000/" + TOKEN;

    private static final String POINT_OF_NO_RETURN = "dp-phase3-010-copy-config";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final RecordingPause pause = new RecordingPause();
    private WebhookReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    NotificationSettings settings(Duration grace) {
        return new NotificationSettings(
                new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(60)), pause, grace);
    }

    /** The demo with {@code hooks} (YAML list items) as its notifications, delivered without real waiting. */
    Scenario demo(String hooks) {
        return Scenario.demo(tmp)
                .config(SANDBOX + "notifications:\n" + hooks)
                .notifications(settings(Duration.ofSeconds(30)));
    }

    String hook(String name, String url, String format) {
        return "  - {name: " + name + ", url: \"" + url + "\", format: " + format + "}\n";
    }

    static List<JsonNode> notifications(RunOutcome run) {
        return run.entries(RUN, "executed").stream()
                .filter(e -> e.path("cmd").asText().startsWith("notify "))
                .toList();
    }

    static List<String> commands(RunOutcome run) {
        return notifications(run).stream().map(e -> e.path("cmd").asText()).toList();
    }

    static List<JsonNode> bodies(WebhookReceiver receiver, String path) {
        return receiver.bodies(path).stream()
                .map(b -> {
                    try {
                        return JSON.readTree(b);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    static List<String> events(WebhookReceiver receiver, String path) {
        return bodies(receiver, path).stream()
                .map(b -> b.path("event").asText())
                .toList();
    }

    @Test
    void aRunWithTwoWebhooksSendsStartEachGateAndEndAsJsonAndSlackAndJournalsEachDelivery() {
        receiver = WebhookReceiver.accepting();
        RunOutcome run = demo(hook("audit", receiver.url(JSON_PATH).toString(), "json")
                        + hook("war-room", receiver.url(SLACK_PATH).toString(), "slack"))
                .run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(run.exitCode()).isZero();
        List<JsonNode> json = bodies(receiver, JSON_PATH);
        assertThat(json)
                .extracting(
                        b -> b.path("event").asText() + " " + b.path("step_id").asText())
                .containsExactly(
                        "run-started null",
                        "gate-signed " + CP6_FIRST,
                        "point-of-no-return-crossed " + POINT_OF_NO_RETURN,
                        "gate-signed " + DP4_FIRST,
                        "run-ended null");
        assertThat(json).allSatisfy(b -> {
            assertThat(b.path("run_id").asText()).isEqualTo("demo");
            assertThat(b.path("environment").asText()).isEqualTo("sandbox");
            assertThat(b.path("operator").asText()).isEqualTo("tester");
            assertThat(b.path("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        });
        assertThat(json.get(1).path("message").asText())
                .contains("gate of control-plane phase 6", "signed for team platform by tester");
        assertThat(json.get(4).path("verdict").asText()).isEqualTo("completed");
        assertThat(json.get(4).path("message").asText()).contains("ended COMPLETED");
        List<JsonNode> slack = bodies(receiver, SLACK_PATH);
        assertThat(slack)
                .hasSize(5)
                .allSatisfy(b -> assertThat(b.fieldNames()).toIterable().containsExactly("text"));
        assertThat(slack.get(0).path("text").asText()).contains("Maintenance window started", "demo");

        assertThat(commands(run))
                .containsExactlyInAnyOrder(
                        "notify audit run-started",
                        "notify audit gate-signed",
                        "notify audit point-of-no-return-crossed",
                        "notify audit gate-signed",
                        "notify audit run-ended",
                        "notify war-room run-started",
                        "notify war-room gate-signed",
                        "notify war-room point-of-no-return-crossed",
                        "notify war-room gate-signed",
                        "notify war-room run-ended");
        assertThat(notifications(run)).allSatisfy(e -> {
            assertThat(e.path("exit_code").asInt()).isZero();
            assertThat(e.path("notes").asText()).isEqualTo("notification delivered: HTTP 204 after 1 attempt");
            assertThat(e.path("operator").asText()).isEqualTo("tester");
        });
        assertThat(run.timeline()).last().isEqualTo(RUN + " lock-released");
        assertThat(run.summary().path("steps_succeeded").asInt())
                .isEqualTo(run.summary().path("steps_total").asInt());
        assertThat(read(run.file("execution-report.md")))
                .contains(
                        "## Notifications",
                        "10 delivered, 0 failed.",
                        "| `audit` | `run-started` | delivered: HTTP 204 after 1 attempt |");
        assertThat(read(run.file("execution-report.html"))).contains("<section id=\"notifications\">", "war-room");
        assertTokenNowhere(run);
    }

    @Test
    void aReceiverFailingTheFirstTwoRequestsGetsTheStartOnTheThirdAttemptJournaledOnceAsDelivered() {
        receiver = WebhookReceiver.answering(List.of(500, 502), 204);
        RunOutcome run =
                demo(hook("audit", receiver.url(JSON_PATH).toString(), "json")).run(new ScriptedApprover());

        assertThat(run.verdict()).isEqualTo("completed");
        assertThat(events(receiver, JSON_PATH))
                .containsExactly(
                        "run-started",
                        "run-started",
                        "run-started",
                        "gate-signed",
                        "point-of-no-return-crossed",
                        "gate-signed",
                        "run-ended");
        assertThat(notifications(run))
                .extracting(e -> e.path("cmd").asText() + ": " + e.path("notes").asText())
                .containsExactly(
                        "notify audit run-started: notification delivered: HTTP 204 after 3 attempts",
                        "notify audit gate-signed: notification delivered: HTTP 204 after 1 attempt",
                        "notify audit point-of-no-return-crossed: notification delivered: HTTP 204 after 1 attempt",
                        "notify audit gate-signed: notification delivered: HTTP 204 after 1 attempt",
                        "notify audit run-ended: notification delivered: HTTP 204 after 1 attempt");
        assertThat(pause.pauses()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aWebhookThatAlwaysFailsIsJournaledAsFailedAndTheRunStillCompletesWithExitZero() {
        receiver = WebhookReceiver.answering(List.of(), 500);
        RunOutcome run =
                demo(hook("audit", receiver.url(JSON_PATH).toString(), "json")).run(new ScriptedApprover());

        assertThat(run.verdict()).isEqualTo("completed");
        assertThat(run.exitCode()).isZero();
        assertThat(run.summary().path("verdict").asText()).isEqualTo("completed");
        assertThat(notifications(run)).hasSize(5).allSatisfy(e -> {
            assertThat(e.path("exit_code").asInt()).isEqualTo(1);
            assertThat(e.path("notes").asText()).isEqualTo("notification failed: HTTP 500 after 4 attempts");
        });
        assertThat(receiver.requests()).hasSize(20);
        assertThat(read(run.file("execution-report.md"))).contains("0 delivered, 5 failed.");
        assertTokenNowhere(run);
    }

    @Test
    void aWebhookRefusingConnectionsIsJournaledAsFailedAndTheRunStillCompletes() {
        RunOutcome run = demo(hook("audit", WebhookReceiver.refusing(JSON_PATH).toString(), "slack"))
                .run(new ScriptedApprover());

        assertThat(run.verdict()).isEqualTo("completed");
        assertThat(run.exitCode()).isZero();
        assertThat(notifications(run))
                .hasSize(5)
                .allSatisfy(e -> assertThat(e.path("notes").asText())
                        .isEqualTo("notification failed: connection refused after 4 attempts"));
        assertTokenNowhere(run);
    }

    @Test
    void aWebhookThatHangsDoesNotHoldUpTheRunAndWhatItNeverAnsweredIsJournaledAsAbandoned() throws Exception {
        receiver = WebhookReceiver.hanging();
        boolean[] heldOpen = {false};
        ScriptedApprover approver = new ScriptedApprover()
                .onAsk(q -> !heldOpen[0] && q.kind() == PromptKind.APPROVE, q -> {
                    try {
                        heldOpen[0] = receiver.awaitFirstRequest();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        RunOutcome run = demo(hook("audit", receiver.url(JSON_PATH).toString(), "json"))
                .notifications(settings(Duration.ZERO))
                .run(approver);

        // The receiver took the run-started request before the first step was approved and never answered it, yet
        // every step ran and the run ended: the walk never waited for the webhook.
        assertThat(heldOpen[0]).isTrue();
        assertThat(receiver.requests()).hasSize(1);
        assertThat(run.verdict()).isEqualTo("completed");
        assertThat(run.exitCode()).isZero();
        assertThat(notifications(run))
                .extracting(e -> e.path("cmd").asText() + ": " + e.path("notes").asText())
                .containsExactly(
                        "notify audit run-started: notification failed: abandoned at end of run, not delivered"
                                + " within the grace of 0 s",
                        "notify audit gate-signed: notification failed: abandoned at end of run, not delivered"
                                + " within the grace of 0 s",
                        "notify audit point-of-no-return-crossed: notification failed: abandoned at end of run, not"
                                + " delivered within the grace of 0 s",
                        "notify audit gate-signed: notification failed: abandoned at end of run, not delivered"
                                + " within the grace of 0 s",
                        "notify audit run-ended: notification failed: abandoned at end of run, not delivered"
                                + " within the grace of 0 s");
        List<String> timeline = run.timeline();
        assertThat(timeline.subList(timeline.size() - 6, timeline.size()))
                .as("abandoned deliveries are journaled at the end, before lock-released")
                .containsExactly(
                        RUN + " executed",
                        RUN + " executed",
                        RUN + " executed",
                        RUN + " executed",
                        RUN + " executed",
                        RUN + " lock-released");
    }

    @Test
    void aFailedStepAndItsRollbackAreSentNamingTheOwnersContactAndTheEndSaysHalted() {
        receiver = WebhookReceiver.accepting();
        RunOutcome run = FailingStep.scenario(tmp, "test -e service/never", ROLLBACK)
                .config(SANDBOX
                        + "stakeholders:\n  - {team: platform, contact: platform-oncall@example.com, channel: \"#ops\"}\n"
                        + "notifications:\n"
                        + hook("audit", receiver.url(JSON_PATH).toString(), "json"))
                .notifications(settings(Duration.ofSeconds(30)))
                .run(new ScriptedApprover().answer(PromptKind.FAILURE, STEP, Choice.ROLLBACK_STOP));

        assertThat(run.verdict()).isEqualTo("halted");
        List<JsonNode> json = bodies(receiver, JSON_PATH);
        assertThat(json)
                .extracting(
                        b -> b.path("event").asText() + " " + b.path("step_id").asText())
                .containsExactly(
                        "run-started null",
                        "gate-signed " + CP6_FIRST,
                        "step-failed " + STEP,
                        "rollback-executed " + STEP,
                        "run-ended " + STEP);
        assertThat(json.get(2).path("message").asText())
                .contains("Step " + STEP + " failed (verify exited 1)")
                .endsWith("; owner team platform (contact platform-oncall@example.com)");
        assertThat(json.get(3).path("message").asText())
                .isEqualTo("Rollback of step " + STEP
                        + " ran (exit 0); owner team platform (contact platform-oncall@example.com)");
        assertThat(json.get(4).path("verdict").asText()).isEqualTo("halted");
        assertThat(json.get(4).path("message").asText()).contains("ended HALTED: operator stopped after a failure");
        assertThat(notifications(run))
                .hasSize(5)
                .allMatch(e -> e.path("exit_code").asInt() == 0);
    }

    @Test
    void aRefusedGateIsSentAndAResumeAfterItSendsResumedAndContinuesAsIfNoDeliveryWereJournaled() {
        receiver = WebhookReceiver.accepting();
        Scenario s = demo(hook("audit", receiver.url(JSON_PATH).toString(), "json"));

        RunOutcome halted = s.run(new ScriptedApprover().answer(PromptKind.GATE, DP4_FIRST, Choice.ABORT));

        assertThat(halted.verdict()).isEqualTo("halted");
        assertThat(events(receiver, JSON_PATH))
                .containsExactly(
                        "run-started", "gate-signed", "point-of-no-return-crossed", "gate-refused", "run-ended");
        assertThat(bodies(receiver, JSON_PATH).get(3).path("message").asText())
                .contains("gate of data-plane phase 4 (Cutover) refused for team platform by tester");

        RunOutcome resumed = s.resume(new ScriptedApprover());

        assertThat(resumed.verdict()).as(resumed.output()).isEqualTo("completed");
        assertThat(resumed.asked(PromptKind.GATE, CP6_FIRST))
                .as("the cp6 signature is honoured")
                .isEmpty();
        assertThat(resumed.asked(PromptKind.GATE, DP4_FIRST)).hasSize(1);
        List<JsonNode> all = bodies(receiver, JSON_PATH);
        assertThat(all.subList(5, all.size()))
                .extracting(b -> b.path("event").asText())
                .containsExactly("run-started", "gate-signed", "run-ended");
        assertThat(all.get(5).path("message").asText()).contains("Maintenance window resumed");
        assertThat(notifications(resumed)).hasSize(8);
    }

    @Test
    void declinedAtGoNoGoTheWindowNeverOpensSoNothingIsSent() {
        receiver = WebhookReceiver.accepting();
        RunOutcome run = demo(hook("audit", receiver.url(JSON_PATH).toString(), "json"))
                .run(new ScriptedApprover().answer(PromptKind.GO_NO_GO, RUN, Choice.CANCEL));

        assertThat(run.verdict()).isEqualTo("aborted");
        assertThat(receiver.requests()).isEmpty();
        assertThat(notifications(run)).isEmpty();
    }

    @Test
    void aRunWithoutWebhooksJournalsNoNotificationAndStartsNoDeliveryThread() {
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        java.util.Set<String> started = new java.util.HashSet<>();
        ScriptedApprover approver = new ScriptedApprover().onAsk(q -> q.kind() == PromptKind.APPROVE, q -> {
            Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.getName().startsWith("cutover-notify-"))
                    .forEach(t -> started.add(t.getName()));
        });

        RunOutcome run = Scenario.demo(tmp).run(approver);

        assertThat(run.verdict()).isEqualTo("completed");
        assertThat(run.entries(RUN, "executed")).isEmpty();
        assertThat(read(run.file("execution-report.md"))).doesNotContain("Notifications");
        assertThat(started)
                .as("delivery threads seen while the steps were asked")
                .isEmpty();
    }

    /** The webhook URLs carry a token: it must appear in no file the run wrote, nor in its output. */
    static void assertTokenNowhere(RunOutcome run) {
        assertThat(run.output()).doesNotContain(TOKEN);
        try (Stream<Path> files = Files.walk(run.dir())) {
            files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals("cutover.yaml"))
                    .forEach(f -> assertThat(read(f)).as(f.toString()).doesNotContain(TOKEN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aGuidedRollbackTellsStakeholdersItStartedEachStepItUndidAndHowItEnded() {
        receiver = WebhookReceiver.accepting();
        Scenario s = demo(hook("audit", receiver.url(JSON_PATH).toString(), "json"));
        assertThat(s.run(new ScriptedApprover()).verdict()).isEqualTo("completed");
        int afterRun = bodies(receiver, JSON_PATH).size();

        RunOutcome rollback = s.rollback(new ScriptedApprover());

        assertThat(rollback.verdict()).as(rollback.output()).isEqualTo("completed");
        List<JsonNode> sent = bodies(receiver, JSON_PATH)
                .subList(afterRun, bodies(receiver, JSON_PATH).size());
        assertThat(sent)
                .extracting(
                        b -> b.path("event").asText() + " " + b.path("step_id").asText())
                .containsExactly(
                        "run-started null",
                        "rollback-executed dp-phase4-030-switch-live",
                        "rollback-executed dp-phase4-020-final-delta",
                        "rollback-executed dp-phase4-010-freeze-source",
                        "rollback-executed dp-phase2-010-copy-data",
                        "rollback-executed cp-phase1-010-create-target",
                        "run-ended null");
        assertThat(sent.get(0).path("message").asText()).startsWith("Guided rollback started: cutover run demo");
        assertThat(sent.get(1).path("message").asText())
                .startsWith("Rollback of step dp-phase4-030-switch-live undid it (check: the step's verify no longer"
                        + " passes");
        assertThat(sent.get(6).path("message").asText())
                .isEqualTo("Guided rollback of cutover run demo ended COMPLETED");
        assertThat(commands(rollback))
                .as("the cutover's and the rollback's deliveries, each journaled before its lock-released")
                .filteredOn("notify audit run-ended"::equals)
                .hasSize(2);
        assertThat(rollback.timeline()).last().isEqualTo(RUN + " lock-released");
    }

    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
