package dev.cutover.report;

import java.time.Instant;

/**
 * One line of the status table.
 *
 * @param stepId the step
 * @param phase its reporting bucket, e.g. {@code CP1}, {@code handoff}, {@code DP4}
 * @param action the step's action
 * @param state its state's wire name, e.g. {@code in-flight}
 * @param lastEvent the last event that concerns it, or null
 * @param at when that event was written, or null
 */
public record StatusRow(String stepId, String phase, String action, String state, String lastEvent, Instant at) {

    static StatusRow of(StepOutcome o) {
        return new StatusRow(
                o.stepId(),
                o.phase().label(),
                o.step().action(),
                o.state().wireName(),
                o.history().map(h -> h.lastEvent().wireName()).orElse(null),
                o.history().map(h -> h.lastEventAt()).orElse(null));
    }
}
