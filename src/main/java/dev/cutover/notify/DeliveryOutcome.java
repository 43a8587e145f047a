package dev.cutover.notify;

import java.util.Objects;

/**
 * How one notification fared at one webhook: delivered (a 2xx answer) or failed for good, after how many
 * attempts, and the last answer or error ({@code HTTP 204}, {@code connection refused}, …). It names the webhook,
 * never its URL.
 *
 * @param retried false when the last answer was final although attempts were left (a 4xx, a redirect)
 */
public record DeliveryOutcome(
        String webhook, NotificationKind kind, boolean delivered, int attempts, String detail, boolean retried) {
    public DeliveryOutcome {
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** An outcome after which no attempt was left out. */
    public DeliveryOutcome(String webhook, NotificationKind kind, boolean delivered, int attempts, String detail) {
        this(webhook, kind, delivered, attempts, detail, true);
    }

    /**
     * The journal's notes: {@code notification delivered: HTTP 204 after 1 attempt}, {@code notification failed:
     * HTTP 500 after 4 attempts}; with no attempt counted (abandoned before the first ended) only the detail.
     */
    public String notes() {
        String after = attempts == 0 ? "" : " after " + attempts + (attempts == 1 ? " attempt" : " attempts");
        return "notification " + (delivered ? "delivered" : "failed") + ": " + detail + after
                + (delivered || retried ? "" : ", not retried");
    }
}
