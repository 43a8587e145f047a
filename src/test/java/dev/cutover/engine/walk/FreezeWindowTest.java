package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write freezes per datastore (FORMATS.md §6.6), from the begin step's successful execute to the release. */
class FreezeWindowTest {
    private static final String ARN = "arn:aws:s3:::demo-data";
    private static final String FREEZE = "dp-phase4-010-freeze-source";
    private static final String DELTA = "dp-phase4-020-final-delta";
    private static final String SWITCH = "dp-phase4-030-switch-live";

    @TempDir
    Path tmp;

    private static String approvalPrompt(RunOutcome run, String step) {
        return run.asked(PromptKind.APPROVE, step).get(0).prompt();
    }

    private Scenario withExtraFreeze(String beginsAt) {
        return Scenario.demo(tmp)
                .editJson(
                        Scenario.DP,
                        dp -> ((ArrayNode) dp.path("freeze_windows"))
                                .addObject()
                                .put("datastore_arn", ARN)
                                .put("duration_minutes", 5)
                                .put("begins_at_step_id", beginsAt)
                                .put("release_step_id", "dp-phase4-090-release-freeze"));
    }

    @Test
    void aFreezeStartsAtItsBeginStepAndLaterPromptsShowWhatRemains() {
        Scenario scenario = Scenario.demo(tmp);
        ScriptedApprover approver = new ScriptedApprover()
                .onAsk(
                        q -> q.kind() == PromptKind.APPROVE && q.stepId().equals(DELTA),
                        q -> scenario.clock().advance(Duration.ofMinutes(11)));

        RunOutcome run = scenario.run(approver);

        assertThat(approvalPrompt(run, FREEZE)).doesNotContain("FREEZE:");
        assertThat(approvalPrompt(run, DELTA)).contains("FREEZE: " + ARN + " frozen for 0 min of 10 (10 min left)");
        assertThat(approvalPrompt(run, SWITCH)).contains("FREEZE: " + ARN).contains("OVERRUN by 1 min");
        assertThat(approvalPrompt(run, "dp-phase5-090-verify-checksums")).doesNotContain("FREEZE:");
        assertThat(run.verdict()).isEqualTo("completed");
    }

    @Test
    void aFreezeIsNeverReleasedAutomaticallyAndTheSummaryListsIt() {
        RunOutcome run = Scenario.demo(tmp)
                .run(new ScriptedApprover().answer(PromptKind.APPROVE, "dp-phase4-090-release-freeze", Choice.SKIP));

        assertThat(approvalPrompt(run, "dp-phase5-090-verify-checksums")).contains("FREEZE: " + ARN);
        assertThat(run.summary().path("active_freezes").toString()).contains(ARN);
        assertThat(run.verdict()).isEqualTo("completed");
    }

    @Test
    void aSecondFreezeOnAFrozenDatastoreOffersOnlySkipOrAbort() {
        RunOutcome run =
                withExtraFreeze(DELTA).run(new ScriptedApprover().answer(PromptKind.APPROVE, DELTA, Choice.SKIP));

        assertThat(run.asked(PromptKind.APPROVE, DELTA).get(0).choices()).containsExactly(Choice.SKIP, Choice.ABORT);
        assertThat(run.events(DELTA)).endsWith("skipped");
        assertThat(run.events(SWITCH)).isEmpty();
        assertThat(run.asked(PromptKind.APPROVE, FREEZE).get(0).choices()).contains(Choice.APPROVE);
    }

    @Test
    void aFreezeDoesNotStartWhenItsBeginStepsExecuteFails() {
        RunOutcome run = withExtraFreeze("dp-phase2-010-copy-data")
                .editItem("dp-phase2-010-copy-data", i -> i.put("command", "test -e service/no-such-job"))
                .run(new ScriptedApprover()
                        .answer(PromptKind.FAILURE, "dp-phase2-010-copy-data", Choice.ROLLBACK_CONTINUE));

        assertThat(run.entries("dp-phase2-010-copy-data", "executed")
                        .get(0)
                        .path("exit_code")
                        .asInt())
                .isEqualTo(1);
        assertThat(approvalPrompt(run, "dp-phase3-010-copy-config")).doesNotContain("FREEZE:");
    }
}
