package dev.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fault-injection harness's count of evidenced re-executions ({@link
 * ResumeFaultInjectionIT#retriesAfterFailedReverify}): only a {@code resume-reprompted} immediately followed,
 * for the same step, by {@code approved} with notes {@code resume retry} allows one more run of a step.
 */
class ResumeEvidenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STEP = "dp-phase3-020-register-app-a";
    private static final String OTHER = "dp-phase3-030-register-app-b";

    private static JsonNode entry(String step, String event, String notes) {
        return JSON.createObjectNode().put("step_id", step).put("event", event).put("notes", notes);
    }

    @Test
    void aRepromptFollowedByAResumeRetryApprovalCountsOnce() {
        List<JsonNode> entries = List.of(
                entry(STEP, "approved", "sha256=abc; answers file /a line 2"),
                entry(STEP, "resume-reverified", null),
                entry(STEP, "resume-reprompted", null),
                entry(OTHER, "step-started", null),
                entry(STEP, "approved", "resume retry; answers file /a line 5"),
                entry(STEP, "executed", null));

        assertThat(ResumeFaultInjectionIT.retriesAfterFailedReverify(entries, STEP))
                .isEqualTo(1);
        assertThat(ResumeFaultInjectionIT.retriesAfterFailedReverify(entries, OTHER))
                .isZero();
    }

    @Test
    void retriesWithoutAFailedReverifyOrRepromptsAnsweredOtherwiseDoNotCount() {
        List<JsonNode> entries = List.of(
                entry(STEP, "step-failed", null),
                entry(STEP, "rollback-offered", null),
                entry(STEP, "approved", "retry; answers file /a line 9"),
                entry(STEP, "resume-reprompted", null),
                entry(STEP, "skipped", null),
                entry(STEP, "resume-reprompted", null),
                entry(STEP, "approved", "sha256=abc"),
                entry(STEP, "resume-reprompted", null));

        assertThat(ResumeFaultInjectionIT.retriesAfterFailedReverify(entries, STEP))
                .isZero();
    }

    @Test
    void everyEvidencedRetryCounts() {
        List<JsonNode> entries = List.of(
                entry(STEP, "resume-reprompted", null),
                entry(STEP, "approved", "resume retry"),
                entry(STEP, "resume-reverified", null),
                entry(STEP, "resume-reprompted", null),
                entry(STEP, "approved", "resume retry"));

        assertThat(ResumeFaultInjectionIT.retriesAfterFailedReverify(entries, STEP))
                .isEqualTo(2);
    }
}
