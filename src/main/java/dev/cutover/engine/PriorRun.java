package dev.cutover.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.input.FreezeWindow;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.RunState;
import dev.cutover.journal.StepHistory;
import dev.cutover.journal.StepResumeState;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the journal says earlier runs did, as the engine needs it on {@code --resume} (ADR 0005): each step's
 * classification, the lifecycle state it is picked up in, its runtime values and retries, the freezes still
 * active. A fresh run has an empty prior run, so the walk has one code path.
 */
final class PriorRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PriorRun NONE = new PriorRun(null);

    private final RunState state;

    private PriorRun(RunState state) {
        this.state = state;
    }

    static PriorRun none() {
        return NONE;
    }

    static PriorRun of(RunState state) {
        return new PriorRun(state);
    }

    boolean isResume() {
        return state != null;
    }

    Optional<StepHistory> history(String stepId) {
        return state == null ? Optional.empty() : state.step(stepId);
    }

    StepResumeState classification(String stepId) {
        return state == null ? StepResumeState.PENDING : state.stateOf(stepId);
    }

    int retriesOf(String stepId) {
        return state == null ? 0 : state.retriesOf(stepId);
    }

    /** The SSO clock (FORMATS.md §5): the last passed probe in the journal, else {@code now}. */
    Instant lastSsoSuccess(Instant now) {
        return state == null ? now : state.facts().lastSsoProbePassedAt().orElse(now);
    }

    /** Gate signatures already journaled (a resumed run does not ask a team twice). */
    Set<String> gateSignatures() {
        return state == null ? Set.of() : GateSignatures.signedIn(state.facts().runLevelEntries());
    }

    /** Tells the journal facade where each step stands, so resume events are checked like any other. */
    void seed(RunJournal journal) {
        if (state == null) {
            return;
        }
        state.steps().forEach((id, h) -> journal.seed(id, lifecycleState(h.state())));
    }

    private static StepLifecycle.State lifecycleState(StepResumeState s) {
        return switch (s) {
            case PENDING -> StepLifecycle.State.NOT_STARTED;
            case RESTART_WITH_FRESH_APPROVAL -> StepLifecycle.State.RESUME_RESTART;
            case IN_FLIGHT -> StepLifecycle.State.RESUME_IN_FLIGHT;
            case NEEDS_DECISION -> StepLifecycle.State.RESUME_DECISION;
            case DONE -> StepLifecycle.State.SUCCEEDED;
            case SKIPPED -> StepLifecycle.State.SKIPPED;
        };
    }

    /**
     * Re-activates each freeze whose begin step's execute exited 0 and whose release step is not done, from the
     * time that execute ended (FORMATS.md §6.6), so prompts keep counting the window the datastore is in.
     */
    void restoreFreezes(FreezeTracker freezes, List<FreezeWindow> windows) {
        if (state == null) {
            return;
        }
        for (FreezeWindow w : windows) {
            Optional<Instant> began = history(w.beginsAtStepId()).flatMap(StepHistory::firstSuccessfulExecuteAt);
            if (began.isPresent() && classification(w.releaseStepId()) != StepResumeState.DONE) {
                freezes.executed(w.beginsAtStepId(), began.get());
            }
        }
    }

    /**
     * The runtime parameters the step's last approval recorded (its {@code approval-requested} notes) and the
     * ids its executes captured: the values its approved command was built from.
     */
    static RuntimeValues valuesOf(StepHistory history) {
        RuntimeValues values = new RuntimeValues();
        history.lastApprovalNotes().filter(n -> n.startsWith("{")).ifPresent(notes -> {
            try {
                values.putAll(JSON.readValue(notes, new TypeReference<Map<String, String>>() {}));
            } catch (IOException e) {
                throw new IllegalStateException(
                        history.stepId() + ": approval-requested notes are not the values JSON: " + notes, e);
            }
        });
        history.capturedValues().forEach((k, v) -> {
            if (!values.has(k)) {
                values.put(k, v);
            }
        });
        return values;
    }

    /** The lines the resume go/no-go adds: where the last run ended and what happens to each step now. */
    List<String> summary(List<ExecutionStep> steps) {
        if (state == null) {
            return List.of();
        }
        List<String> done = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> inFlight = new ArrayList<>();
        List<String> decide = new ArrayList<>();
        List<String> restart = new ArrayList<>();
        int pending = 0;
        for (ExecutionStep s : steps) {
            switch (classification(s.stepId())) {
                case DONE -> done.add(s.stepId());
                case SKIPPED -> skipped.add(s.stepId());
                case IN_FLIGHT -> inFlight.add(s.stepId());
                case NEEDS_DECISION -> decide.add(s.stepId());
                case RESTART_WITH_FRESH_APPROVAL -> restart.add(s.stepId());
                case PENDING -> pending++;
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("RESUMING: the journal has " + state.facts().entryCount() + " entries; the last was "
                + state.facts().lastEntryAt().map(Instant::toString).orElse("(none)") + lastLock());
        lines.add("  done: " + done.size() + "  skipped: " + list(skipped) + "  pending: " + pending);
        lines.add("  in flight, re-verified against the live system first: " + list(inFlight));
        lines.add("  failed or aborted, you decide retry / skip / abort: " + list(decide));
        lines.add("  asked again with a fresh approval: " + list(restart));
        return lines;
    }

    private String lastLock() {
        return state.facts()
                .lastLockEvent()
                .map(JournalEntry::event)
                .map(e -> "; last lock event: " + e.wireName())
                .orElse("");
    }

    private static String list(List<String> ids) {
        return ids.isEmpty() ? "none" : ids.size() + " (" + String.join(", ", ids) + ")";
    }
}
