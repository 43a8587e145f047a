package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.app.StatusService;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.input.RunDirectory;
import dev.cutover.report.RunActivity;
import dev.cutover.report.StatusView;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the operator is shown while {@code cutover rollback} runs: its questions, and {@code cutover status}. */
class RollbackOperatorViewTest {
    private static final String SWITCH = "dp-phase4-030-switch-live";
    private static final String DELTA = "dp-phase4-020-final-delta";
    private static final String CONFIG = "dp-phase3-010-copy-config";

    @TempDir
    Path tmp;

    @Test
    void statusDuringARollbackSaysWhichRollbackQuestionItWaitsForNeverAFailureDecision() {
        // The delta's rollback leaves the data in place, so its check fails and the operator is asked again.
        Scenario s = Scenario.demo(tmp).editItem(DELTA, i -> i.put("rollback_command", "true"));
        assertThat(s.run(new ScriptedApprover()).verdict()).isEqualTo("completed");
        StatusService status = new StatusService(s.clock(), Map.of());
        List<String> seen = new ArrayList<>();
        ScriptedApprover approver = new ScriptedApprover()
                .answer(PromptKind.ROLLBACK, DELTA, Choice.APPROVE, Choice.SKIP)
                .onAsk(q -> q.kind() == PromptKind.ROLLBACK || q.kind() == PromptKind.IRREVERSIBLE, q -> {
                    StatusView view = status.status(new RunDirectory(s.dir()));
                    assertThat(view.activity()).isEqualTo(RunActivity.RUNNING);
                    seen.add(q.kind().wireName() + " " + q.stepId() + ": " + view.waitingFor());
                });

        RunOutcome r = s.rollback(approver);

        assertThat(r.verdict()).as(r.output()).isEqualTo("completed");
        String rollback = " (cutover rollback: approve, skip or abort)";
        assertThat(seen)
                .startsWith(
                        "irreversible " + SWITCH + ": waiting for the operator to confirm the manual procedure of "
                                + SWITCH + " (cutover rollback: irreversible step; approve or abort)",
                        "rollback " + SWITCH + ": waiting for the operator to approve the rollback of " + SWITCH
                                + rollback,
                        "rollback " + DELTA + ": waiting for the operator to approve the rollback of " + DELTA
                                + rollback,
                        "rollback " + DELTA + ": waiting for the operator to retry, skip or abort the rollback of "
                                + DELTA + " (cutover rollback: it did not undo the step)")
                .contains("irreversible " + CONFIG + ": waiting for the operator to confirm the manual procedure of "
                        + CONFIG + " (cutover rollback: the point of no return; approve or abort)")
                .noneMatch(line -> line.contains("failure"));
    }

    @Test
    void theRollbackPromptShowsTheCommandsOfAStepWithARuntimeValueAsTheyRanAndWillRunNotAsTemplates() {
        String label = "dp-phase3-020-label";
        Scenario s = Scenario.demo(tmp).withLabelStep(label, true);
        assertThat(s.run(new ScriptedApprover().param("label", "blue")).verdict())
                .isEqualTo("completed");

        RunOutcome r = s.rollback(new ScriptedApprover());

        assertThat(r.verdict()).as(r.output()).isEqualTo("completed");
        assertThat(r.asked(PromptKind.ROLLBACK, label).get(0).prompt())
                .contains("it ran:   touch service/target/config/'blue'")
                .contains("    rm -f service/target/config/'blue'")
                .contains("then check (read-only): `test -e service/target/config/'blue'` must no longer pass")
                .doesNotContain("{label}");
        assertThat(r.output()).contains("  " + label + "  (rollback: rm -f service/target/config/'blue')");
    }
}
