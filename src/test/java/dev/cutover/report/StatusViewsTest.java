package dev.cutover.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.journal.EntryDraft;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.SecondConfirmations;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusViewsTest {
    private static final PlanCheck NO_PLAN = PlanCheck.of(List.of(), null);

    static final Path RUN_DIR = Path.of("/runs/northwind-42");
    static final String RESUME = "cutover execute --run-dir /runs/northwind-42 --resume";

    @TempDir
    Path dir;

    @AutoClose
    TestJournal journal;

    @BeforeEach
    void open() {
        journal = new TestJournal(dir);
    }

    private LockInfo lock(boolean live) {
        return new LockInfo(4242, "bastion-1", TestJournal.OPERATOR, TestJournal.T0, live);
    }

    private StatusView status(LockInfo lock, RecordedVerdict recorded) {
        ReportInput input = journal.input(Scenario.PLAN, List.of(Scenario.ORDERS_FREEZE));
        boolean live = lock != null && lock.live();
        return StatusViews.of(
                RUN_DIR, input, lock, live, recorded, NO_PLAN, journal.now().plus(Duration.ofMinutes(1)));
    }

    @Test
    void aCrashedRunWithADeadLockIsInterruptedAtItsStepAndGivesTheResumeCommand() {
        Scenario.crashedMidStep(journal);

        StatusView view = status(lock(false), null);

        assertThat(view.activity()).isEqualTo(RunActivity.INTERRUPTED);
        assertThat(view.waitingFor())
                .isEqualTo("interrupted (crashed or killed) at " + Scenario.SUBNETS + " — resume with " + RESUME);
        assertThat(view.nextCommand()).isEqualTo(RESUME);
        assertThat(view.currentStepId()).isEqualTo(Scenario.SUBNETS);
        assertThat(view.verdict()).isNull();
        assertThat(view.steps())
                .filteredOn(r -> r.stepId().equals(Scenario.SUBNETS))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.state()).isEqualTo("in-flight");
                    assertThat(r.lastEvent()).isEqualTo("executed");
                    assertThat(r.phase()).isEqualTo("CP1");
                });
    }

    @Test
    void aCrashedRunWhoseJournalEndsInATornLineNamesTheRepairCommandFirst() throws IOException {
        Scenario.crashedMidStep(journal);
        Files.write(journal.path, "{\"entry_id\":\"e9".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        StatusView view = status(lock(false), null);

        assertThat(view.tornTail()).isTrue();
        assertThat(view.nextCommand()).isEqualTo("cutover repair --run-dir /runs/northwind-42");
        assertThat(view.waitingFor()).contains("torn line").endsWith("then resume with " + RESUME);
    }

    @Test
    void aLiveRunAwaitingApprovalSaysSoAndNeedsNoCommand() {
        journal.lockAcquired().succeed(Scenario.BACKEND).event(Scenario.VPC, JournalEvent.STEP_STARTED);
        journal.event(Scenario.VPC, JournalEvent.APPROVAL_REQUESTED, "{}");

        StatusView view = status(lock(true), null);

        assertThat(view.activity()).isEqualTo(RunActivity.RUNNING);
        assertThat(view.waitingFor()).isEqualTo("waiting for the operator to approve " + Scenario.VPC);
        assertThat(view.nextCommand()).isNull();
        assertThat(view.currentStepId()).isEqualTo(Scenario.VPC);
    }

    @Test
    void aLiveRunWhoseLockFileWasDeletedIsStillRunningAndTheTextSaysWhy() {
        journal.lockAcquired().succeed(Scenario.BACKEND).event(Scenario.VPC, JournalEvent.STEP_STARTED);
        journal.event(Scenario.VPC, JournalEvent.APPROVAL_REQUESTED, "{}");
        ReportInput input = journal.input(Scenario.PLAN, List.of(Scenario.ORDERS_FREEZE));

        StatusView view = StatusViews.of(RUN_DIR, input, null, true, null, NO_PLAN, journal.now());

        assertThat(view.activity()).isEqualTo(RunActivity.RUNNING);
        assertThat(view.waitingFor()).isEqualTo("waiting for the operator to approve " + Scenario.VPC);
        assertThat(view.nextCommand()).isNull();
        StringWriter text = new StringWriter();
        StatusText.render(view, new PrintWriter(text, true));
        assertThat(text.toString())
                .contains("State: running (RUNNING.lock is missing or unreadable, but a live process holds the run"
                        + " directory's OS lock .RUNNING.lock.flock)");
    }

    @Test
    void aLockFileNamingALivePidIsNotRunningWhenNoProcessHoldsTheRunDirectory() {
        Scenario.crashedMidStep(journal);
        ReportInput input = journal.input(Scenario.PLAN, List.of(Scenario.ORDERS_FREEZE));

        StatusView view = StatusViews.of(RUN_DIR, input, lock(false), false, null, NO_PLAN, journal.now());

        assertThat(view.activity()).isEqualTo(RunActivity.INTERRUPTED);
        assertThat(view.nextCommand()).isEqualTo(RESUME);
    }

    @Test
    void aLiveRunPollingOrExecutingSaysWhichStepAndTheLastPollState() {
        journal.lockAcquired().approve(Scenario.DATASYNC).executed(Scenario.DATASYNC, 0, "");
        assertThat(status(lock(true), null).waitingFor()).startsWith("running " + Scenario.DATASYNC);

        journal.append(
                EntryDraft.of(Scenario.DATASYNC, 2, JournalEvent.POLL_TICK).withPollState("TRANSFERRING"));
        assertThat(status(lock(true), null).waitingFor())
                .isEqualTo("polling " + Scenario.DATASYNC + ": last state TRANSFERRING");
    }

    @Test
    void aLiveRunWaitsForTheSecondConfirmationOfAnIrreversibleStep() {
        journal.lockAcquired()
                .event(Scenario.DNS, JournalEvent.APPROVED, "sha256=ab; " + SecondConfirmations.dueNote(true, false));
        assertThat(status(lock(true), null).waitingFor())
                .isEqualTo("waiting for the operator's second confirmation of " + Scenario.DNS);

        journal.event(Scenario.DNS, JournalEvent.APPROVED, SecondConfirmations.IRREVERSIBLE);
        assertThat(status(lock(true), null).waitingFor()).isEqualTo("running " + Scenario.DNS);
    }

    @Test
    void anEndedRunShowsItsRecordedVerdictAndTheNextCommand() {
        Scenario.completed(journal);
        RecordedVerdict completed = new RecordedVerdict("completed", journal.now());

        StatusView view = status(null, completed);

        assertThat(view.activity()).isEqualTo(RunActivity.ENDED);
        assertThat(view.waitingFor()).isEqualTo("ended: completed");
        assertThat(view.verdict()).isEqualTo("completed");
        assertThat(view.nextCommand()).isEqualTo("/aws-migration-architect:audit --run-id northwind-42");
        assertThat(view.currentStepId()).isNull();
        assertThat(view.counts().succeeded()).isEqualTo(10);
    }

    @Test
    void aSummaryFromBeforeAResumeDoesNotHideACrashOfTheResumedRun() {
        Scenario.halted(journal);
        Instant firstEnd = journal.now();
        journal.after(Duration.ofHours(1)).lockAcquired().approve(Scenario.SUBNETS);

        StatusView view = status(lock(false), new RecordedVerdict("halted", firstEnd));

        assertThat(view.activity()).isEqualTo(RunActivity.INTERRUPTED);
        assertThat(view.waitingFor()).startsWith("interrupted (crashed or killed) at " + Scenario.SUBNETS);
    }

    @Test
    void aRunHaltedForSsoKeepsItsLockButShowsAsEnded() {
        journal.lockAcquired().succeed(Scenario.BACKEND).event(Scenario.VPC, JournalEvent.STEP_STARTED);
        journal.event(Scenario.VPC, JournalEvent.SSO_PROBE_FAILED, "source profile expired");

        StatusView view = status(lock(false), new RecordedVerdict("halted", journal.now()));

        assertThat(view.activity()).isEqualTo(RunActivity.ENDED);
        assertThat(view.waitingFor()).startsWith("ended: halted; the lock file of pid 4242 is kept");
        assertThat(view.nextCommand()).isEqualTo(RESUME);
    }

    @Test
    void theCurrentStepIsTheFirstPendingStepThatIsNotBlocked() {
        journal.lockAcquired()
                .skip(Scenario.BACKEND, null)
                .succeed(Scenario.VPC)
                .fail(Scenario.SUBNETS, "x");

        StatusView view = status(lock(true), null);

        assertThat(view.currentStepId()).isEqualTo(Scenario.ASSETS);
        assertThat(view.counts().blocked()).isEqualTo(7);
        assertThat(view.waitingFor()).startsWith("stopping after " + Scenario.SUBNETS);
    }
}
