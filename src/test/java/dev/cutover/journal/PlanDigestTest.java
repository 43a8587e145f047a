package dev.cutover.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.digest.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan digest a lock entry's notes record: one format for the writer and every reader. */
class PlanDigestTest {
    private static final byte[] STEPS = "{\"steps\":[]}\n".getBytes(StandardCharsets.UTF_8);
    private static final String HEX = Sha256.hex(STEPS);
    private static final String OTHER = Sha256.hex("other");

    private static JournalEntry entry(String id, JournalEvent event, String notes) {
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
    void theNoteIsThePrefixAndTheDigestOfTheStepsFilesBytesAndReadsBack() {
        PlanDigest d = PlanDigest.of(STEPS);

        assertThat(d.note()).isEqualTo("plan sha256=" + HEX);
        assertThat(d.shortForm()).isEqualTo(HEX.substring(0, 12));
        assertThat(PlanDigest.in("cutover rehearse; environment staging; " + d.note() + "; taken over from pid 7"))
                .contains(d);
    }

    @Test
    void onlyAWholePartWithSixtyFourLowercaseHexDigitsIsADigest() {
        for (String notes : List.of(
                "plan sha256=" + HEX.substring(1),
                "plan sha256=" + HEX.toUpperCase(java.util.Locale.ROOT),
                "plan sha256=" + HEX + "0",
                "the plan sha256=" + HEX,
                "environment sandbox",
                "")) {
            assertThat(PlanDigest.in(notes)).as(notes).isEmpty();
        }
        assertThat(PlanDigest.in(null)).isEmpty();
        assertThatThrownBy(() -> new PlanDigest("abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRunStartedWithTheFirstLockEntrysDigestWhateverLaterEntriesSay() {
        List<JournalEntry> entries = List.of(
                entry("e1", JournalEvent.LOCK_ACQUIRED, "environment sandbox; plan sha256=" + HEX),
                entry("e5", JournalEvent.LOCK_TAKEN_OVER_FROM_STALE, "environment sandbox; plan sha256=" + OTHER));

        assertThat(PlanDigest.startedWith(entries)).contains(new PlanDigest.Recorded(PlanDigest.of(STEPS), "e1"));
    }

    /** A journal written before the digest was recorded: the first session that recorded one is the reference. */
    @Test
    void lockEntriesWithoutADigestAndOtherEntriesAreSkipped() {
        List<JournalEntry> entries = List.of(
                entry("e1", JournalEvent.LOCK_ACQUIRED, "environment sandbox"),
                entry("e2", JournalEvent.APPROVED, "plan sha256=" + OTHER),
                entry("e3", JournalEvent.LOCK_RELEASED, "plan sha256=" + OTHER),
                entry("e4", JournalEvent.LOCK_TAKEN_OVER_FROM_STALE, "environment sandbox; plan sha256=" + HEX));

        assertThat(PlanDigest.startedWith(entries)).contains(new PlanDigest.Recorded(PlanDigest.of(STEPS), "e4"));
        assertThat(PlanDigest.startedWith(entries.subList(0, 3))).isEmpty();
        assertThat(PlanDigest.startedWith(List.of())).isEmpty();
    }
}
