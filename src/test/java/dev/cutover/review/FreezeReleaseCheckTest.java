package dev.cutover.review;

import static dev.cutover.review.RollbackCoverageCheckTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreezeReleaseCheckTest {
    private static final String WINDOW = "cutover-checklist-data-plane.json#/freeze_windows/0";

    @TempDir
    Path tmp;

    private final FreezeReleaseCheck check = new FreezeReleaseCheck();

    @Test
    void theDemosFreezeIsReleasedAfterItBegins() {
        List<Finding> findings = ReviewFixture.demo(tmp).findings(check);

        assertThat(findings)
                .containsExactly(Finding.pass(
                        FreezeReleaseCheck.NAME,
                        WINDOW,
                        "freeze on arn:aws:s3:::demo-data begun by dp-phase4-010-freeze-source, released by"
                                + " dp-phase4-090-release-freeze (planned 10 min)"));
    }

    @Test
    void aFreezeWithoutReleaseStepFails() {
        Finding f = only(release(null).findings(check), WINDOW);

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).endsWith("has no release step: writes stay blocked");
        assertThat(f.fix()).startsWith("set release_step_id");
    }

    @Test
    void aReleaseStepThatIsNotInThePlanFails() {
        Finding f = only(release("dp-phase4-099-no-such-step").findings(check), WINDOW);

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("release_step_id dp-phase4-099-no-such-step names no step of the plan");
    }

    @Test
    void aReleaseBeforeTheFreezeBeginsFails() {
        Finding f = only(release("dp-phase4-001-announce").findings(check), WINDOW);

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("its release step dp-phase4-001-announce runs before the freeze begins");
    }

    @Test
    void aSecondFreezeStepThatBeginsNoWindowFails() {
        String item = "{\"id\":\"dp-phase4-015-freeze-again\",\"description\":\"Freeze again\","
                + "\"owner_team\":\"platform\",\"datastore_arn\":\"arn:aws:s3:::demo-data\","
                + "\"operation_type\":\"freeze-writes\",\"command\":\"touch service/source/FROZEN2\","
                + "\"rollback_command\":\"rm -f service/source/FROZEN2\"}";
        List<Finding> findings = ReviewFixture.demo(tmp)
                .json(
                        ReviewFixture.DP,
                        root -> root.withArray("/phases/3/during_cutover").insert(1, parse(item)))
                .findings(check);

        Finding f = only(findings, "dp-phase4-015-freeze-again");
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).startsWith("freeze-writes step that begins no freeze window");
        assertThat(only(findings, WINDOW).status()).isEqualTo(Status.PASS);
    }

    private ReviewFixture release(String stepId) {
        return ReviewFixture.demo(tmp)
                .json(
                        ReviewFixture.DP,
                        root -> root.withObject("/freeze_windows/0").put("release_step_id", stepId));
    }

    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
