package dev.cutover.input;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The class of environment a run cuts over ({@code cutover.yaml} {@code environment}); production by default. */
public enum Environment {
    // A sandbox may be a local simulation whose jobs last milliseconds (the demo, the window benchmark);
    // everything else polls real systems, which are not polled more than once a second (10 s when shared).
    SANDBOX(Duration.ofMillis(10)),
    DEVELOPMENT(Duration.ofSeconds(1)),
    TEST(Duration.ofSeconds(1)),
    STAGING(Duration.ofSeconds(10)),
    PRODUCTION(Duration.ofSeconds(10));

    private final Duration minimumPollInterval;

    Environment(Duration minimumPollInterval) {
        this.minimumPollInterval = minimumPollInterval;
    }

    /** The smallest {@code poll_interval_seconds} allowed here. */
    public Duration minimumPollInterval() {
        return minimumPollInterval;
    }

    /** The floor as cutover.yaml writes it, e.g. {@code 0.01} or {@code 10}. */
    public String minimumPollIntervalText() {
        return PollIntervals.seconds(minimumPollInterval);
    }

    /** The spelling used in {@code cutover.yaml}, e.g. {@code staging}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Environment> fromConfigName(String name) {
        return Arrays.stream(values()).filter(e -> e.configName().equals(name)).findFirst();
    }
}
