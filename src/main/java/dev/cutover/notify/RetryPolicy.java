package dev.cutover.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard one notification is pushed to one webhook: at most {@code attempts} tries, waiting {@code firstDelay}
 * before the second and doubling the wait before each later one; each try may take {@code connectTimeout} to
 * connect and {@code requestTimeout} for the whole exchange.
 */
public record RetryPolicy(int attempts, Duration firstDelay, Duration connectTimeout, Duration requestTimeout) {
    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** Four attempts, 1 s, 2 s and 4 s apart; 3 s to connect, 10 s per request (docs/notifications.md). */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(10));
    }

    /** The wait before attempt {@code attempt} (2 and later): first delay, then doubling. */
    public Duration delayBefore(int attempt) {
        if (attempt < 2 || attempt > attempts) {
            throw new IllegalArgumentException("no wait before attempt " + attempt + " of " + attempts);
        }
        return firstDelay.multipliedBy(1L << Math.min(attempt - 2, 20));
    }
}
