package dev.cutover.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A pure fold of the journal into what {@code cutover rollback} did (docs/journal.md, "reverse rollback"): which
 * steps succeeded in the run and in what order, and for each one how far its reverse rollback got. Reverse
 * rollback entries are the four rollback events on a step that had already succeeded, with notes starting
 * {@value #PREFIX}; run-level {@code approved}/{@code aborted} entries with that prefix mark its start, each
 * confirmed manual procedure and each stop.
 */
public final class ReverseRollbacks {
    /** Every reverse rollback entry's notes start with this. */
    public static final String PREFIX = "reverse rollback";
    /** Run-level {@code approved}: a reverse rollback session started. */
    public static final String STARTED = PREFIX + " started";
    /** Run-level {@code approved}: the operator confirmed a step's manual procedure (followed by the step id). */
    public static final String CONFIRMED = PREFIX + ": manual procedure confirmed for ";
    /** Run-level {@code aborted}: the reverse rollback stopped at a step (followed by the step id). */
    public static final String STOPPED = PREFIX + " stopped at ";
    /** {@code rollback-executed}: the step's effect is undone. */
    public static final String UNDONE = PREFIX + ": undone";
    /** {@code rollback-executed}: the rollback command failed, or the step's verify still passes. */
    public static final String FAILED = PREFIX + ": failed";
    /** {@code rollback-skipped}: the step stays as it is (no rollback, or the operator left it). */
    public static final String REMAINS = PREFIX + ": remains";

    /** How far one step's reverse rollback got. */
    public enum State {
        /** Not reached yet. */
        NOT_STARTED,
        /** Offered (and possibly its manual procedure confirmed); nothing approved yet. */
        OFFERED,
        /** Approved, no outcome journaled: in flight when the last run ended. */
        APPROVED,
        /** The rollback ran and the step's effect is undone. */
        UNDONE,
        /** The last attempt failed (command exit, or the step's verify still passes). */
        FAILED,
        /** Left in place: no rollback command, or the operator left it. */
        REMAINS
    }

    /**
     * One step's reverse rollback.
     *
     * @param stepId the step
     * @param state how far it got
     * @param offeredAt the first {@code rollback-offered}
     * @param endedAt the last {@code rollback-executed} or {@code rollback-skipped}, empty while open
     * @param attempts {@code rollback-approved} entries (first approval and retries)
     * @param manualConfirmed whether the operator confirmed the step's manual procedure
     * @param last the last reverse rollback entry of the step
     * @param lastApproval the last {@code rollback-approved} (the exact command and its values), if any
     */
    public record Step(
            String stepId,
            State state,
            Instant offeredAt,
            Optional<Instant> endedAt,
            int attempts,
            boolean manualConfirmed,
            JournalEntry last,
            Optional<JournalEntry> lastApproval) {}

    private final List<String> succeededInOrder;
    private final Map<String, Step> steps;
    private final List<JournalEntry> sessions;
    private final List<JournalEntry> stops;

    private ReverseRollbacks(
            List<String> succeededInOrder,
            Map<String, Step> steps,
            List<JournalEntry> sessions,
            List<JournalEntry> stops) {
        this.succeededInOrder = List.copyOf(succeededInOrder);
        this.steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
        this.sessions = List.copyOf(sessions);
        this.stops = List.copyOf(stops);
    }

    /** Folds {@code entries} in journal order. */
    public static ReverseRollbacks of(List<JournalEntry> entries) {
        List<String> succeeded = new ArrayList<>();
        Map<String, Step> steps = new LinkedHashMap<>();
        Set<String> confirmed = new HashSet<>();
        List<JournalEntry> sessions = new ArrayList<>();
        List<JournalEntry> stops = new ArrayList<>();
        for (JournalEntry e : entries) {
            String notes = e.notes() == null ? "" : e.notes();
            if (e.isRunLevel()) {
                if (e.event() == JournalEvent.APPROVED && notes.startsWith(STARTED)) {
                    sessions.add(e);
                } else if (e.event() == JournalEvent.APPROVED && notes.startsWith(CONFIRMED)) {
                    confirmed.add(firstWord(notes.substring(CONFIRMED.length())));
                } else if (e.event() == JournalEvent.ABORTED && notes.startsWith(STOPPED)) {
                    stops.add(e);
                }
            } else if (e.event() == JournalEvent.STEP_SUCCEEDED || e.event() == JournalEvent.RESUME_MARKED_DONE) {
                succeeded.add(e.stepId());
            } else if (e.event().isRollback() && notes.startsWith(PREFIX) && succeeded.contains(e.stepId())) {
                steps.put(e.stepId(), next(steps.get(e.stepId()), e));
            }
        }
        Map<String, Step> withConfirmations = new LinkedHashMap<>();
        steps.forEach((id, s) -> withConfirmations.put(
                id,
                new Step(
                        id,
                        s.state(),
                        s.offeredAt(),
                        s.endedAt(),
                        s.attempts(),
                        confirmed.contains(id),
                        s.last(),
                        s.lastApproval())));
        return new ReverseRollbacks(succeeded, withConfirmations, sessions, stops);
    }

    private static Step next(Step before, JournalEntry e) {
        Instant offered = before == null ? e.at() : before.offeredAt();
        int attempts = before == null ? 0 : before.attempts();
        Optional<JournalEntry> approval = before == null ? Optional.empty() : before.lastApproval();
        Optional<Instant> ended = Optional.empty();
        State state;
        switch (e.event()) {
            case ROLLBACK_OFFERED -> state = before == null ? State.OFFERED : before.state();
            case ROLLBACK_APPROVED -> {
                state = State.APPROVED;
                attempts++;
                approval = Optional.of(e);
            }
            case ROLLBACK_EXECUTED -> {
                state = e.notes().startsWith(UNDONE) ? State.UNDONE : State.FAILED;
                ended = Optional.of(e.at());
            }
            default -> {
                state = State.REMAINS;
                ended = Optional.of(e.at());
            }
        }
        return new Step(e.stepId(), state, offered, ended, attempts, false, e, approval);
    }

    private static String firstWord(String text) {
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != ';') {
            end++;
        }
        return text.substring(0, end);
    }

    /** True once a reverse rollback session started in this journal. */
    public boolean started() {
        return !sessions.isEmpty();
    }

    /** The run-level entries that started a reverse rollback session, in order. */
    public List<JournalEntry> sessions() {
        return sessions;
    }

    /** The run-level entries where a session stopped early (abort, point of no return not confirmed). */
    public List<JournalEntry> stops() {
        return stops;
    }

    /** The steps that succeeded in the run, in the order they succeeded (the reverse is the unwind order). */
    public List<String> succeededInOrder() {
        return succeededInOrder;
    }

    /** The reverse rollback of {@code stepId}, empty when it was not reached. */
    public Optional<Step> step(String stepId) {
        return Optional.ofNullable(steps.get(stepId));
    }

    /** How far the reverse rollback of {@code stepId} got. */
    public State stateOf(String stepId) {
        Step s = steps.get(stepId);
        return s == null ? State.NOT_STARTED : s.state();
    }

    /** Whether the operator confirmed the manual procedure of {@code stepId}. */
    public boolean manualConfirmed(String stepId) {
        Step s = steps.get(stepId);
        return s != null && s.manualConfirmed();
    }
}
