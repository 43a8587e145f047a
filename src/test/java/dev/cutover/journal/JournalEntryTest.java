package dev.cutover.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JournalEntryTest {
    private static final String HEX = "a".repeat(64);
    private static final Instant AT = JournalFixtures.T0;

    private static JournalEntry entry(String id, String step, int phase, String tail, String prev, Instant at) {
        return new JournalEntry(
                id, step, phase, JournalEvent.EXECUTED, at, "alice", "true", 0, tail, null, null, null, prev);
    }

    @Test
    void acceptsAValidEntryAndExposesItsSequence() {
        JournalEntry e = entry("e42", "dp-phase5-010-orders-validate", 5, "ok", HEX, AT);

        assertThat(e.sequence()).isEqualTo(42);
        assertThat(e.isRunLevel()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"e0", "e01", "E1", "1", "e", "e1x"})
    void rejectsMalformedEntryIds(String id) {
        assertThatThrownBy(() -> entry(id, JournalFixtures.STEP, 1, null, HEX, AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"phase1-001-vpc", "cp-phase7-010-x", "cp-phase1-10-x", "cp-phase1-010-", "cp-phase1-010-A"})
    void rejectsStepIdsOutsideThePattern(String step) {
        assertThatThrownBy(() -> entry("e1", step, 1, null, HEX, AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step_id");
    }

    @Test
    void rejectsAPhaseNumberThatDiffersFromTheStepId() {
        assertThatThrownBy(() -> entry("e1", JournalFixtures.STEP, 2, null, HEX, AT))
                .hasMessageContaining("differs from the phase");
    }

    @Test
    void rejectsTailsLongerThan2048Bytes() {
        assertThatCode(() -> entry("e1", JournalFixtures.STEP, 1, "x".repeat(2048), HEX, AT))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> entry("e1", JournalFixtures.STEP, 1, "é".repeat(1025), HEX, AT))
                .hasMessageContaining("2050 bytes");
    }

    @Test
    void rejectsMalformedHashesAndSubMillisecondTimes() {
        assertThatThrownBy(() -> entry("e1", JournalFixtures.STEP, 1, null, "A".repeat(64), AT))
                .hasMessageContaining("prev_sha256");
        assertThatThrownBy(() -> entry("e1", JournalFixtures.STEP, 1, null, HEX, AT.plusNanos(1000)))
                .hasMessageContaining("millisecond");
    }

    @Test
    void requiresAnOperatorOnApprovalClassEventsOnly() {
        assertThatThrownBy(() -> new JournalEntry(
                        "e1",
                        JournalFixtures.STEP,
                        1,
                        JournalEvent.APPROVED,
                        AT,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        HEX))
                .hasMessageContaining("operator is required on approved");
        assertThatCode(() -> new JournalEntry(
                        "e1",
                        JournalFixtures.STEP,
                        1,
                        JournalEvent.POLL_TICK,
                        AT,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        HEX))
                .doesNotThrowAnyException();
    }

    @Test
    void draftsCutLongTailsButEntriesNeverDo() {
        EntryDraft draft = EntryDraft.of(JournalFixtures.STEP, 1, JournalEvent.EXECUTED)
                .withTails("x".repeat(5000), "y".repeat(10));

        assertThat(draft.stdoutTail()).hasSize(2048);
        assertThat(draft.stderrTail()).isEqualTo("y".repeat(10));
    }

    @Test
    void runLevelDraftsUseTheReservedStepAndPhaseZero() {
        EntryDraft draft = EntryDraft.runLevel(JournalEvent.LOCK_RELEASED);

        assertThat(draft.stepId()).isEqualTo("cp-phase0-000-run");
        assertThat(draft.phaseNumber()).isZero();
    }

    @Test
    void metadataRequiresTwelveDigitAccountsAndOnlyPerStepApproval() {
        JournalMetadata ok = JournalFixtures.metadata();
        assertThatThrownBy(() -> new JournalMetadata(
                        ok.runId(),
                        ok.startedAt(),
                        "12",
                        ok.targetAccountId(),
                        ok.pluginVersion(),
                        ok.checklistRef(),
                        ok.planRef(),
                        null,
                        null,
                        null,
                        null))
                .hasMessageContaining("source_account_id");
        assertThatThrownBy(() -> new JournalMetadata(
                        ok.runId(),
                        ok.startedAt(),
                        ok.sourceAccountId(),
                        ok.targetAccountId(),
                        ok.pluginVersion(),
                        ok.checklistRef(),
                        ok.planRef(),
                        null,
                        "batch",
                        null,
                        null))
                .hasMessageContaining("approval_mode");
    }
}
