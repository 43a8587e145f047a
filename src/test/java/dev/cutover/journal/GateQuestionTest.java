package dev.cutover.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The journaling convention for a go/no-go gate signature being asked (a run-level {@code approval-requested}) and
 * the proof that replay, and so resume and step states, ignore it.
 */
class GateQuestionTest {
    private static final String STEP = "dp-phase4-001-announce";
    private static final String BEFORE = "dp-phase3-010-copy-config";

    private static JournalEntry entry(int n, EntryDraft d) {
        return JournalFixtures.unchained(n, d);
    }

    @Test
    void aQuestionReadsBackAsItWasWrittenWhateverThePhaseAndTeamAreCalled() {
        GateQuestion asked = new GateQuestion("dp4", "Cutover (final) window", "data team");

        JournalEntry written = entry(1, asked.draft());

        assertThat(written.isRunLevel()).isTrue();
        assertThat(written.event()).isEqualTo(JournalEvent.APPROVAL_REQUESTED);
        assertThat(written.notes()).isEqualTo("gate dp4 (Cutover (final) window): signature asked for team data team");
        assertThat(GateQuestion.of(written)).contains(asked);
        assertThat(asked.where()).isEqualTo("data-plane phase 4 (Cutover (final) window)");
        assertThat(new GateQuestion("cp6", "Decommission", "platform").where())
                .isEqualTo("control-plane phase 6 (Decommission)");
    }

    @Test
    void onlyARunLevelApprovalRequestWithTheseNotesIsAGateQuestion() {
        EntryDraft stepApproval =
                EntryDraft.of(STEP, 4, JournalEvent.APPROVAL_REQUESTED).withNotes("{}");
        EntryDraft signature =
                EntryDraft.runLevel(JournalEvent.APPROVED).withNotes("gate dp4 (Cutover): signed for team platform");

        assertThat(GateQuestion.of(entry(1, stepApproval))).isEmpty();
        assertThat(GateQuestion.of(entry(2, signature))).isEmpty();
        assertThat(GateQuestion.of(entry(3, EntryDraft.runLevel(JournalEvent.APPROVAL_REQUESTED))))
                .isEmpty();
    }

    @Test
    void replayKeepsItAmongTheRunLevelEntriesAndNoStepChanges() {
        RunState state = new RunStateReplayer()
                .replay(List.of(
                        entry(1, EntryDraft.of(BEFORE, 3, JournalEvent.STEP_SUCCEEDED)),
                        entry(2, new GateQuestion("dp4", "Cutover", "platform").draft())));

        assertThat(state.steps()).containsOnlyKeys(BEFORE);
        assertThat(state.stateOf(BEFORE)).isEqualTo(StepResumeState.DONE);
        assertThat(state.stateOf(STEP)).isEqualTo(StepResumeState.PENDING);
        assertThat(state.facts().runLevelEntries())
                .extracting(JournalEntry::event)
                .containsExactly(JournalEvent.APPROVAL_REQUESTED);
    }
}
