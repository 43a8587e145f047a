package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.approval.Question;
import dev.cutover.engine.ApprovedCommand;
import dev.cutover.error.CutoverException;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Go/no-go before the walk (FORMATS.md §6.1) and the refusal of a command that is not the approved one. */
class GoNoGoTest {
    private static final String RUN = "cp-phase0-000-run";

    @TempDir
    Path tmp;

    @Test
    void cancellingAtGoNoGoAbortsReleasesTheLockAndRunsNoStep() {
        RunOutcome run = Scenario.demo(tmp).run(new ScriptedApprover().answer(PromptKind.GO_NO_GO, RUN, Choice.CANCEL));

        assertThat(run.timeline()).containsExactly(RUN + " lock-acquired", RUN + " aborted", RUN + " lock-released");
        assertThat(run.entries(RUN, "aborted").get(0).path("notes").asText())
                .startsWith("operator declined at pre-flight");
        assertThat(run.verdict()).isEqualTo("aborted");
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.file("RUNNING.lock")).doesNotExist();
        assertThat(run.file("service/target")).doesNotExist();
    }

    @Test
    void theGoNoGoSummaryCountsTheStepsAndComesBeforeAnyStep() {
        RunOutcome run = Scenario.demo(tmp).run(new ScriptedApprover());

        Question first = run.approver().asked().get(0);
        assertThat(first.kind()).isEqualTo(PromptKind.GO_NO_GO);
        assertThat(first.choices()).containsExactly(Choice.PROCEED, Choice.CANCEL);
        assertThat(first.prompt())
                .contains("15 steps")
                .contains("irreversible: 1")
                .contains("human: 4")
                .contains("| sandbox |")
                .contains("owner teams: platform")
                .containsPattern("blast radius: [1-9][0-9]* resource\\(s\\) changed by [1-9][0-9]* mutating step");
    }

    @Test
    void theGoIsJournaledWithWhoGaveItBeforeTheFirstStep() {
        RunOutcome run = Scenario.demo(tmp).run(new ScriptedApprover());

        assertThat(run.timeline()).startsWith(RUN + " lock-acquired", RUN + " approved");
        assertThat(run.entries(RUN, "approved").get(0).path("notes").asText())
                .isEqualTo("go/no-go: proceed; scripted by test");
        assertThat(run.entries(RUN, "approved").get(0).path("operator").asText())
                .isNotBlank();
    }

    @Test
    void aCommandWhoseHashDiffersFromTheApprovedOneIsRefused() {
        ApprovedCommand approved = ApprovedCommand.of("cp service/source/app.conf service/target/config/app.conf");

        assertThat(approved.require(approved.text(), "dp-phase3-010-copy-config"))
                .isEqualTo(approved.text());
        assertThatThrownBy(() -> approved.require(approved.text() + " ", "dp-phase3-010-copy-config"))
                .isInstanceOf(CutoverException.class)
                .hasMessageContaining("differs from the approved one");
    }
}
