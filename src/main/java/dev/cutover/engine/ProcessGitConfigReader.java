package dev.cutover.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code git config --global user.email} as a real process with a timeout, so a hung or missing
 * {@code git} can only cost the default identity, never block pre-flight.
 */
public final class ProcessGitConfigReader implements GitConfigReader {
    /** How long git may take before it is killed and ignored. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, String> environment;
    private final Duration timeout;

    /**
     * @param environment the complete environment git runs with ({@code HOME} decides which global config
     *     it reads)
     * @param timeout how long to wait before killing git
     */
    public ProcessGitConfigReader(Map<String, String> environment, Duration timeout) {
        this.environment = Map.copyOf(environment);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** A reader with the 5-second timeout. */
    public static ProcessGitConfigReader withDefaultTimeout(Map<String, String> environment) {
        return new ProcessGitConfigReader(environment, DEFAULT_TIMEOUT);
    }

    @Override
    public Optional<String> globalUserEmail() {
        ProcessBuilder builder = new ProcessBuilder(List.of("git", "config", "--global", "user.email"))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return Optional.empty(); // git is not installed: identity falls back to "unknown"
        }
        try {
            process.getOutputStream().close();
            return awaitValue(process);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            process.destroyForcibly();
        }
    }

    private Optional<String> awaitValue(Process process) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
            return Optional.empty(); // exit 1 means the key is unset
        }
        // One e-mail address fits the pipe buffer, so reading after exit cannot deadlock.
        try (InputStream out = process.getInputStream()) {
            String value = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }
    }
}
