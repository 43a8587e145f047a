package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.approval.Question;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-step approval (FORMATS.md §6.2): skip, the handoff, irreversible steps, and the approved command's hash. */
class StepApprovalTest {
    private static final String COPY = "dp-phase2-010-copy-data";
    private static final String SWITCH = "dp-phase4-030-switch-live";
    private static final String HANDOFF = "cp-phase6-999-handoff-to-data-plane";

    @TempDir
    Path tmp;

    @Test
    void skippingAStepBlocksItsDependentsWhichGetNoEvents() {
        RunOutcome run = Scenario.demo(tmp).run(new ScriptedApprover().answer(PromptKind.APPROVE, COPY, Choice.SKIP));

        assertThat(run.events(COPY)).containsExactly("step-started", "approval-requested", "skipped");
        for (String dependent : FailingStep.DEPENDENTS) {
            assertThat(run.events(dependent)).as(dependent).isEmpty();
        }
        assertThat(run.events("dp-phase3-010-copy-config")).endsWith("step-succeeded");
        assertThat(run.file("service/copy-job.state")).doesNotExist();
        assertThat(run.summary().path("steps_skipped").asInt()).isEqualTo(1);
        assertThat(run.summary().path("steps_blocked").asInt()).isEqualTo(FailingStep.DEPENDENTS.length);
        assertThat(run.verdict()).isEqualTo("halted");
    }

    @Test
    void theHandoffOffersOnlyApproveOrAbortAndListsItsCriteria() {
        RunOutcome run = Scenario.demo(tmp).run(new ScriptedApprover());

        List<Question> handoff = run.asked(PromptKind.HANDOFF, HANDOFF);
        assertThat(handoff).hasSize(1);
        assertThat(handoff.get(0).choices()).containsExactly(Choice.APPROVE, Choice.ABORT);
        assertThat(handoff.get(0).prompt())
                .contains("The target folders exist and are empty.")
                .contains("data-plane IAM policy is attached");
        assertThat(run.asked(PromptKind.APPROVE, HANDOFF)).isEmpty();
    }

    @Test
    void anIrreversibleStepWithARollbackSaysWhatTheRollbackCannotUndoAndNeverThatNoCommandUndoesIt() {
        RunOutcome run = Scenario.demo(tmp).run(new ScriptedApprover());

        String prompt = run.asked(PromptKind.APPROVE, SWITCH).get(0).prompt();
        assertThat(prompt)
                .contains("IRREVERSIBLE: its rollback command restores the configuration, not what happened in the"
                        + " meantime")
                .doesNotContain("no command undoes");
        assertThat(run.entries(SWITCH, "approved").get(0).path("cmd").asText()).contains("ln -sfn");
    }

    @Test
    void abortingAtTheHandoffStopsBeforeAnyDataPlaneStep() {
        RunOutcome run =
                Scenario.demo(tmp).run(new ScriptedApprover().answer(PromptKind.HANDOFF, HANDOFF, Choice.ABORT));

        assertThat(run.events(HANDOFF)).endsWith("aborted");
        assertThat(run.timeline()).noneMatch(e -> e.startsWith("dp-"));
        assertThat(run.exitCode()).isEqualTo(5);
    }

    @Test
    void anIrreversibleStepAsksASecondConfirmationBeforeItRuns() {
        RunOutcome run = Scenario.demo(tmp).run(new ScriptedApprover());

        assertThat(run.asked(PromptKind.IRREVERSIBLE, SWITCH)).hasSize(1);
        List<JsonNode> approvals = run.entries(SWITCH, "approved");
        assertThat(approvals).hasSize(2);
        assertThat(approvals.get(1).path("notes").asText()).startsWith("irreversible re-confirmation");
        assertThat(run.events(SWITCH)).containsSubsequence("approved", "approved", "executed");
        assertThat(run.asked(PromptKind.APPROVE, SWITCH).get(0).prompt()).contains("IRREVERSIBLE");
        assertThat(run.asked(PromptKind.IRREVERSIBLE, "dp-phase4-020-final-delta"))
                .isEmpty();
    }

    @Test
    void skippingAtTheIrreversibleConfirmationRunsNothing() throws Exception {
        RunOutcome run =
                Scenario.demo(tmp).run(new ScriptedApprover().answer(PromptKind.IRREVERSIBLE, SWITCH, Choice.SKIP));

        assertThat(run.events(SWITCH)).containsExactly("step-started", "approval-requested", "approved", "skipped");
        assertThat(Files.readSymbolicLink(run.file("service/live"))).isEqualTo(Path.of("source", "demo-data"));
        assertThat(run.events("dp-phase5-090-verify-checksums")).isEmpty();
        assertThat(run.verdict()).isEqualTo("halted");
    }

    @Test
    void theApprovalRecordsTheSha256OfTheExactCommandThatRan() throws Exception {
        RunOutcome run = Scenario.demo(tmp).run(new ScriptedApprover());

        for (JsonNode executed : run.entries().stream()
                .filter(e -> e.path("event").asText().equals("executed"))
                .toList()) {
            String step = executed.path("step_id").asText();
            String hash = sha256(executed.path("cmd").asText());
            assertThat(run.entries(step, "approved").get(0).path("notes").asText())
                    .as(step)
                    .contains("sha256=" + hash);
            assertThat(run.entries(step, "approval-requested")
                            .get(0)
                            .path("cmd")
                            .asText())
                    .isEqualTo(executed.path("cmd").asText());
        }
        Question copy = run.asked(PromptKind.APPROVE, COPY).get(0);
        assertThat(copy.prompt()).contains(Scenario.SYNC_COPY).contains(sha256(Scenario.SYNC_COPY));
    }

    @Test
    void theApprovalPromptShowsWhatTheOperatorApproves() {
        RunOutcome run = Scenario.demo(tmp).run(new ScriptedApprover());

        assertThat(run.asked(PromptKind.APPROVE, COPY).get(0).prompt())
                .contains("Start the background copy of service/source/demo-data")
                .contains("arn:aws:s3:::demo-data")
                .contains("datasync-start")
                .contains("risk:     medium")
                .contains("owner: platform")
                .contains("rollback: rm -rf service/target/demo-data && mkdir service/target/demo-data");
        assertThat(run.asked(PromptKind.APPROVE, "cp-phase4-001-confirm-reader")
                        .get(0)
                        .prompt())
                .contains("MANUAL STEP");
    }

    @Test
    void abortingAtAnApprovalEndsTheRunAbortedBeforeTheCommandRuns() {
        RunOutcome run = Scenario.demo(tmp).run(new ScriptedApprover().answer(PromptKind.APPROVE, COPY, Choice.ABORT));

        assertThat(run.events(COPY)).containsExactly("step-started", "approval-requested", "aborted");
        assertThat(run.entries(COPY, "aborted").get(0).path("operator").asText())
                .isEqualTo("tester");
        assertThat(run.file("service/copy-job.state")).doesNotExist();
        assertThat(run.events("dp-phase3-010-copy-config")).isEmpty();
        assertThat(run.exitCode()).isEqualTo(5);
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
