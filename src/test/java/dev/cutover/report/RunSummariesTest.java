package dev.cutover.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSummariesTest {
    @TempDir
    Path dir;

    @AutoClose
    TestJournal journal;

    @BeforeEach
    void open() {
        journal = new TestJournal(dir);
    }

    private RunSummary build(Ending ending, Instant now) {
        return RunSummaries.build(journal.input(Scenario.PLAN, List.of(Scenario.ORDERS_FREEZE)), ending, now);
    }

    @Test
    void aCompletedRunCountsEveryStepAndApprovalAndHasNoActiveFreeze() {
        Scenario.completed(journal);
        Instant end = journal.now().plusMillis(500);

        RunSummary s = build(Ending.completed(), end);

        assertThat(s.verdict()).isEqualTo(Verdict.COMPLETED);
        assertThat(s.endedAt()).isEqualTo(end);
        assertThat(s.runId()).isEqualTo(TestJournal.RUN_ID);
        assertThat(s.startedAt()).isEqualTo(TestJournal.T0);
        assertThat(s.elapsedSeconds())
                .isEqualTo(Duration.between(TestJournal.T0, end).toSeconds());
        assertThat(List.of(s.stepsTotal(), s.stepsSucceeded(), s.stepsSkipped(), s.stepsFailed()))
                .containsExactly(11, 10, 1, 0);
        assertThat(List.of(s.stepsBlocked(), s.stepsPending())).containsExactly(0, 0);
        // 10 prompts answered + 1 irreversible re-confirmation; the retry is not an answer; 11 prompts (1 skipped).
        assertThat(s.approvalsRequested()).isEqualTo(11);
        assertThat(s.approvalsGiven()).isEqualTo(11);
        assertThat(s.haltReason()).isNull();
        assertThat(s.haltStepId()).isNull();
        assertThat(s.activeFreezes()).isEmpty();
    }

    @Test
    void aHaltedRunCountsFailedSkippedBlockedAndPendingStepsAndKeepsTheEnginesHaltReason() {
        Scenario.halted(journal);

        RunSummary s = build(Ending.halted("operator stopped after a failure", Scenario.SUBNETS), journal.now());

        assertThat(List.of(s.stepsTotal(), s.stepsSucceeded(), s.stepsSkipped(), s.stepsFailed()))
                .containsExactly(11, 1, 1, 1);
        assertThat(s.stepsBlocked()).isEqualTo(7);
        assertThat(s.stepsPending()).isEqualTo(1);
        assertThat(s.haltReason()).isEqualTo("operator stopped after a failure");
        assertThat(s.haltStepId()).isEqualTo(Scenario.SUBNETS);
    }

    @Test
    void aCompletedVerdictWithUnfinishedStepsIsRefusedAsAnEngineBug() {
        Scenario.halted(journal);

        assertThatThrownBy(() -> build(Ending.completed(), journal.now()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("completed");
    }

    @Test
    void anInterruptedRunEndsAtItsLastEntryNamesTheStepAndCountsTheInFlightStepAsPending() {
        Scenario.crashedMidStep(journal);
        Instant lastEntry = journal.now();

        RunSummary s = build(Ending.interrupted(), lastEntry.plus(Duration.ofDays(2)));

        assertThat(s.verdict()).isEqualTo(Verdict.INTERRUPTED);
        assertThat(s.endedAt()).isNull();
        assertThat(s.elapsedSeconds())
                .isEqualTo(Duration.between(TestJournal.T0, lastEntry).toSeconds());
        assertThat(s.haltStepId()).isEqualTo(Scenario.SUBNETS);
        assertThat(s.haltReason()).startsWith("interrupted:").contains("executed of " + Scenario.SUBNETS);
        assertThat(s.stepsSucceeded()).isEqualTo(2);
        assertThat(s.stepsPending()).isEqualTo(9);
    }

    @Test
    void aFreezeStillInForceAtTheEndIsListedWithItsElapsedMinutes() {
        journal.lockAcquired()
                .succeed(Scenario.BACKEND)
                .succeed(Scenario.VPC)
                .succeed(Scenario.SUBNETS)
                .succeed(Scenario.ASSETS)
                .succeed(Scenario.ORDERS_DB)
                .succeed(Scenario.HANDOFF)
                .succeed(Scenario.GRANT)
                .succeed(Scenario.DATASYNC)
                .approve(Scenario.FREEZE)
                .executed(Scenario.FREEZE, 0, "");
        Instant frozen = journal.now();
        journal.after(Duration.ofMinutes(40)).fail(Scenario.DNS, "denied");

        RunSummary s = build(Ending.halted("rollback skipped", Scenario.DNS), journal.now());

        assertThat(s.activeFreezes()).singleElement().satisfies(f -> {
            assertThat(f.startedAt()).isEqualTo(frozen);
            assertThat(f.elapsedMinutes()).isEqualTo(40);
            assertThat(f.overrun()).isTrue();
        });
    }
}
