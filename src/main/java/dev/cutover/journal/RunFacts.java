package dev.cutover.journal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Run-level facts replayed from a journal: lock history, run-level entries, the SSO probe clock.
 *
 * @param entryCount every entry replayed
 * @param lastEntryAt the {@code at} of the last entry
 * @param lockEvents every lock-acquired, lock-taken-over-from-stale and lock-released, in order
 * @param runLevelEntries every other entry with step id {@code cp-phase0-000-run} (pre-flight or compile
 *     failures, go/no-go cancel, resume questions, gate signatures, webhook deliveries ({@link
 *     NotificationEntry})), in order
 * @param lastSsoProbePassedAt the {@code at} of the last {@code sso-probe-passed}
 * @param endedWithLockReleased true when the last entry is {@code lock-released} (a cleanly ended run)
 */
public record RunFacts(
        long entryCount,
        Optional<Instant> lastEntryAt,
        List<JournalEntry> lockEvents,
        List<JournalEntry> runLevelEntries,
        Optional<Instant> lastSsoProbePassedAt,
        boolean endedWithLockReleased) {

    public RunFacts {
        Objects.requireNonNull(lastEntryAt, "lastEntryAt");
        lockEvents = List.copyOf(lockEvents);
        runLevelEntries = List.copyOf(runLevelEntries);
        Objects.requireNonNull(lastSsoProbePassedAt, "lastSsoProbePassedAt");
    }

    /** The latest lock event (who holds or last held the run), if any. */
    public Optional<JournalEntry> lastLockEvent() {
        return lockEvents.isEmpty() ? Optional.empty() : Optional.of(lockEvents.get(lockEvents.size() - 1));
    }

    /** True when the journal says the lock is held: a last lock event that is not {@code lock-released}. */
    public boolean lockHeld() {
        return lastLockEvent().map(e -> e.event() != JournalEvent.LOCK_RELEASED).orElse(false);
    }
}
