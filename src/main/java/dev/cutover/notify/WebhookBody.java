package dev.cutover.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.input.Webhook;
import dev.cutover.time.UtcMillis;
import java.nio.charset.StandardCharsets;

/**
 * The two body formats (docs/notifications.md): Cutover's own JSON object, every key always present in a fixed
 * order (null when it does not apply), and a Slack-compatible {@code {"text": …}} message saying the same in
 * words. Both are UTF-8 JSON.
 */
public final class WebhookBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookBody() {}

    /** The body for {@code format}. */
    public static byte[] render(Webhook.Format format, Notification n) {
        ObjectNode body = format == Webhook.Format.SLACK ? slack(n) : json(n);
        try {
            return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a notification body", e);
        }
    }

    static ObjectNode json(Notification n) {
        ObjectNode o = JSON.createObjectNode();
        o.put("source", "cutover");
        o.put("event", n.kind().wireName());
        o.put("run_id", n.run().runId());
        o.put("environment", n.run().environment());
        o.put("source_account_id", n.run().sourceAccountId());
        o.put("target_account_id", n.run().targetAccountId());
        o.put("step_id", n.stepId());
        o.put("operator", n.operator());
        o.put("at", UtcMillis.format(n.at()));
        o.put("verdict", n.verdict());
        o.put("message", n.message());
        return o;
    }

    /**
     * Slack's {@code text} with its three control characters escaped (a step id or halt reason holding {@code <}
     * must not become a link or a mention): a bold headline naming the run, the message, then the facts.
     */
    static ObjectNode slack(Notification n) {
        StringBuilder text = new StringBuilder()
                .append("*Cutover ")
                .append(n.run().runId())
                .append(" — ")
                .append(n.kind().wireName())
                .append("* (")
                .append(n.run().environment())
                .append(", account ")
                .append(n.run().sourceAccountId())
                .append(" → ")
                .append(n.run().targetAccountId())
                .append(")\n")
                .append(n.message())
                .append('\n');
        if (n.stepId() != null) {
            text.append("step ").append(n.stepId()).append(" · ");
        }
        text.append("operator ").append(n.operator()).append(" · ").append(UtcMillis.format(n.at()));
        ObjectNode o = JSON.createObjectNode();
        o.put("text", escapeSlack(text.toString()));
        return o;
    }

    static String escapeSlack(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
