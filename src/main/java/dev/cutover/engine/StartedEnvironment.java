package dev.cutover.engine;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.Environment;
import dev.cutover.input.RunDirectory;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalEvent;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment class a run started under, as its first lock entry recorded it ({@code environment <class>} in
 * the notes, {@link PreflightRun#environmentAndPlanNote}). A run keeps that class: {@code --resume} under another
 * one is refused, because the rules that admitted the run — its approvals, and for production the rehearsal gate,
 * which a resume does not ask again — were the first class's. A journal without the note (an upstream executor's,
 * or one written before Cutover recorded it) tells nothing, and a resume then passes the rehearsal gate like a
 * fresh start.
 */
record StartedEnvironment(Optional<Environment> environment, String entryId) {
    private static final Pattern NOTE = Pattern.compile("(?:^|; )environment ([a-z-]+)(?:;|$)");

    static StartedEnvironment of(List<JournalEntry> entries) {
        for (JournalEntry e : entries) {
            if (e.event() == JournalEvent.LOCK_ACQUIRED || e.event() == JournalEvent.LOCK_TAKEN_OVER_FROM_STALE) {
                Matcher m = NOTE.matcher(e.notes() == null ? "" : e.notes());
                return new StartedEnvironment(
                        m.find() ? Environment.fromConfigName(m.group(1)) : Optional.empty(), e.entryId());
            }
        }
        return new StartedEnvironment(Optional.empty(), null);
    }

    /** Whether the run is known to have started under a class (and so passed that class's start checks). */
    boolean known() {
        return environment.isPresent();
    }

    /**
     * Refuses to continue under {@code declared} a run that started under another class.
     *
     * @throws CutoverException {@link ErrorCode#ENVIRONMENT_CHANGED}
     */
    void requireSameAs(Environment declared) {
        if (environment.isEmpty() || environment.get() == declared) {
            return;
        }
        String started = environment.get().configName();
        throw new CutoverException(
                ErrorCode.ENVIRONMENT_CHANGED,
                "check 2 (journal): this run started under environment `" + started + "` (" + RunDirectory.JOURNAL
                        + " entry " + entryId + "), and " + RunDirectory.CONFIG + " now declares `"
                        + declared.configName() + "`. A run keeps the class it started with: the approvals and"
                        + " checks that admitted it were `" + started + "`'s. To continue it, set `environment: "
                        + started + "` again; to cut over under `" + declared.configName()
                        + "`, start from a new run directory"
                        + (declared == Environment.PRODUCTION
                                ? " (production needs a rehearsal on record first)."
                                : "."));
    }
}
