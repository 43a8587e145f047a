package dev.cutover.input;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The class of environment a run cuts over ({@code cutover.yaml} {@code environment}); production by default. */
public enum Environment {
    SANDBOX(1),
    DEVELOPMENT(1),
    TEST(1),
    STAGING(10),
    PRODUCTION(10);

    private final int minimumPollIntervalSeconds;

    Environment(int minimumPollIntervalSeconds) {
        this.minimumPollIntervalSeconds = minimumPollIntervalSeconds;
    }

    /** The smallest {@code poll_interval_seconds} allowed here; shared systems are not polled more often. */
    public int minimumPollIntervalSeconds() {
        return minimumPollIntervalSeconds;
    }

    /** The spelling used in {@code cutover.yaml}, e.g. {@code staging}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Environment> fromConfigName(String name) {
        return Arrays.stream(values()).filter(e -> e.configName().equals(name)).findFirst();
    }
}
