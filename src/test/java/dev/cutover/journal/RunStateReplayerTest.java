package dev.cutover.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RunStateReplayerTest {
    private static final String STEP = "dp-phase2-010-assets-datasync-start";
    private static final String OTHER = "dp-phase2-020-logs-datasync-start";
    private static final String HEX = "0".repeat(64);

    private final RunStateReplayer replayer = new RunStateReplayer();
    private final List<JournalEntry> journal = new ArrayList<>();

    private JournalEntry add(String step, JournalEvent event, Integer exitCode, String pollState, String notes) {
        int phase = step.charAt("cp-phase".length()) - '0';
        Instant at = JournalFixtures.T0.plusSeconds(journal.size());
        JournalEntry entry = new JournalEntry(
                "e" + (journal.size() + 1),
                step,
                phase,
                event,
                at,
                "alice",
                null,
                exitCode,
                null,
                null,
                pollState,
                notes,
                HEX);
        journal.add(entry);
        return entry;
    }

    private JournalEntry add(String step, JournalEvent event) {
        return add(step, event, null, null, null);
    }

    private JournalEntry add(String step, JournalEvent event, String notes) {
        return add(step, event, null, null, notes);
    }

    private RunState replay() {
        return replayer.replay(journal);
    }

    @Test
    void aStepWithoutEventsIsPending() {
        add(JournalEntry.RUN_STEP_ID, JournalEvent.LOCK_ACQUIRED);
        add(OTHER, JournalEvent.STEP_STARTED);

        assertThat(replay().stateOf(STEP)).isEqualTo(StepResumeState.PENDING);
        assertThat(replay().step(STEP)).isEmpty();
    }

    @Test
    void aStepWithOnlyAnSsoProbeIsStillPending() {
        add(STEP, JournalEvent.SSO_PROBE_FAILED);

        assertThat(replay().stateOf(STEP)).isEqualTo(StepResumeState.PENDING);
    }

    @ParameterizedTest
    @EnumSource(names = {"STEP_STARTED", "PREVIEW_SHOWN", "APPROVAL_REQUESTED"})
    void aStepStoppedBeforeApprovalRestartsWithAFreshApproval(JournalEvent last) {
        add(STEP, JournalEvent.STEP_STARTED);
        add(STEP, last);

        assertThat(replay().stateOf(STEP)).isEqualTo(StepResumeState.RESTART_WITH_FRESH_APPROVAL);
    }

    @ParameterizedTest
    @EnumSource(
            names = {
                "APPROVED",
                "EXECUTED",
                "POLL_TICK",
                "POLL_TERMINAL",
                "VERIFY_PASSED",
                "VERIFY_FAILED",
                "RESUME_REVERIFIED"
            })
    void aStepApprovedWithoutAnOutcomeIsInFlight(JournalEvent last) {
        add(STEP, JournalEvent.STEP_STARTED);
        add(STEP, JournalEvent.APPROVAL_REQUESTED);
        add(STEP, last);

        assertThat(replay().stateOf(STEP)).isEqualTo(StepResumeState.IN_FLIGHT);
    }

    @ParameterizedTest
    @EnumSource(names = {"STEP_SUCCEEDED", "RESUME_MARKED_DONE"})
    void aSucceededOrMarkedDoneStepIsDone(JournalEvent last) {
        add(STEP, JournalEvent.EXECUTED, 0, null, null);
        add(STEP, last);

        assertThat(replay().stateOf(STEP)).isEqualTo(StepResumeState.DONE);
    }

    @Test
    void aSkippedStepIsSkipped() {
        add(STEP, JournalEvent.APPROVAL_REQUESTED);
        add(STEP, JournalEvent.SKIPPED);

        assertThat(replay().stateOf(STEP)).isEqualTo(StepResumeState.SKIPPED);
    }

    @ParameterizedTest
    @EnumSource(
            names = {
                "STEP_FAILED",
                "ROLLBACK_OFFERED",
                "ROLLBACK_APPROVED",
                "ROLLBACK_EXECUTED",
                "ROLLBACK_SKIPPED",
                "ABORTED",
                "RESUME_REPROMPTED"
            })
    void aFailedRolledBackAbortedOrRepromptedStepNeedsADecision(JournalEvent last) {
        add(STEP, JournalEvent.EXECUTED, 1, null, null);
        add(STEP, last);

        assertThat(replay().stateOf(STEP)).isEqualTo(StepResumeState.NEEDS_DECISION);
    }

    @Test
    void ssoAndLockEventsAfterTheLastStepEventDoNotChangeItsState() {
        add(STEP, JournalEvent.STEP_SUCCEEDED);
        add(STEP, JournalEvent.SSO_PROBE_FAILED);
        add(JournalEntry.RUN_STEP_ID, JournalEvent.LOCK_RELEASED);

        StepHistory history = replay().step(STEP).orElseThrow();
        assertThat(history.state()).isEqualTo(StepResumeState.DONE);
        assertThat(history.lastEvent()).isEqualTo(JournalEvent.STEP_SUCCEEDED);
    }

    @Test
    void runLevelEntriesNeverBecomeSteps() {
        add(JournalEntry.RUN_STEP_ID, JournalEvent.LOCK_ACQUIRED);
        add(JournalEntry.RUN_STEP_ID, JournalEvent.APPROVED, "plugin_version differs: continue?");
        add(JournalEntry.RUN_STEP_ID, JournalEvent.STEP_FAILED, "check 3: input invalid");

        RunState state = replay();

        assertThat(state.steps()).isEmpty();
        assertThat(state.hasStepEvents()).isFalse();
        assertThat(state.stateOf(JournalEntry.RUN_STEP_ID)).isEqualTo(StepResumeState.PENDING);
        assertThat(state.facts().runLevelEntries())
                .extracting(JournalEntry::event)
                .containsExactly(JournalEvent.APPROVED, JournalEvent.STEP_FAILED);
    }

    @Test
    void anApprovalStillAwaitingItsConfirmationsRestartsBecauseTheCommandNeverStarted() {
        add(STEP, JournalEvent.STEP_STARTED);
        add(STEP, JournalEvent.APPROVAL_REQUESTED, "{}");
        add(STEP, JournalEvent.APPROVED, "sha256=ab12; " + SecondConfirmations.dueNote(true, true) + "; typed");
        assertThat(replay().stateOf(STEP)).isEqualTo(StepResumeState.RESTART_WITH_FRESH_APPROVAL);

        add(STEP, JournalEvent.APPROVED, SecondConfirmations.IRREVERSIBLE + "; typed");
        assertThat(replay().stateOf(STEP))
                .as("the crossing of the point of no return is still due")
                .isEqualTo(StepResumeState.RESTART_WITH_FRESH_APPROVAL);

        add(STEP, JournalEvent.APPROVED, SecondConfirmations.POINT_OF_NO_RETURN + "; typed");
        assertThat(replay().stateOf(STEP))
                .as("every confirmation given: the command may have started")
                .isEqualTo(StepResumeState.IN_FLIGHT);
    }

    @Test
    void aStepSkippedAtItsLastConfirmationNeverRanButOneLetRunMayHave() {
        add(STEP, JournalEvent.STEP_STARTED);
        add(STEP, JournalEvent.APPROVED, "sha256=ab12; " + SecondConfirmations.dueNote(true, true));
        add(STEP, JournalEvent.APPROVED, SecondConfirmations.IRREVERSIBLE);
        add(STEP, JournalEvent.SKIPPED, "skipped by operator (at the point of no return)");
        add(OTHER, JournalEvent.STEP_STARTED);
        add(OTHER, JournalEvent.APPROVED, "sha256=cd34; " + SecondConfirmations.dueNote(false, true));
        add(OTHER, JournalEvent.APPROVED, SecondConfirmations.POINT_OF_NO_RETURN);

        assertThat(replay().step(STEP).orElseThrow().mayHaveRun())
                .as("skipped before its last confirmation")
                .isFalse();
        assertThat(replay().step(OTHER).orElseThrow().mayHaveRun())
                .as("every confirmation given, no executed yet: the command starts right after")
                .isTrue();

        add(OTHER, JournalEvent.RESUME_REVERIFIED);
        add(OTHER, JournalEvent.RESUME_REPROMPTED);
        add(OTHER, JournalEvent.SKIPPED, "skipped by operator at resume");
        assertThat(replay().step(OTHER).orElseThrow().mayHaveRun())
                .as("skipping it later does not undo that it may have run")
                .isTrue();
    }

    @Test
    void anOlderJournalsApprovalWithoutConfirmationNotesAndAnyExecuteMayHaveRun() {
        add(STEP, JournalEvent.APPROVED, "sha256=ab12");
        add(OTHER, JournalEvent.RESUME_MARKED_DONE);

        assertThat(replay().step(STEP).orElseThrow().mayHaveRun()).isTrue();
        assertThat(replay().step(OTHER).orElseThrow().mayHaveRun()).isTrue();
    }

    @Test
    void anApprovalWithoutAnnouncedConfirmationsIsInFlight() {
        add(STEP, JournalEvent.APPROVED, "sha256=ab12; typed at the terminal");
        assertThat(replay().stateOf(STEP)).isEqualTo(StepResumeState.IN_FLIGHT);

        add(OTHER, JournalEvent.APPROVED, "sha256=cd34; " + SecondConfirmations.dueNote(false, true));
        add(OTHER, JournalEvent.APPROVED, SecondConfirmations.POINT_OF_NO_RETURN);
        add(OTHER, JournalEvent.EXECUTED, 1, null, null);
        add(OTHER, JournalEvent.STEP_FAILED);
        add(OTHER, JournalEvent.ROLLBACK_OFFERED);
        add(OTHER, JournalEvent.APPROVED, "retry");
        assertThat(replay().stateOf(OTHER))
                .as("a failure dialog retry runs the command again at once")
                .isEqualTo(StepResumeState.IN_FLIGHT);
    }

    @Test
    void aResumeRetryAnnouncesItsConfirmationsAgain() {
        add(STEP, JournalEvent.RESUME_REPROMPTED);
        add(STEP, JournalEvent.APPROVED, "sha256=ab12; resume retry; " + SecondConfirmations.dueNote(true, false));
        assertThat(replay().stateOf(STEP)).isEqualTo(StepResumeState.RESTART_WITH_FRESH_APPROVAL);
        assertThat(replay().retriesOf(STEP)).isEqualTo(1);
    }

    @Test
    void countsOnlyRetryAndResumeRetryApprovalsAsRetries() {
        add(STEP, JournalEvent.APPROVED);
        add(STEP, JournalEvent.APPROVED, "irreversible re-confirmation");
        add(STEP, JournalEvent.APPROVED, "retry");
        add(STEP, JournalEvent.APPROVED, "poll retry");
        add(STEP, JournalEvent.APPROVED, "resume retry");
        // As the engine writes them: the answer's own notes follow the marker.
        add(STEP, JournalEvent.APPROVED, "retry; answers file /ops/answers.txt line 4");
        add(STEP, JournalEvent.APPROVED, "sha256=ab12; resume retry; typed at the terminal");
        add(STEP, JournalEvent.APPROVED, "poll retry; answers file /ops/answers.txt line 9");
        add(OTHER, JournalEvent.APPROVED, "retry");

        RunState state = replay();

        assertThat(state.retriesOf(STEP)).isEqualTo(4);
        assertThat(state.step(STEP).orElseThrow().approvals()).isEqualTo(8);
        assertThat(state.retriesOf(OTHER)).isEqualTo(1);
        assertThat(state.retriesOf("dp-phase3-010-db-snapshot")).isZero();
    }

    @Test
    void collectsCapturedValuesFromExecutedNotesWithLaterValuesWinning() {
        add(STEP, JournalEvent.EXECUTED, 0, null, "captured: task-execution-arn=arn:aws:datasync:eu-west-1:1:x; id=1");
        add(STEP, JournalEvent.APPROVAL_REQUESTED, "captured: ignored=yes");
        add(STEP, JournalEvent.EXECUTED, 0, null, "transient retry after Throttling; captured: id=2; malformed");

        assertThat(replay().capturedValuesOf(STEP))
                .containsExactly(
                        Map.entry("task-execution-arn", "arn:aws:datasync:eu-west-1:1:x"), Map.entry("id", "2"));
        assertThat(replay().capturedValuesOf(OTHER)).isEmpty();
    }

    @Test
    void remembersTheTimeOfTheLastPassedSsoProbeOnly() {
        JournalEntry passed = add(STEP, JournalEvent.SSO_PROBE_PASSED);
        add(OTHER, JournalEvent.SSO_PROBE_FAILED);

        assertThat(replay().facts().lastSsoProbePassedAt()).hasValue(passed.at());
        journal.clear();
        assertThat(replay().facts().lastSsoProbePassedAt()).isEmpty();
    }

    @Test
    void recordsStartTimesFirstSuccessfulExecuteAndLastPollState() {
        JournalEntry started = add(STEP, JournalEvent.STEP_STARTED);
        add(STEP, JournalEvent.EXECUTED, 1, null, null);
        JournalEntry success = add(STEP, JournalEvent.EXECUTED, 0, null, null);
        add(STEP, JournalEvent.POLL_TICK, null, "LAUNCHING", null);
        add(STEP, JournalEvent.POLL_TICK, null, "TRANSFERRING", null);
        JournalEntry restarted = add(STEP, JournalEvent.STEP_STARTED);
        add(STEP, JournalEvent.EXECUTED, 3, null, null);

        StepHistory history = replay().step(STEP).orElseThrow();

        assertThat(history.firstStartedAt()).hasValue(started.at());
        assertThat(history.lastStartedAt()).hasValue(restarted.at());
        assertThat(history.firstSuccessfulExecuteAt()).hasValue(success.at());
        assertThat(history.lastExecuteExitCode()).hasValue(3);
        assertThat(history.lastPollState()).hasValue("TRANSFERRING");
    }

    @Test
    void reconstructsLockHistoryAndWhetherTheRunEndedReleasingIt() {
        add(JournalEntry.RUN_STEP_ID, JournalEvent.LOCK_ACQUIRED);
        add(STEP, JournalEvent.SSO_PROBE_FAILED);

        RunFacts halted = replay().facts();
        assertThat(halted.lockHeld()).isTrue();
        assertThat(halted.endedWithLockReleased()).isFalse();

        add(JournalEntry.RUN_STEP_ID, JournalEvent.LOCK_TAKEN_OVER_FROM_STALE, "pid 4242 on bastion");
        add(JournalEntry.RUN_STEP_ID, JournalEvent.LOCK_RELEASED);

        RunFacts ended = replay().facts();
        assertThat(ended.lockEvents())
                .extracting(JournalEntry::event)
                .containsExactly(
                        JournalEvent.LOCK_ACQUIRED,
                        JournalEvent.LOCK_TAKEN_OVER_FROM_STALE,
                        JournalEvent.LOCK_RELEASED);
        assertThat(ended.lockHeld()).isFalse();
        assertThat(ended.endedWithLockReleased()).isTrue();
        assertThat(ended.entryCount()).isEqualTo(4);
    }

    @Test
    void theHandoffCountsAsApprovedOnlyOnceItHasAnApprovedEntry() {
        add(RunState.HANDOFF_STEP_ID, JournalEvent.STEP_STARTED);
        add(RunState.HANDOFF_STEP_ID, JournalEvent.APPROVAL_REQUESTED);
        assertThat(replay().handoffApproved()).isFalse();

        add(RunState.HANDOFF_STEP_ID, JournalEvent.APPROVED);
        assertThat(replay().handoffApproved()).isTrue();
    }

    @Test
    void keepsStepsInOrderOfFirstAppearance() {
        add(OTHER, JournalEvent.STEP_STARTED);
        add(STEP, JournalEvent.STEP_STARTED);
        add(OTHER, JournalEvent.STEP_SUCCEEDED);

        assertThat(replay().steps().keySet()).containsExactly(OTHER, STEP);
    }
}
