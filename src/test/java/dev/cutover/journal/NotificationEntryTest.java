package dev.cutover.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The journaling convention for webhook deliveries (run-level {@code executed}, {@code cmd notify <webhook>
 * <event>}) and the proof that replay, and so status, reports and resume, ignore such entries.
 */
class NotificationEntryTest {
    private static final String COPY = "dp-phase2-010-assets-datasync-start";
    private static final String SWITCH = "dp-phase4-030-switch-live";
    private static final String CHECK = "dp-phase5-090-verify-checksums";

    private static JournalEntry entry(int n, EntryDraft d) {
        return JournalFixtures.unchained(n, d);
    }

    private static List<JournalEntry> entries(List<EntryDraft> drafts) {
        List<JournalEntry> out = new ArrayList<>();
        for (EntryDraft d : drafts) {
            out.add(entry(out.size() + 1, d));
        }
        return out;
    }

    private static EntryDraft step(String id, JournalEvent event) {
        return EntryDraft.of(id, id.charAt("dp-phase".length()) - '0', event);
    }

    private static EntryDraft delivered(String event) {
        return new NotificationEntry("war-room", event, true, "notification delivered: HTTP 204 after 1 attempt")
                .draft();
    }

    private static EntryDraft failed(String event) {
        return new NotificationEntry("audit", event, false, "notification failed: HTTP 500 after 4 attempts").draft();
    }

    /** Lock, a gate signature, a succeeded step, a failed and rolled-back one, one in flight (a crash). */
    private static List<EntryDraft> run() {
        return List.of(
                EntryDraft.runLevel(JournalEvent.LOCK_ACQUIRED),
                EntryDraft.runLevel(JournalEvent.APPROVED).withNotes("gate dp2 (Bulk Transfers): signed for team data"),
                step(COPY, JournalEvent.STEP_STARTED),
                step(COPY, JournalEvent.APPROVAL_REQUESTED),
                step(COPY, JournalEvent.APPROVED).withNotes("sha256=x"),
                step(COPY, JournalEvent.EXECUTED).withExitCode(0).withNotes("captured: job-id=task-1"),
                step(COPY, JournalEvent.VERIFY_PASSED),
                step(COPY, JournalEvent.STEP_SUCCEEDED),
                step(SWITCH, JournalEvent.STEP_STARTED),
                step(SWITCH, JournalEvent.APPROVED),
                step(SWITCH, JournalEvent.EXECUTED).withExitCode(1),
                step(SWITCH, JournalEvent.STEP_FAILED),
                step(SWITCH, JournalEvent.ROLLBACK_OFFERED),
                step(SWITCH, JournalEvent.ROLLBACK_APPROVED),
                step(SWITCH, JournalEvent.ROLLBACK_EXECUTED).withExitCode(0),
                step(CHECK, JournalEvent.STEP_STARTED),
                step(CHECK, JournalEvent.APPROVED),
                step(CHECK, JournalEvent.EXECUTED).withExitCode(0));
    }

    /** {@code drafts} with a delivered and a failed notification after every entry. */
    private static List<EntryDraft> withNotifications(List<EntryDraft> drafts) {
        List<EntryDraft> out = new ArrayList<>();
        for (EntryDraft d : drafts) {
            out.add(d);
            out.add(delivered("gate-signed"));
            out.add(failed("step-failed"));
        }
        return out;
    }

    @Test
    void aDeliveryIsARunLevelExecutedEntryNamingWebhookAndEventWithExitCodeZeroOrOne() {
        EntryDraft ok = delivered("run-started");
        EntryDraft ko = failed("run-ended");

        assertThat(ok.stepId()).isEqualTo(JournalEntry.RUN_STEP_ID);
        assertThat(ok.phaseNumber()).isZero();
        assertThat(ok.event()).isEqualTo(JournalEvent.EXECUTED);
        assertThat(ok.cmd()).isEqualTo("notify war-room run-started");
        assertThat(ok.exitCode()).isZero();
        assertThat(ko.cmd()).isEqualTo("notify audit run-ended");
        assertThat(ko.exitCode()).isEqualTo(1);
        assertThat(ko.notes()).isEqualTo("notification failed: HTTP 500 after 4 attempts");
    }

    @Test
    void readingAnEntryBackGivesTheDeliveryAndOnlyNotificationEntriesAreRecognised() {
        JournalEntry e = entry(1, failed("gate-refused"));

        assertThat(NotificationEntry.of(e))
                .contains(new NotificationEntry(
                        "audit", "gate-refused", false, "notification failed: HTTP 500 after 4 attempts"));
        assertThat(NotificationEntry.is(
                        entry(2, step(COPY, JournalEvent.EXECUTED).withCmd("notify x y"))))
                .as("a step's command that happens to start with notify")
                .isFalse();
        assertThat(NotificationEntry.is(entry(3, EntryDraft.runLevel(JournalEvent.APPROVED))))
                .isFalse();
    }

    @Test
    void replayIgnoresDeliveriesEverywhereInTheJournalNoStepStateOrDecisionChanges() {
        RunState plain = new RunStateReplayer().replay(entries(run()));
        RunState notified = new RunStateReplayer().replay(entries(withNotifications(run())));

        assertThat(notified.steps().keySet())
                .containsExactlyElementsOf(plain.steps().keySet());
        for (String id : plain.steps().keySet()) {
            StepHistory a = plain.step(id).orElseThrow();
            StepHistory b = notified.step(id).orElseThrow();
            assertThat(b.state()).as(id).isEqualTo(a.state());
            assertThat(b.lastEvent()).as(id).isEqualTo(a.lastEvent());
            assertThat(b.approvals()).as(id).isEqualTo(a.approvals());
            assertThat(b.retries()).as(id).isEqualTo(a.retries());
            assertThat(b.capturedValues()).as(id).isEqualTo(a.capturedValues());
            assertThat(b.lastExecuteExitCode()).as(id).isEqualTo(a.lastExecuteExitCode());
        }
        assertThat(notified.stateOf(COPY)).isEqualTo(StepResumeState.DONE);
        assertThat(notified.stateOf(SWITCH)).isEqualTo(StepResumeState.NEEDS_DECISION);
        assertThat(notified.stateOf(CHECK)).isEqualTo(StepResumeState.IN_FLIGHT);
        assertThat(notified.stateOf(JournalEntry.RUN_STEP_ID)).isEqualTo(StepResumeState.PENDING);
        assertThat(notified.facts().lockHeld()).isEqualTo(plain.facts().lockHeld());
        assertThat(notified.facts().runLevelEntries())
                .filteredOn(e -> !NotificationEntry.is(e))
                .extracting(JournalEntry::notes)
                .containsExactlyElementsOf(plain.facts().runLevelEntries().stream()
                        .map(JournalEntry::notes)
                        .toList());
    }

    @Test
    void deliveriesJournaledAfterTheWalkDoNotMakeACleanEndLookInterruptedBecauseLockReleasedComesLast() {
        List<EntryDraft> drafts = new ArrayList<>(run().subList(0, 8));
        drafts.add(delivered("run-ended"));
        drafts.add(failed("run-ended"));
        drafts.add(EntryDraft.runLevel(JournalEvent.LOCK_RELEASED));

        RunFacts facts = new RunStateReplayer().replay(entries(drafts)).facts();

        assertThat(facts.endedWithLockReleased()).isTrue();
        assertThat(facts.lockHeld()).isFalse();
    }

    @Test
    void namesAndEventsMustBeSingleWordsSoTheCommandReadsBackUnambiguously() {
        assertThatThrownBy(() -> new NotificationEntry("war room", "run-started", true, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
