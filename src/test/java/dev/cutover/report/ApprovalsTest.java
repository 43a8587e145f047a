package dev.cutover.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.journal.EntryDraft;
import dev.cutover.journal.GateQuestion;
import dev.cutover.journal.JournalEvent;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalsTest {
    static final String STEP = "dp-phase2-010-assets-datasync-start";
    static final String DNS = "dp-phase4-030-dns-switch";

    @TempDir
    Path dir;

    @AutoClose
    TestJournal journal;

    @BeforeEach
    void open() {
        journal = new TestJournal(dir);
    }

    @Test
    void retriesPollRetriesResumeRetriesAndRunLevelConfirmationsAreNotCountedAsGiven() {
        journal.append(EntryDraft.runLevel(JournalEvent.APPROVED).withNotes("plugin version changed 0.1.0 -> 0.2.0"))
                .approve(STEP)
                .executed(STEP, 1, "boom")
                .event(STEP, JournalEvent.STEP_FAILED)
                .event(STEP, JournalEvent.APPROVED, "retry")
                .event(STEP, JournalEvent.APPROVED, "poll retry")
                .event(STEP, JournalEvent.APPROVED, "resume retry")
                .event(STEP, JournalEvent.APPROVED, "retry; answers file /tmp/a.txt line 4");

        assertThat(Approvals.requested(journal.entries())).isEqualTo(1);
        assertThat(Approvals.given(journal.entries())).isEqualTo(1);
    }

    @Test
    void irreversibleReconfirmationsAndAnswersFileApprovalsAreCountedAsGiven() {
        journal.event(DNS, JournalEvent.APPROVAL_REQUESTED, "{}")
                .event(DNS, JournalEvent.APPROVED, "answers file /tmp/a.txt line 2")
                .event(DNS, JournalEvent.APPROVED, "irreversible re-confirmation")
                .event(STEP, JournalEvent.APPROVAL_REQUESTED, "{}")
                .event(STEP, JournalEvent.SKIPPED, "not needed");

        assertThat(Approvals.requested(journal.entries())).isEqualTo(2);
        assertThat(Approvals.given(journal.entries())).isEqualTo(2);
    }

    @Test
    void aGateSignaturesQuestionAndItsSignatureAreNoStepApprovals() {
        journal.append(new GateQuestion("dp4", "Cutover", "platform").draft())
                .append(EntryDraft.runLevel(JournalEvent.APPROVED)
                        .withNotes("gate dp4 (Cutover): signed for team platform"))
                .event(DNS, JournalEvent.APPROVAL_REQUESTED, "{}")
                .event(DNS, JournalEvent.APPROVED, "sha256=ab12");

        assertThat(Approvals.requested(journal.entries())).isEqualTo(1);
        assertThat(Approvals.given(journal.entries())).isEqualTo(1);
    }

    @Test
    void aRetryMarkerCountsOnlyAsAWholeLeadingWord() {
        assertThat(Approvals.isRetry("retry")).isTrue();
        assertThat(Approvals.isRetry(" resume retry ")).isTrue();
        assertThat(Approvals.isRetry("answers file x line 1; poll retry")).isTrue();
        assertThat(Approvals.isRetry("retry (answers file x line 3)")).isTrue();
        assertThat(Approvals.isRetry(null)).isFalse();
        assertThat(Approvals.isRetry("retrying is not a marker")).isFalse();
        assertThat(Approvals.isRetry("transient retry after Throttling")).isFalse();
        assertThat(Approvals.isRetry("irreversible re-confirmation")).isFalse();
    }
}
