package dev.cutover.journal;

import java.util.Arrays;
import java.util.List;

/**
 * What a journal says about {@code cutover rehearse} (docs/rehearsal.md): each session it runs — the execute, the
 * reverse rollback, and each of them again on {@code --resume} — starts its lock entry's notes with {@value #NOTE}.
 * So the journal itself says the run is a rehearsal (only {@code cutover rehearse} writes the evidence, so that is
 * what status and the report suggest to continue it), and whether its last session was one ({@code cutover
 * execute --resume} or {@code cutover rollback} run by hand write no evidence).
 *
 * @param any whether some session of the run was a rehearse session
 * @param last whether the last session (the last lock entry) was one
 */
public record RehearsalSessions(boolean any, boolean last) {
    /** The part of a lock entry's notes ({@code ; }-separated) that marks a rehearse session. */
    public static final String NOTE = "cutover rehearse";

    /** Folds the lock entries of {@code entries}. */
    public static RehearsalSessions of(List<JournalEntry> entries) {
        boolean any = false;
        boolean last = false;
        for (JournalEntry e : entries) {
            if (e.event() == JournalEvent.LOCK_ACQUIRED || e.event() == JournalEvent.LOCK_TAKEN_OVER_FROM_STALE) {
                last = marked(e.notes());
                any |= last;
            }
        }
        return new RehearsalSessions(any, last);
    }

    private static boolean marked(String notes) {
        return notes != null
                && Arrays.stream(notes.split(";")).anyMatch(part -> part.strip().equals(NOTE));
    }
}
