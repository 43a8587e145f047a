package dev.cutover.engine;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The throttling errors worth one automatic re-run, with the wait before it (FORMATS.md §6.4). */
final class TransientErrors {
    private static final Map<String, Duration> BACKOFF = backoff();

    private TransientErrors() {}

    record Transient(String pattern, Duration backoff) {}

    static Optional<Transient> classify(String stderr) {
        if (stderr == null) {
            return Optional.empty();
        }
        return BACKOFF.entrySet().stream()
                .filter(e -> stderr.contains(e.getKey()))
                .map(e -> new Transient(e.getKey(), e.getValue()))
                .findFirst();
    }

    /** Whether stderr shows Terraform's state lock (never force-unlocked by Cutover). */
    static boolean terraformStateLock(String stderr) {
        return stderr != null && stderr.contains("Error acquiring the state lock");
    }

    private static Map<String, Duration> backoff() {
        Map<String, Duration> m = new LinkedHashMap<>();
        m.put("Throttling", Duration.ofSeconds(30));
        m.put("RequestLimitExceeded", Duration.ofSeconds(30));
        m.put("TooManyRequestsException", Duration.ofSeconds(30));
        m.put("RequestTimeoutException", Duration.ofSeconds(10));
        m.put("ProvisionedThroughputExceededException", Duration.ofSeconds(30));
        return Collections.unmodifiableMap(m);
    }
}
