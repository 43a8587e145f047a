package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The jobs in flight of the parallel walk (issue 7), polled cooperatively on the walk's thread: between steps,
 * each job whose interval has passed is polled once; when the walk must wait (a barrier, a requirement still
 * running, no free slot), it sleeps the shortest interval and polls every job once, until the condition holds.
 * A job that ends — well or badly — is settled at once: its verify, its failure dialog, its outcome to the walk;
 * when the dialog's retry starts it again, the new job takes its place here and is polled with the others.
 */
final class BackgroundJobs {
    /** Where a settled job's outcome goes: the walk records success, failure and blocking as for any step. */
    interface Settled {
        /** Records {@code outcome} of {@code step}; a stop ends the walk. */
        Optional<RunEnding> settled(ExecutionStep step, StepOutcome outcome);
    }

    private final EngineContext ctx;
    private final int maxInFlight;
    private final Settled settled;
    private final List<BackgroundJob> running = new ArrayList<>();

    BackgroundJobs(EngineContext ctx, int maxInFlight, Settled settled) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("at least one job in flight, got " + maxInFlight);
        }
        this.ctx = ctx;
        this.maxInFlight = maxInFlight;
        this.settled = settled;
    }

    void add(BackgroundJob job) {
        running.add(job);
        ctx.out()
                .println("  " + job.step().stepId() + ": " + job.origin().text() + ", polled in the background ("
                        + running.size()
                        + " of at most " + maxInFlight + " in flight)");
    }

    boolean isRunning(String stepId) {
        return running.stream().anyMatch(j -> j.step().stepId().equals(stepId));
    }

    /** Polls each job whose interval has passed; the walk calls this after every step. */
    Optional<RunEnding> pollDue() {
        return pollEach(job -> job.due(ctx.clock().instant()));
    }

    /** Waits until no job is in flight: before a gate, the handoff, the point of no return, and at the end. */
    Optional<RunEnding> awaitAll(String why) {
        return awaitUntil(running::isEmpty, this::inFlight, why);
    }

    /** Waits until none of {@code stepIds} is in flight (a step requires them); names only those it waits for. */
    Optional<RunEnding> awaitSteps(Collection<String> stepIds, String why) {
        return awaitUntil(
                () -> stepIds.stream().noneMatch(this::isRunning),
                () -> inFlight(job -> stepIds.contains(job.step().stepId())),
                why);
    }

    /** Waits until another job may start. */
    Optional<RunEnding> awaitSlot(String why) {
        return awaitUntil(() -> running.size() < maxInFlight, () -> "a free slot (in flight: " + inFlight() + ")", why);
    }

    private Optional<RunEnding> awaitUntil(BooleanSupplier done, Supplier<String> waitedFor, String why) {
        if (!done.getAsBoolean()) {
            ctx.out().println("  waiting for " + waitedFor.get() + ": " + why);
        }
        while (!done.getAsBoolean()) {
            sleep(shortestInterval());
            Optional<RunEnding> stop = pollEach(job -> true);
            if (stop.isPresent()) {
                return stop;
            }
        }
        return Optional.empty();
    }

    private Optional<RunEnding> pollEach(Predicate<BackgroundJob> which) {
        // Jobs started earlier are polled first, so the journal's order follows the plan's.
        Iterator<BackgroundJob> it = List.copyOf(running).iterator();
        while (it.hasNext()) {
            BackgroundJob job = it.next();
            if (!which.test(job)) {
                continue;
            }
            Optional<StepOutcome> outcome = job.pollOnce(ctx.clock().instant());
            if (outcome.isPresent()) {
                running.remove(job);
                if (outcome.get() instanceof StepOutcome.Started again) {
                    add(again.job()); // retried: it keeps its slot, and barriers and dependents wait for it
                    continue;
                }
                Optional<RunEnding> stop = settled.settled(job.step(), outcome.get());
                if (stop.isPresent()) {
                    return stop;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Tells the operator, when the walk stops with jobs still in flight, that they keep running: a halt stops
     * Cutover's polling, never the job (a DataSync task or an S3 batch job runs on in the cloud).
     */
    void warnIfAbandoned() {
        if (!running.isEmpty()) {
            ctx.out()
                    .println("WARNING: " + running.size() + " job(s) started by this run are still in flight and no"
                            + " longer polled: " + inFlight() + ". They keep running outside Cutover; `--resume`"
                            + " polls them again.");
        }
    }

    private String inFlight() {
        return inFlight(job -> true);
    }

    private String inFlight(Predicate<BackgroundJob> which) {
        return String.join(
                ", ",
                running.stream()
                        .filter(which)
                        .map(j -> j.step().stepId() + " (" + j.lastState() + ")")
                        .toList());
    }

    private Duration shortestInterval() {
        return running.stream()
                .map(BackgroundJob::interval)
                .min(Duration::compareTo)
                .orElse(Duration.ZERO);
    }

    private void sleep(Duration d) {
        try {
            ctx.sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for background jobs", e);
        }
    }
}
