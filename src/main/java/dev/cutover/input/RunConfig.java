package dev.cutover.input;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The operator's settings for one run, from the optional {@code cutover.yaml} (docs/configuration.md).
 *
 * @param environment the environment class; production when not configured
 * @param allowedPrograms the configured program names; empty means the upstream default
 *     {@code [aws, terraform, dig, true]}
 * @param identityProbes extra read-only commands probed at pre-flight and periodically
 * @param terraformPreflight when pre-flight runs terraform init/validate
 * @param pollInterval the time between polls of every long-running job when configured; empty means each step's
 *     own interval (60 s unless the plan says otherwise)
 * @param pollTimeout how long one poll command may run before it is killed and counts as an unknown state
 * @param approvers who may sign each approver team's go/no-go gates: team → operator names
 * @param stakeholders the communication plan: who is told about the cutover, and where
 * @param webhooks where notifications of the events that matter are sent
 * @param rtoMinutes the recovery time objective a rollback path must fit in; empty when not configured (the
 *     data-migration plan's per-datastore targets may still apply)
 */
public record RunConfig(
        Environment environment,
        Optional<AllowedProgramNames> allowedPrograms,
        List<String> identityProbes,
        TerraformPreflight terraformPreflight,
        Optional<Duration> pollInterval,
        Duration pollTimeout,
        Map<String, List<String>> approvers,
        List<Stakeholder> stakeholders,
        List<Webhook> webhooks,
        OptionalInt rtoMinutes) {
    /** FORMATS.md §4.5: long-running jobs are polled every 60 s unless configured otherwise. */
    public static final int DEFAULT_POLL_INTERVAL_SECONDS = 60;

    /**
     * A poll is a status query: one that has not answered in five minutes is hung (a dead connection, a
     * credential prompt), and while it hangs the walk cannot ask for anything else.
     */
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMinutes(5);

    public RunConfig {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(terraformPreflight, "terraformPreflight");
        Objects.requireNonNull(allowedPrograms, "allowedPrograms");
        identityProbes = List.copyOf(identityProbes);
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        Map<String, List<String>> copy = new TreeMap<>();
        approvers.forEach((team, operators) -> copy.put(team, List.copyOf(operators)));
        approvers = Collections.unmodifiableMap(copy);
        stakeholders = List.copyOf(stakeholders);
        webhooks = List.copyOf(webhooks);
        Objects.requireNonNull(rtoMinutes, "rtoMinutes");
        if (pollInterval.isPresent() && pollInterval.get().compareTo(environment.minimumPollInterval()) < 0) {
            throw new IllegalArgumentException("poll interval " + PollIntervals.seconds(pollInterval.get())
                    + " s is below the " + environment.configName() + " minimum of "
                    + environment.minimumPollIntervalText() + " s");
        }
    }

    /** The operators configured for {@code team}; empty when none are (anyone may sign outside production). */
    public List<String> approversOf(String team) {
        return approvers.getOrDefault(team, List.of());
    }

    /** The configuration of a run directory without {@code cutover.yaml}. */
    public static RunConfig defaults() {
        return new RunConfig(
                Environment.PRODUCTION,
                Optional.empty(),
                List.of(),
                TerraformPreflight.AUTO,
                Optional.empty(),
                DEFAULT_POLL_TIMEOUT,
                Map.of(),
                List.of(),
                List.of(),
                OptionalInt.empty());
    }
}
