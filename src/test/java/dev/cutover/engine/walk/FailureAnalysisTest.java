package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed step's dialog explains the failure and names next moves; the journal records the category. */
class FailureAnalysisTest {
    private static final String STEP = "dp-phase3-010-copy-config";

    @TempDir
    Path tmp;

    @Test
    void anAccessDeniedFailureIsAnalysedInTheDialogTheJournalAndTheReport() throws Exception {
        Scenario scenario = Scenario.demo(tmp)
                .editItem(
                        STEP,
                        i -> i.put(
                                "command",
                                "bash -c 'echo \"An error"
                                        + " occurred (AccessDenied) when calling the PutObject operation: Access Denied\" >&2; exit 254'"));

        RunOutcome run =
                scenario.run(new ScriptedApprover().answer(PromptKind.FAILURE, STEP, Choice.ABORT_NO_ROLLBACK));

        String dialog = run.asked(PromptKind.FAILURE, STEP).get(0).prompt();
        assertThat(dialog)
                .contains("analysis: access-denied")
                .contains("PutObject")
                .contains("1. ");
        assertThat(run.entries(STEP, "step-failed").get(0).path("notes").asText())
                .endsWith("analysis: access-denied");
        assertThat(java.nio.file.Files.readString(run.file("execution-report.md")))
                .contains("analysis: access-denied");
    }
}
