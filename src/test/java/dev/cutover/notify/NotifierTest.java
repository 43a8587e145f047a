package dev.cutover.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.input.Webhook;
import dev.cutover.testing.RecordingPause;
import dev.cutover.testing.WebhookReceiver;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Delivery against a real local HTTP receiver: retries with backoff, final failures, hangs, order, no threads. */
class NotifierTest {
    private static final RunIdentity RUN = new RunIdentity("northwind-42", "staging", "111111111111", "222222222222");
    private static final String PATH = "/hooks/T000/s3cr3t-token";

    private final RecordingPause pause = new RecordingPause();
    private final List<DeliveryOutcome> outcomes = new CopyOnWriteArrayList<>();
    private WebhookReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private NotificationSettings settings(Duration grace) {
        return new NotificationSettings(
                new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30)), pause, grace);
    }

    private Notifier notifier(URI url, Duration grace) {
        return Notifier.start(
                List.of(new Webhook("war-room", url, Webhook.Format.JSON)), settings(grace), outcomes::add);
    }

    private static Notification event(NotificationKind kind) {
        return new Notification(RUN, kind, null, "alice", Instant.parse("2026-03-02T09:00:00Z"), null, kind.name());
    }

    @Test
    void aReceiverFailingTheFirstTwoRequestsGetsTheNotificationOnTheThirdAttemptAndOneOutcomeIsReported() {
        receiver = WebhookReceiver.answering(List.of(500, 503), 204);
        Notifier n = notifier(receiver.url(PATH), Duration.ofSeconds(30));

        n.send(event(NotificationKind.RUN_STARTED));
        n.finish();

        assertThat(receiver.bodies(PATH)).hasSize(3);
        assertThat(outcomes)
                .singleElement()
                .satisfies(o -> assertThat(o.notes()).isEqualTo("notification delivered: HTTP 204 after 3 attempts"));
        assertThat(pause.pauses()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aReceiverThatAlwaysFailsIsTriedFourTimesWithDoublingWaitsThenReportedFailed() {
        receiver = WebhookReceiver.answering(List.of(), 500);
        Notifier n = notifier(receiver.url(PATH), Duration.ofSeconds(30));

        n.send(event(NotificationKind.STEP_FAILED));
        n.finish();

        assertThat(receiver.bodies(PATH)).hasSize(4);
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.delivered()).isFalse();
            assertThat(o.notes()).isEqualTo("notification failed: HTTP 500 after 4 attempts");
        });
        assertThat(pause.pauses()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void aClientErrorIsFinalAfterOneAttempt() {
        receiver = WebhookReceiver.answering(List.of(), 404);
        Notifier n = notifier(receiver.url(PATH), Duration.ofSeconds(30));

        n.send(event(NotificationKind.RUN_ENDED));
        n.finish();

        assertThat(receiver.bodies(PATH)).hasSize(1);
        assertThat(outcomes)
                .singleElement()
                .satisfies(o ->
                        assertThat(o.notes()).isEqualTo("notification failed: HTTP 404 after 1 attempt, not retried"));
    }

    @Test
    void refusedConnectionsAreRetriedThenReportedWithoutTheUrl() {
        URI url = WebhookReceiver.refusing(PATH);
        Notifier n = notifier(url, Duration.ofSeconds(30));

        n.send(event(NotificationKind.RUN_STARTED));
        n.finish();

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.notes()).isEqualTo("notification failed: connection refused after 4 attempts");
            assertThat(o.notes()).doesNotContain("127.0.0.1", "s3cr3t", String.valueOf(url.getPort()));
        });
    }

    @Test
    void sendReturnsWhileTheReceiverHangsAndFinishReportsTheUndeliveredEventsAsAbandoned() throws Exception {
        receiver = WebhookReceiver.hanging();
        Notifier n = notifier(receiver.url(PATH), Duration.ZERO);

        n.send(event(NotificationKind.RUN_STARTED));
        n.send(event(NotificationKind.RUN_ENDED));
        // send() returned although the receiver holds the first request open and has answered nothing.
        assertThat(receiver.awaitFirstRequest()).isTrue();
        assertThat(outcomes).isEmpty();
        n.finish();

        assertThat(outcomes)
                .extracting(o -> o.kind() + " " + o.notes())
                .containsExactly(
                        "RUN_STARTED notification failed: abandoned at end of run, not delivered within the grace of 0 s",
                        "RUN_ENDED notification failed: abandoned at end of run, not delivered within the grace of 0 s");
        n.send(event(NotificationKind.RUN_STARTED));
        n.finish();
        assertThat(outcomes).as("nothing is sent or reported after finish").hasSize(2);
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void eachWebhookReceivesItsEventsInTheOrderTheyHappenedAsWellFormedJson() throws Exception {
        receiver = WebhookReceiver.accepting();
        Notifier n = notifier(receiver.url(PATH), Duration.ofSeconds(30));

        for (NotificationKind kind : NotificationKind.values()) {
            n.send(event(kind));
        }
        n.finish();

        ObjectMapper json = new ObjectMapper();
        List<String> events = receiver.bodies(PATH).stream()
                .map(b -> {
                    try {
                        return json.readTree(b).path("event").asText();
                    } catch (Exception e) {
                        throw new AssertionError(b, e);
                    }
                })
                .toList();
        assertThat(events)
                .containsExactly(
                        "run-started",
                        "gate-signed",
                        "gate-refused",
                        "point-of-no-return-crossed",
                        "step-failed",
                        "rollback-executed",
                        "run-ended");
        assertThat(receiver.requests()).allMatch(r -> r.contentType().startsWith("application/json"));
        assertThat(outcomes).hasSize(7).allMatch(DeliveryOutcome::delivered);
    }

    @Test
    void anOutcomeConsumerThatThrowsBreaksNeitherDeliveryNorFinish() {
        receiver = WebhookReceiver.accepting();
        Notifier n = Notifier.start(
                List.of(new Webhook("audit", receiver.url(PATH), Webhook.Format.JSON)),
                settings(Duration.ofSeconds(30)),
                o -> {
                    throw new IllegalStateException("journal closed");
                });

        n.send(event(NotificationKind.RUN_STARTED));
        n.send(event(NotificationKind.RUN_ENDED));
        n.finish();

        assertThat(receiver.bodies(PATH)).hasSize(2);
    }

    @Test
    void withoutWebhooksNothingIsStartedAndNothingIsReported() {
        Notifier n = Notifier.start(List.of(), settings(Duration.ZERO), outcomes::add);

        n.send(event(NotificationKind.RUN_STARTED));
        n.finish();

        assertThat(n.active()).isFalse();
        assertThat(outcomes).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("cutover-notify-"));
    }

    @Test
    void theBackoffDoublesFromTheFirstDelay() {
        RetryPolicy p = RetryPolicy.defaults();

        assertThat(List.of(p.delayBefore(2), p.delayBefore(3), p.delayBefore(4)))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(p.attempts()).isEqualTo(4);
    }
}
