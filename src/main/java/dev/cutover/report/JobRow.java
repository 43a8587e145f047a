package dev.cutover.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A long-running job in flight, as {@code cutover status} shows it: with parallel jobs several can run at once.
 *
 * @param stepId the step that started the job
 * @param lastState the state its latest poll returned, or {@code not polled yet}
 * @param startedAt when its execute succeeded (the latest one: a retry starts a new job)
 * @param elapsedMinutes minutes since then, at the time of the status
 */
public record JobRow(String stepId, String lastState, Instant startedAt, long elapsedMinutes) {
    /** The job of an in-flight long-running step whose execute succeeded, if it is one. */
    static Optional<JobRow> of(StepOutcome o, Instant now) {
        if (o.state() != StepState.IN_FLIGHT
                || !o.step().longRunning()
                || o.history().isEmpty()) {
            return Optional.empty();
        }
        var h = o.history().get();
        return h.lastSuccessfulExecuteAt()
                .map(started -> new JobRow(
                        o.stepId(),
                        h.jobPollState().orElse("not polled yet"),
                        started,
                        Duration.between(started, now).toMinutes()));
    }
}
