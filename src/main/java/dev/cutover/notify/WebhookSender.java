package dev.cutover.notify;

import dev.cutover.input.Webhook;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLException;

/**
 * POSTs one notification to one webhook, retrying with exponential backoff: a 2xx answer is delivered; a 5xx, 408
 * or 429 answer or a network error is tried again; any other answer (a redirect, a 4xx: the request itself is
 * wrong) is final. Runs on a delivery thread, so the blocking calls and the pauses never hold up the walk. The
 * detail of an outcome is chosen here from the kind of failure, never copied from an exception message, which
 * might quote the URL and its token.
 */
final class WebhookSender {
    private final HttpClient client;
    private final RetryPolicy policy;
    private final Pause pause;

    WebhookSender(RetryPolicy policy, Pause pause) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.client = HttpClient.newBuilder()
                .connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Delivers or gives up; throws only when the delivery thread is interrupted (the run has ended). */
    DeliveryOutcome deliver(Webhook webhook, Notification notification) throws InterruptedException {
        byte[] body = WebhookBody.render(webhook.format(), notification);
        Attempt last = null;
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            if (attempt > 1) {
                pause.pause(policy.delayBefore(attempt));
            }
            last = attempt(webhook, body);
            if (last.delivered() || !last.retryable()) {
                return new DeliveryOutcome(
                        webhook.name(),
                        notification.kind(),
                        last.delivered(),
                        attempt,
                        last.detail(),
                        last.retryable() || attempt == policy.attempts());
            }
        }
        return new DeliveryOutcome(webhook.name(), notification.kind(), false, policy.attempts(), last.detail());
    }

    private record Attempt(boolean delivered, boolean retryable, String detail) {}

    private Attempt attempt(Webhook webhook, byte[] body) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(webhook.url())
                .timeout(policy.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "cutover")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            int status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            boolean ok = status >= 200 && status < 300;
            boolean retryable = status >= 500 || status == 408 || status == 429;
            return new Attempt(ok, retryable, "HTTP " + status);
        } catch (HttpConnectTimeoutException e) {
            return new Attempt(false, true, "no connection within " + seconds(policy.connectTimeout()));
        } catch (HttpTimeoutException e) {
            return new Attempt(false, true, "no answer within " + seconds(policy.requestTimeout()));
        } catch (ConnectException e) {
            return new Attempt(false, true, "connection refused");
        } catch (UnknownHostException | UnresolvedAddressException e) {
            return new Attempt(false, true, "host not found");
        } catch (SSLException e) {
            return new Attempt(false, true, "TLS failure");
        } catch (IOException e) {
            return new Attempt(false, true, "I/O error (" + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            return new Attempt(false, false, "the URL cannot be requested");
        }
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
