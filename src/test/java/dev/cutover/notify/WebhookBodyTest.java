package dev.cutover.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.input.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookBodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RunIdentity RUN =
            new RunIdentity("northwind-42", "production", "111111111111", "222222222222");
    private static final Instant AT = Instant.parse("2026-03-02T09:15:00Z");

    private static Notification gateSigned() {
        return new Notification(
                RUN,
                NotificationKind.GATE_SIGNED,
                "dp-phase4-001-announce",
                "alice",
                AT,
                null,
                "Go/no-go gate of data-plane phase 4 (Cutover) signed for team platform by alice");
    }

    private static JsonNode parse(byte[] body) throws Exception {
        return JSON.readTree(new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void theJsonBodyCarriesEveryFactUnderFixedKeysInAFixedOrder() throws Exception {
        JsonNode body = parse(WebhookBody.render(Webhook.Format.JSON, gateSigned()));

        assertThat(body.fieldNames())
                .toIterable()
                .containsExactly(
                        "source",
                        "event",
                        "run_id",
                        "environment",
                        "source_account_id",
                        "target_account_id",
                        "step_id",
                        "operator",
                        "at",
                        "verdict",
                        "message");
        assertThat(body.path("event").asText()).isEqualTo("gate-signed");
        assertThat(body.path("run_id").asText()).isEqualTo("northwind-42");
        assertThat(body.path("environment").asText()).isEqualTo("production");
        assertThat(body.path("source_account_id").asText()).isEqualTo("111111111111");
        assertThat(body.path("target_account_id").asText()).isEqualTo("222222222222");
        assertThat(body.path("step_id").asText()).isEqualTo("dp-phase4-001-announce");
        assertThat(body.path("operator").asText()).isEqualTo("alice");
        assertThat(body.path("at").asText()).isEqualTo("2026-03-02T09:15:00.000Z");
        assertThat(body.path("verdict").isNull()).isTrue();
        assertThat(body.path("message").asText()).contains("signed for team platform by alice");
    }

    @Test
    void aRunEndedBodyCarriesTheVerdictAndARunLevelEventHasANullStep() throws Exception {
        Notification ended = new Notification(
                RUN, NotificationKind.RUN_ENDED, null, "alice", AT, "halted", "Cutover run northwind-42 ended HALTED");

        JsonNode body = parse(WebhookBody.render(Webhook.Format.JSON, ended));

        assertThat(body.path("event").asText()).isEqualTo("run-ended");
        assertThat(body.path("verdict").asText()).isEqualTo("halted");
        assertThat(body.path("step_id").isNull()).isTrue();
    }

    @Test
    void theSlackBodyIsOnlyATextThatSaysTheSameFactsInWords() throws Exception {
        JsonNode body = parse(WebhookBody.render(Webhook.Format.SLACK, gateSigned()));

        assertThat(body.fieldNames()).toIterable().containsExactly("text");
        List<String> lines = body.path("text").asText().lines().toList();
        assertThat(lines)
                .containsExactly(
                        "*Cutover northwind-42 — gate-signed* (production, account 111111111111 → 222222222222)",
                        "Go/no-go gate of data-plane phase 4 (Cutover) signed for team platform by alice",
                        "step dp-phase4-001-announce · operator alice · 2026-03-02T09:15:00.000Z");
    }

    @Test
    void slackControlCharactersInAMessageAreEscapedSoNothingBecomesALinkOrAMention() throws Exception {
        Notification n = new Notification(
                RUN,
                NotificationKind.STEP_FAILED,
                "dp-phase2-010-copy",
                "alice",
                AT,
                null,
                "Step failed (<!channel> & <http://x|click>)");

        String text =
                parse(WebhookBody.render(Webhook.Format.SLACK, n)).path("text").asText();

        assertThat(text)
                .contains("&lt;!channel&gt; &amp; &lt;http://x|click&gt;")
                .doesNotContain("<");
    }

    @Test
    void aMessageIsOneLineWhateverTheReasonItQuotes() {
        Notification n = new Notification(
                RUN, NotificationKind.RUN_ENDED, null, "alice", AT, "halted", "  ended HALTED: a\nb\r\n\tc  ");

        assertThat(n.message()).isEqualTo("ended HALTED: a b c");
    }
}
