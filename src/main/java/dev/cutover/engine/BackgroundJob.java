package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A long-running step whose approved command started its job, polled in the background while the walk goes on
 * (issue 7). Every poll, the verify and any failure dialog still run on the walk's thread, so the journal stays
 * one ordered stream and no question is ever asked while another is open.
 */
final class BackgroundJob {
    /** How the job came to be polled in the background, as the walk's progress line says it. */
    enum Origin {
        STARTED("job started"),
        RETRIED("job started again after a retry"),
        REATTACHED("job re-attached after a resume");

        private final String text;

        Origin(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }
    }

    private final StepExecution execution;
    private final ApprovedCommand command;
    private final PollLoop poll;
    private final Origin origin;
    private Instant lastPolledAt;

    /**
     * @param startedAt when the execute that started the job returned (or the resume re-attached to it): the first
     *     poll is one interval later
     */
    BackgroundJob(StepExecution execution, ApprovedCommand command, PollLoop poll, Instant startedAt, Origin origin) {
        this.execution = execution;
        this.command = command;
        this.poll = poll;
        this.lastPolledAt = startedAt;
        this.origin = origin;
    }

    Origin origin() {
        return origin;
    }

    ExecutionStep step() {
        return execution.step();
    }

    /** True once the job's poll interval has passed since it started or was last polled. */
    boolean due(Instant now) {
        return !now.isBefore(lastPolledAt.plus(poll.interval()));
    }

    Duration interval() {
        return poll.interval();
    }

    /**
     * Polls once; empty while the job runs, else the step's outcome after verify (and any failure dialog) — a
     * {@link StepOutcome.Started} when the dialog's retry started the job again.
     */
    Optional<StepOutcome> pollOnce(Instant now) {
        lastPolledAt = now;
        return poll.pollOnce().map(result -> execution.afterBackgroundPoll(command, result));
    }

    String lastState() {
        return poll.lastState();
    }
}
