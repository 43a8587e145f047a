package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.approval.Question;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The point of no return in the walk (issue 5): every prompt from that step on shows it, and crossing it is
 * confirmed on its own, after the step's approval and before its command runs. In the demo the point is the
 * config copy: it has no rollback command and the bulk copy has moved data before it.
 */
class PointOfNoReturnWalkTest {
    private static final String BEFORE = "dp-phase2-010-copy-data";
    private static final String POINT = "dp-phase3-010-copy-config";
    private static final String AFTER = "dp-phase4-030-switch-live";
    private static final String CROSSING = "CONFIRM CROSSING THE POINT OF NO RETURN at " + POINT;
    private static final String BEYOND = "BEYOND THE POINT OF NO RETURN";

    @TempDir
    Path tmp;

    @Test
    void promptsBeforeThePointDoNotMentionItThePointSaysSoAndEveryLaterPromptSaysItWasCrossed() {
        RunOutcome run = Scenario.demo(tmp).run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(run.approver().asked())
                .filteredOn(q -> q.stepId().compareTo(POINT) < 0)
                .as("no prompt before the point mentions it")
                .isNotEmpty()
                .allSatisfy(q -> assertThat(q.prompt()).doesNotContain("NO RETURN"));
        assertThat(approval(run, POINT)).contains("POINT OF NO RETURN at this step: no rollback command");
        assertThat(approval(run, AFTER)).contains("BEYOND THE POINT OF NO RETURN (crossed at " + POINT + ")");
        assertThat(run.asked(PromptKind.IRREVERSIBLE, AFTER))
                .as("the irreversible swap's own second confirmation also says it")
                .allSatisfy(q -> assertThat(q.prompt()).contains("BEYOND THE POINT OF NO RETURN"));
    }

    @Test
    void theGoNoGoSummaryNamesThePointAndWhy() {
        RunOutcome run = Scenario.demo(tmp).run(new ScriptedApprover());

        assertThat(run.asked(PromptKind.GO_NO_GO, "cp-phase0-000-run"))
                .singleElement()
                .satisfies(q -> assertThat(q.prompt())
                        .contains("point of no return: " + POINT + " (no rollback command for this lambda-code-upload"
                                + " step, and data has moved since " + BEFORE));
    }

    @Test
    void crossingThePointIsConfirmedSeparatelyAfterTheApprovalAndBeforeTheCommandRuns() {
        RunOutcome run = Scenario.demo(tmp).run(new ScriptedApprover());

        List<Question> confirmations = run.asked(PromptKind.IRREVERSIBLE, POINT);
        assertThat(confirmations).hasSize(1);
        assertThat(confirmations.get(0).prompt()).contains(CROSSING, "rolling back is impossible or much more");
        assertThat(run.events(POINT))
                .containsSubsequence("approval-requested", "approved", "approved", "executed", "step-succeeded");
        assertThat(run.entries(POINT, "approved").get(1).path("notes").asText())
                .isEqualTo("point of no return crossing confirmed; scripted by test");
        assertThat(run.asked(PromptKind.IRREVERSIBLE, BEFORE)).isEmpty();
    }

    @Test
    void abortingAtTheCrossingRunsNothingOfThePointAndEndsTheRunAborted() {
        RunOutcome run = Scenario.demo(tmp)
                .run(new ScriptedApprover()
                        .answer(PromptKind.APPROVE, POINT, Choice.APPROVE)
                        .answer(PromptKind.IRREVERSIBLE, POINT, Choice.ABORT));

        assertThat(run.verdict()).isEqualTo("aborted");
        assertThat(run.entries(POINT, "executed")).isEmpty();
        assertThat(run.entries(POINT, "aborted"))
                .singleElement()
                .satisfies(e -> assertThat(e.path("notes").asText()).startsWith("aborted by operator (at the point"));
        assertThat(run.file("service/target/config/app.conf")).doesNotExist();
    }

    @Test
    void aPointSkippedAtItsCrossingWasNotCrossedSoNoLaterPromptSaysItWas() {
        RunOutcome run =
                Scenario.demo(tmp).run(new ScriptedApprover().answer(PromptKind.IRREVERSIBLE, POINT, Choice.SKIP));

        assertThat(run.entries(POINT, "executed")).isEmpty();
        assertThat(later(run.approver().asked(), POINT))
                .as("the questions asked after the skipped crossing")
                .isNotEmpty()
                .allSatisfy(q -> assertThat(q.prompt()).doesNotContain(BEYOND));
        assertThat(run.output()).doesNotContain(BEYOND);
    }

    @Test
    void aResumeAfterTheCrossingWasSkippedStillDoesNotSayThePointWasCrossed() {
        Scenario s = Scenario.demo(tmp);
        s.run(new ScriptedApprover().answer(PromptKind.IRREVERSIBLE, POINT, Choice.SKIP));
        s.crashAfter(AFTER, "approval-requested");

        RunOutcome resumed = s.resume(new ScriptedApprover());

        assertThat(resumed.asked(PromptKind.APPROVE, AFTER))
                .as("asked again after the resume")
                .isNotEmpty()
                .allSatisfy(q -> assertThat(q.prompt()).doesNotContain(BEYOND));
    }

    @Test
    void aResumeAfterThePointRanSaysItWasCrossedAsTheJournalShows() {
        Scenario s = Scenario.demo(tmp);
        s.run(new ScriptedApprover());
        s.crashAfter(AFTER, "approval-requested");

        RunOutcome resumed = s.resume(new ScriptedApprover());

        assertThat(approval(resumed, AFTER)).contains(BEYOND + " (crossed at " + POINT + ")");
    }

    /** The questions asked after the last one about {@code step}. */
    private static List<Question> later(List<Question> asked, String step) {
        int last = -1;
        for (int i = 0; i < asked.size(); i++) {
            if (asked.get(i).stepId().equals(step)) {
                last = i;
            }
        }
        return asked.subList(last + 1, asked.size());
    }

    private static String approval(RunOutcome run, String step) {
        return run.asked(PromptKind.APPROVE, step).get(0).prompt();
    }
}
