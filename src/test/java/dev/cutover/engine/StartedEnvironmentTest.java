package dev.cutover.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.Environment;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which class a run started under, read from its first lock entry, and the rule that a resume keeps it. */
class StartedEnvironmentTest {
    private static JournalEntry lock(String id, JournalEvent event, String notes) {
        return new JournalEntry(
                id,
                JournalEntry.RUN_STEP_ID,
                0,
                event,
                Instant.parse("2026-11-22T03:00:00Z"),
                "jane",
                null,
                null,
                null,
                null,
                null,
                notes,
                "0".repeat(64));
    }

    @Test
    void theFirstLockEntryNamesTheClassEvenAfterOtherNotes() {
        StartedEnvironment started = StartedEnvironment.of(List.of(
                lock("e1", JournalEvent.LOCK_TAKEN_OVER_FROM_STALE, "taken over from pid 7; environment staging"),
                lock("e9", JournalEvent.LOCK_ACQUIRED, "environment production")));

        assertThat(started.environment()).contains(Environment.STAGING);
        assertThat(started.known()).isTrue();
        assertThatThrownBy(() -> started.requireSameAs(Environment.PRODUCTION))
                .isInstanceOf(CutoverException.class)
                .satisfies(e -> assertThat(((CutoverException) e).code()).isEqualTo(ErrorCode.ENVIRONMENT_CHANGED))
                .hasMessageContaining("started under environment `staging` (execution-log.jsonl entry e1)")
                .hasMessageContaining("production needs a rehearsal on record first");
        started.requireSameAs(Environment.STAGING); // the same class continues
    }

    @Test
    void thePlanDigestAfterTheClassDoesNotHideIt() {
        StartedEnvironment started = StartedEnvironment.of(List.of(lock(
                "e1",
                JournalEvent.LOCK_ACQUIRED,
                "cutover rehearse; cutover rollback; environment staging; plan sha256=" + "ab".repeat(32))));

        assertThat(started.environment()).contains(Environment.STAGING);
    }

    @Test
    void aJournalThatDoesNotSayTellsNothingAndRefusesNothing() {
        for (List<JournalEntry> entries : List.of(
                List.<JournalEntry>of(),
                List.of(lock("e1", JournalEvent.LOCK_ACQUIRED, null)),
                List.of(lock("e1", JournalEvent.LOCK_ACQUIRED, "--accept-stale: inputs older than 14 days accepted")),
                List.of(lock("e1", JournalEvent.LOCK_ACQUIRED, "environment moon-base")))) {
            StartedEnvironment started = StartedEnvironment.of(entries);

            assertThat(started.known()).as(entries.toString()).isFalse();
            started.requireSameAs(Environment.PRODUCTION);
        }
    }
}
