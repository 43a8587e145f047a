package dev.cutover.report;

import static dev.cutover.testing.TestStep.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.JournalEvent;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepOutcomesTest {
    static final String VPC = "cp-phase1-010-vpc";
    static final String SUBNETS = "cp-phase1-020-subnets";
    static final String BUCKET = "cp-phase2-010-bucket";
    static final String POLICY = "cp-phase2-020-bucket-policy";
    static final String DB = "cp-phase3-010-db";
    static final String ROUTES = "cp-phase3-020-routes";
    static final String GRANT = "dp-phase1-010-kms-grant";

    static final List<ExecutionStep> PLAN = List.of(
            step(VPC).build(),
            step(SUBNETS).requires(VPC).build(),
            step(BUCKET).build(),
            step(POLICY).requires(BUCKET).build(),
            step(DB).requires(POLICY).build(),
            step(ROUTES).requires(SUBNETS).build(),
            step(GRANT).build());

    @TempDir
    Path dir;

    @AutoClose
    TestJournal journal;

    @BeforeEach
    void open() {
        journal = new TestJournal(dir);
    }

    private Map<String, StepState> states() {
        Map<String, StepState> states = new LinkedHashMap<>();
        StepOutcomes.of(PLAN, journal.entries()).forEach(o -> states.put(o.stepId(), o.state()));
        return states;
    }

    @Test
    void aFailedStepBlocksItsDependentsTransitivelyAndLeavesOthersPending() {
        journal.lockAcquired()
                .succeed(VPC)
                .succeed(SUBNETS)
                .fail(BUCKET, "AccessDenied\n")
                .lockReleased();

        assertThat(states())
                .containsEntry(VPC, StepState.SUCCEEDED)
                .containsEntry(SUBNETS, StepState.SUCCEEDED)
                .containsEntry(BUCKET, StepState.FAILED)
                .containsEntry(POLICY, StepState.BLOCKED)
                .containsEntry(DB, StepState.BLOCKED)
                .containsEntry(ROUTES, StepState.PENDING)
                .containsEntry(GRANT, StepState.PENDING);
    }

    @Test
    void aSkippedStepBlocksItsDependents() {
        journal.succeed(VPC).skip(SUBNETS, "subnets exist already");

        assertThat(states())
                .containsEntry(SUBNETS, StepState.SKIPPED)
                .containsEntry(ROUTES, StepState.BLOCKED)
                .containsEntry(BUCKET, StepState.PENDING);
    }

    @Test
    void aResumeMarkedDoneStepCountsAsSucceeded() {
        journal.approve(VPC)
                .executed(VPC, 0, "")
                .event(VPC, JournalEvent.RESUME_REVERIFIED)
                .event(VPC, JournalEvent.RESUME_MARKED_DONE);

        assertThat(states()).containsEntry(VPC, StepState.SUCCEEDED).containsEntry(SUBNETS, StepState.PENDING);
    }

    @Test
    void stepsWithEventsButNoOutcomeAreInFlightAndTheirDependentsStayPending() {
        journal.event(VPC, JournalEvent.STEP_STARTED)
                .event(VPC, JournalEvent.APPROVAL_REQUESTED)
                .approve(BUCKET)
                .executed(BUCKET, 0, "")
                .approve(GRANT)
                .append(dev.cutover.journal.EntryDraft.of(GRANT, 1, JournalEvent.POLL_TICK)
                        .withPollState("RUNNING"));

        assertThat(states())
                .containsEntry(VPC, StepState.IN_FLIGHT)
                .containsEntry(BUCKET, StepState.IN_FLIGHT)
                .containsEntry(GRANT, StepState.IN_FLIGHT)
                .containsEntry(SUBNETS, StepState.PENDING)
                .containsEntry(POLICY, StepState.PENDING);
    }

    @Test
    void aVerifyFailureAbortOrResumeRepromptLastIsAFailure() {
        journal.approve(VPC)
                .executed(VPC, 0, "")
                .event(VPC, JournalEvent.VERIFY_FAILED)
                .approve(BUCKET)
                .event(BUCKET, JournalEvent.ABORTED)
                .approve(GRANT)
                .executed(GRANT, 0, "")
                .event(GRANT, JournalEvent.RESUME_REVERIFIED)
                .event(GRANT, JournalEvent.RESUME_REPROMPTED);

        assertThat(states())
                .containsEntry(VPC, StepState.FAILED)
                .containsEntry(BUCKET, StepState.FAILED)
                .containsEntry(GRANT, StepState.FAILED)
                .containsEntry(SUBNETS, StepState.BLOCKED);
    }

    @Test
    void aFailedStepThatWasRetriedToSuccessIsSucceededAndUnblocksItsDependents() {
        journal.fail(BUCKET, "Throttling\n")
                .event(BUCKET, JournalEvent.APPROVED, "retry")
                .executed(BUCKET, 0, "")
                .event(BUCKET, JournalEvent.VERIFY_PASSED)
                .event(BUCKET, JournalEvent.STEP_SUCCEEDED);

        assertThat(states()).containsEntry(BUCKET, StepState.SUCCEEDED).containsEntry(POLICY, StepState.PENDING);
    }

    @Test
    void lockSsoAndRunLevelEntriesChangeNoStepState() {
        journal.lockAcquired()
                .event(VPC, JournalEvent.SSO_PROBE_PASSED)
                .append(dev.cutover.journal.EntryDraft.runLevel(JournalEvent.STEP_FAILED)
                        .withNotes("check 4"))
                .lockReleased();

        assertThat(states().values()).containsOnly(StepState.PENDING);
    }
}
