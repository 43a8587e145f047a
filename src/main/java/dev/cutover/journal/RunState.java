package dev.cutover.journal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of a run as replayed from its journal: per-step history in order of first appearance, plus
 * run-level facts; steps absent from {@code steps} are {@link StepResumeState#PENDING}.
 *
 * @param steps every step with at least one event that concerns it, keyed by step id
 * @param facts run-level facts
 */
public record RunState(Map<String, StepHistory> steps, RunFacts facts) {
    /** The handoff step id fixed by FORMATS.md §4.1. */
    public static final String HANDOFF_STEP_ID = "cp-phase6-999-handoff-to-data-plane";

    public RunState {
        steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
        Objects.requireNonNull(facts, "facts");
    }

    /** The history of one step, empty when it has no events. */
    public Optional<StepHistory> step(String stepId) {
        return Optional.ofNullable(steps.get(stepId));
    }

    /** The resume classification of one step; {@code PENDING} when it has no events. */
    public StepResumeState stateOf(String stepId) {
        StepHistory history = steps.get(stepId);
        return history == null ? StepResumeState.PENDING : history.state();
    }

    /** Retries used by one step (at most 3 are allowed by FORMATS.md §6.5). */
    public int retriesOf(String stepId) {
        StepHistory history = steps.get(stepId);
        return history == null ? 0 : history.retries();
    }

    /** Values captured by the step's executes, e.g. a job id to re-attach polling to. */
    public Map<String, String> capturedValuesOf(String stepId) {
        StepHistory history = steps.get(stepId);
        return history == null ? Map.of() : history.capturedValues();
    }

    /** True once the handoff step has an {@code approved} entry; otherwise it is presented again. */
    public boolean handoffApproved() {
        return step(HANDOFF_STEP_ID).map(StepHistory::wasApproved).orElse(false);
    }

    /** True when any step-level event exists (a journal without any only recorded pre-flight outcomes). */
    public boolean hasStepEvents() {
        return !steps.isEmpty();
    }
}
