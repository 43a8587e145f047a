package dev.cutover.report;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.RunState;
import dev.cutover.journal.RunStateReplayer;
import dev.cutover.journal.StepHistory;
import dev.cutover.journal.StepResumeState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the replayer's resume classification (FORMATS.md §6.7) onto the states status and reports show,
 * then marks pending steps blocked when a step they require, directly or transitively, was skipped or
 * failed; the classification itself stays in {@link RunStateReplayer}.
 */
public final class StepOutcomes {
    private StepOutcomes() {}

    /** Every step of the plan, in plan order, with its state after {@code entries}. */
    public static List<StepOutcome> of(List<ExecutionStep> steps, List<JournalEntry> entries) {
        return of(steps, new RunStateReplayer().replay(entries));
    }

    /** Every step of the plan, in plan order, with its state in {@code run}. */
    public static List<StepOutcome> of(List<ExecutionStep> steps, RunState run) {
        Map<String, StepState> states = new HashMap<>();
        List<StepOutcome> outcomes = new ArrayList<>(steps.size());
        // Plan order is topological over requires (FORMATS.md §4.1), so one pass sees every requirement first.
        for (ExecutionStep step : steps) {
            Optional<StepHistory> history = run.step(step.stepId());
            StepState state = history.map(StepOutcomes::stateOf).orElse(StepState.PENDING);
            if (state == StepState.PENDING && blockedBy(step, states)) {
                state = StepState.BLOCKED;
            }
            states.put(step.stepId(), state);
            outcomes.add(new StepOutcome(step, state, history));
        }
        return List.copyOf(outcomes);
    }

    /** The thin mapping from the replayer's classification. */
    static StepState stateOf(StepHistory history) {
        StepResumeState resume = history.state();
        return switch (resume) {
            case PENDING -> StepState.PENDING;
            case DONE -> StepState.SUCCEEDED;
            case SKIPPED -> StepState.SKIPPED;
            case NEEDS_DECISION -> StepState.FAILED;
            case RESTART_WITH_FRESH_APPROVAL -> StepState.IN_FLIGHT;
            // A verify that said no is a known failure even if the crash beat the step-failed entry.
            case IN_FLIGHT ->
                history.lastEvent() == JournalEvent.VERIFY_FAILED ? StepState.FAILED : StepState.IN_FLIGHT;
        };
    }

    private static boolean blockedBy(ExecutionStep step, Map<String, StepState> states) {
        // A requirement outside the plan (impossible after compile) or later in it blocks nothing here.
        return step.requires().stream().map(states::get).anyMatch(s -> s != null && s.blocksDependents());
    }
}
