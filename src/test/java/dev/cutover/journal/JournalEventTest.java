package dev.cutover.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JournalEventTest {
    @Test
    void theClosedListHasTwentyFiveEventsWithDistinctKebabCaseWireNames() {
        assertThat(JournalEvent.values()).hasSize(25);
        assertThat(Arrays.stream(JournalEvent.values()).map(JournalEvent::wireName))
                .doesNotHaveDuplicates()
                .allMatch(n -> n.matches("^[a-z]+(-[a-z]+)*$"))
                .contains("lock-taken-over-from-stale", "resume-marked-done", "sso-probe-passed");
    }

    @ParameterizedTest
    @EnumSource(JournalEvent.class)
    void everyWireNameLooksItsEventUp(JournalEvent event) {
        assertThat(JournalEvent.fromWireName(event.wireName())).hasValue(event);
    }

    @Test
    void unknownOrUpperCaseNamesAreNotEvents() {
        assertThat(JournalEvent.fromWireName("APPROVED")).isEmpty();
        assertThat(JournalEvent.fromWireName("approval-granted")).isEmpty();
        assertThat(JournalEvent.fromWireName(null)).isEmpty();
    }

    @Test
    void approvalClassIsTheSevenEventsThatRequireAnOperator() {
        assertThat(EnumSet.allOf(JournalEvent.class).stream().filter(JournalEvent::isApprovalClass))
                .containsExactlyInAnyOrder(
                        JournalEvent.APPROVED,
                        JournalEvent.SKIPPED,
                        JournalEvent.ABORTED,
                        JournalEvent.ROLLBACK_APPROVED,
                        JournalEvent.ROLLBACK_SKIPPED,
                        JournalEvent.LOCK_ACQUIRED,
                        JournalEvent.LOCK_TAKEN_OVER_FROM_STALE);
    }

    @Test
    void resumeIgnoresExactlyTheLockAndSsoEvents() {
        assertThat(EnumSet.allOf(JournalEvent.class).stream().filter(JournalEvent::isIgnoredByResume))
                .containsExactlyInAnyOrder(
                        JournalEvent.LOCK_ACQUIRED,
                        JournalEvent.LOCK_TAKEN_OVER_FROM_STALE,
                        JournalEvent.LOCK_RELEASED,
                        JournalEvent.SSO_PROBE_PASSED,
                        JournalEvent.SSO_PROBE_FAILED);
    }

    @ParameterizedTest
    @EnumSource(JournalEvent.class)
    void everyEventEitherClassifiesAStepOrIsIgnoredByResume(JournalEvent event) {
        if (event.isIgnoredByResume()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> StepResumeState.after(event))
                    .isInstanceOf(IllegalArgumentException.class);
        } else {
            assertThat(StepResumeState.after(event)).isNotEqualTo(StepResumeState.PENDING);
        }
    }
}
