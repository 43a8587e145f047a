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
    private final StepExecution execution;
    private final ApprovedCommand command;
    private final PollLoop poll;
    private Instant lastPolledAt;

    /** @param startedAt when the execute that started the job returned: the first poll is one interval later */
    BackgroundJob(StepExecution execution, ApprovedCommand command, PollLoop poll, Instant startedAt) {
        this.execution = execution;
        this.command = command;
        this.poll = poll;
        this.lastPolledAt = startedAt;
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

    /** Polls once; empty while the job runs, else the step's outcome after verify (and any failure dialog). */
    Optional<StepOutcome> pollOnce(Instant now) {
        lastPolledAt = now;
        return poll.pollOnce().map(result -> execution.afterBackgroundPoll(command, result));
    }

    String lastState() {
        return poll.lastState();
    }
}
