package dev.cutover.report;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.StepHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When each step of a run happened, measured from the journal: a step's bar starts at its first
 * {@code step-started} and ends at the last event that decided its state (its outcome, or where it stood when
 * the run stopped), so it includes the time the operator took to approve. Steps without events have no bar.
 *
 * @param spanMillis from the run's start to the end of the latest bar or time box, at least one second
 * @param rows every step of the plan, in plan order
 */
record ExecutionTimeline(long spanMillis, List<Row> rows) {
    ExecutionTimeline {
        rows = List.copyOf(rows);
    }

    /**
     * One step on the timeline.
     *
     * @param outcome the step and its state
     * @param startMillis from the run's start to the step's first {@code step-started}; empty when it never started
     * @param actualMillis from that start to its last deciding event; empty when it never started
     */
    record Row(StepOutcome outcome, Optional<Long> startMillis, Optional<Long> actualMillis) {
        ExecutionStep step() {
            return outcome.step();
        }

        boolean ran() {
            return startMillis.isPresent();
        }

        long plannedMillis() {
            return step().estimatedSeconds() * 1000L;
        }

        /** Ran longer than its time box; steps without a time box never overrun. */
        boolean overran() {
            return ran() && plannedMillis() > 0 && actualMillis.orElseThrow() > plannedMillis();
        }
    }

    /** A measured duration for people: {@code 350 ms} below a second, else {@code 2m 04s}. */
    static String took(long millis) {
        return millis < 1000 ? millis + " ms" : ReportTime.duration(millis / 1000);
    }

    static ExecutionTimeline of(List<StepOutcome> outcomes, Instant runStart) {
        List<Row> rows = outcomes.stream().map(o -> row(o, runStart)).toList();
        long span = 1000;
        for (Row r : rows) {
            if (r.ran()) {
                span = Math.max(
                        span,
                        r.startMillis().orElseThrow()
                                + Math.max(r.actualMillis().orElseThrow(), r.plannedMillis()));
            }
        }
        return new ExecutionTimeline(span, rows);
    }

    private static Row row(StepOutcome outcome, Instant runStart) {
        Optional<StepHistory> history = outcome.history();
        Optional<Instant> started = history.flatMap(StepHistory::firstStartedAt);
        if (started.isEmpty()) {
            return new Row(outcome, Optional.empty(), Optional.empty());
        }
        Instant end = history.orElseThrow().lastEventAt();
        // Clamped at zero: a clock step backwards between two entries must not draw a bar of negative length.
        long start = Math.max(0, Duration.between(runStart, started.get()).toMillis());
        long actual = Math.max(0, Duration.between(started.get(), end).toMillis());
        return new Row(outcome, Optional.of(start), Optional.of(actual));
    }
}
