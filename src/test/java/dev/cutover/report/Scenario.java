package dev.cutover.report;

import static dev.cutover.testing.TestStep.step;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.EntryDraft;
import dev.cutover.journal.JournalEvent;
import java.time.Duration;
import java.util.List;

/** An eleven-step plan over both planes, and journals of it ending in each of the ways reports must show. */
final class Scenario {
    static final String BACKEND = "cp-phase0-010-state-backend";
    static final String VPC = "cp-phase1-010-vpc";
    static final String SUBNETS = "cp-phase1-020-subnets";
    static final String ASSETS = "cp-phase2-010-assets-bucket";
    static final String ORDERS_DB = "cp-phase3-010-orders-db";
    static final String HANDOFF = ExecutionStep.HANDOFF_STEP_ID;
    static final String GRANT = "dp-phase1-010-kms-grant";
    static final String DATASYNC = "dp-phase2-010-assets-datasync-start";
    static final String FREEZE = "dp-phase4-010-orders-freeze-writes";
    static final String DNS = "dp-phase4-020-dns-switch";
    static final String VALIDATE = "dp-phase5-010-validate";

    static final List<ExecutionStep> PLAN = List.of(
            step(BACKEND).build(),
            step(VPC).build(),
            step(SUBNETS).requires(VPC).build(),
            step(ASSETS).build(),
            step(ORDERS_DB).requires(SUBNETS).build(),
            dev.cutover.testing.TestStep.handoff(ORDERS_DB),
            step(GRANT).requires(HANDOFF).build(),
            step(DATASYNC).requires(GRANT).polled().build(),
            step(FREEZE).requires(GRANT).build(),
            step(DNS).requires(FREEZE).markedIrreversible().build(),
            step(VALIDATE).requires(DNS).build());

    static final FreezeSpec ORDERS_FREEZE =
            new FreezeSpec("arn:aws:rds:eu-west-1:111111111111:db:orders", 30, FREEZE, VALIDATE);

    private Scenario() {}

    /** Every step succeeds except ASSETS (skipped); DATASYNC is retried once, DNS re-confirmed. */
    static void completed(TestJournal j) {
        j.lockAcquired().succeed(BACKEND).succeed(VPC).succeed(SUBNETS).skip(ASSETS, "bucket pre-created by ops");
        j.succeed(ORDERS_DB).succeed(HANDOFF).succeed(GRANT);
        j.approve(DATASYNC)
                .executed(DATASYNC, 254, "ThrottlingException: Rate exceeded")
                .event(DATASYNC, JournalEvent.STEP_FAILED)
                .event(DATASYNC, JournalEvent.ROLLBACK_OFFERED)
                .event(DATASYNC, JournalEvent.APPROVED, "retry")
                .executed(DATASYNC, 0, "")
                .append(EntryDraft.of(DATASYNC, 2, JournalEvent.POLL_TICK).withPollState("SUCCESS"))
                .append(EntryDraft.of(DATASYNC, 2, JournalEvent.POLL_TERMINAL).withPollState("SUCCESS"))
                .event(DATASYNC, JournalEvent.VERIFY_PASSED)
                .event(DATASYNC, JournalEvent.STEP_SUCCEEDED);
        j.succeed(FREEZE).after(Duration.ofMinutes(10));
        j.approve(DNS)
                .event(DNS, JournalEvent.APPROVED, "irreversible re-confirmation")
                .executed(DNS, 0, "")
                .event(DNS, JournalEvent.VERIFY_PASSED)
                .event(DNS, JournalEvent.STEP_SUCCEEDED);
        j.succeed(VALIDATE).lockReleased();
    }

    /** BACKEND skipped, VPC succeeds, SUBNETS fails; ASSETS is left pending and everything downstream blocked. */
    static void halted(TestJournal j) {
        j.lockAcquired().skip(BACKEND, null).succeed(VPC).fail(SUBNETS, "Error: creating subnet\n| InvalidCidr `x`\n");
        j.lockReleased();
    }

    /** Two steps succeed, the third is executing when the process dies: no end, lock left behind. */
    static void crashedMidStep(TestJournal j) {
        j.lockAcquired().succeed(BACKEND).succeed(VPC).approve(SUBNETS).executed(SUBNETS, 0, "");
    }
}
