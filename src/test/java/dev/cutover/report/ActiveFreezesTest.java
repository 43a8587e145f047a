package dev.cutover.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.journal.JournalEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActiveFreezesTest {
    static final String ORDERS = "arn:aws:rds:eu-west-1:111111111111:db:orders";
    static final String FREEZE = "dp-phase4-010-orders-freeze-writes";
    static final String SNAPSHOT = "dp-phase4-020-orders-snapshot";
    static final String RELEASE = "dp-phase5-010-orders-release";

    static final FreezeSpec SPEC = new FreezeSpec(ORDERS, 30, FREEZE, RELEASE);

    @TempDir
    Path dir;

    @AutoClose
    TestJournal journal;

    @BeforeEach
    void open() {
        journal = new TestJournal(dir);
    }

    private List<ActiveFreeze> active(List<FreezeSpec> specs, Instant now) {
        return ActiveFreezes.of(journal.entries(), specs, now);
    }

    @Test
    void aFreezeStartsAtTheSuccessfulExecuteOfItsBeginsStepAndCountsElapsedAndRemaining() {
        journal.approve(FREEZE).executed(FREEZE, 0, "");
        Instant frozenAt = journal.now();
        journal.event(FREEZE, JournalEvent.VERIFY_PASSED).event(FREEZE, JournalEvent.STEP_SUCCEEDED);

        List<ActiveFreeze> active =
                active(List.of(SPEC), frozenAt.plus(Duration.ofMinutes(12).plusSeconds(59)));

        assertThat(active).singleElement().satisfies(f -> {
            assertThat(f.spec()).isEqualTo(SPEC);
            assertThat(f.startedAt()).isEqualTo(frozenAt);
            assertThat(f.elapsedMinutes()).isEqualTo(12);
            assertThat(f.remainingMinutes()).isEqualTo(18);
            assertThat(f.overrun()).isFalse();
        });
    }

    @Test
    void aFreezeEndsWhenItsReleaseStepSucceeds() {
        journal.succeed(FREEZE).succeed(SNAPSHOT).approve(RELEASE).executed(RELEASE, 0, "");

        assertThat(active(List.of(SPEC), journal.now())).hasSize(1);

        journal.event(RELEASE, JournalEvent.VERIFY_PASSED).event(RELEASE, JournalEvent.STEP_SUCCEEDED);

        assertThat(active(List.of(SPEC), journal.now())).isEmpty();
    }

    @Test
    void aFreezePastItsDurationIsOverrunWithNegativeRemainingMinutes() {
        journal.succeed(FREEZE).after(Duration.ofMinutes(45));

        ActiveFreeze freeze = active(List.of(SPEC), journal.now()).get(0);

        assertThat(freeze.elapsedMinutes()).isEqualTo(45);
        assertThat(freeze.remainingMinutes()).isEqualTo(-15);
        assertThat(freeze.overrun()).isTrue();
    }

    @Test
    void onlyAnExecuteWithExitCodeZeroStartsAFreeze() {
        journal.approve(FREEZE).executed(FREEZE, 1, "Throttling");

        assertThat(active(List.of(SPEC), journal.now())).isEmpty();

        journal.event(FREEZE, JournalEvent.APPROVED, "retry").executed(FREEZE, 0, "");
        Instant frozenAt = journal.now();
        journal.after(Duration.ofMinutes(5));

        assertThat(active(List.of(SPEC), journal.now()))
                .singleElement()
                .satisfies(f -> assertThat(f.startedAt()).isEqualTo(frozenAt));
    }

    @Test
    void aFreezeWithoutReleaseStepIsNeverReleasedAndAStepSucceededBeforeTheStartReleasesNothing() {
        FreezeSpec noRelease = new FreezeSpec(ORDERS, 30, FREEZE, null);
        FreezeSpec releasedEarly = new FreezeSpec("arn:aws:s3:::assets", 10, FREEZE, SNAPSHOT);
        journal.succeed(SNAPSHOT).succeed(FREEZE).succeed(RELEASE);

        assertThat(active(List.of(noRelease, releasedEarly, SPEC), journal.now()))
                .extracting(ActiveFreeze::spec)
                .containsExactly(noRelease, releasedEarly);
    }

    @Test
    void aFreezeWhoseBeginsStepNeverRanIsNotActive() {
        journal.succeed(SNAPSHOT);

        assertThat(active(List.of(SPEC), journal.now())).isEmpty();
    }
}
