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
 * A long-running job the operator starts by hand (an elided command becomes a human step): the id its poll needs
 * is asked only after the operator approved, i.e. confirmed the job was started (FORMATS.md §4.3 (R)), and the
 * journal records it as captured.
 */
class HumanLongRunningStepTest {
    private static final String STEP = "dp-phase2-010-copy-data";

    @TempDir
    Path tmp;

    @Test
    void theJobIdOfAManuallyStartedJobIsAskedAfterApprovalAndPolled() {
        Scenario scenario = Scenario.demo(tmp)
                .file("service/job-42.state", "SUCCESS\n")
                .editItem(
                        STEP,
                        i -> i.put("command", "aws datasync start-task-execution ... (console)")
                                .put("poll_cmd", "cat service/job-<id>.state")
                                .put("verification_command", "test -e service/job-42.state"));
        ScriptedApprover approver = new ScriptedApprover().param("job-id", "42");

        RunOutcome run = scenario.run(approver);

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        List<String> asked = approver.asked().stream()
                .filter(q -> STEP.equals(q.stepId()))
                .map(Question::wireName)
                .toList();
        assertThat(asked).containsSubsequence("approve", "param:job-id");
        assertThat(asked.indexOf("param:job-id")).isGreaterThan(asked.indexOf("approve"));
        assertThat(run.entries(STEP, "executed").get(0).path("notes").asText()).contains("captured: job-id=42");
        assertThat(run.entries(STEP, "poll-tick").get(0).path("cmd").asText()).isEqualTo("cat service/job-'42'.state");
    }

    @Test
    void aRetryAsksForTheIdOfTheJobTheOperatorStartedAgainAndPollsThatOne() {
        Scenario scenario = Scenario.demo(tmp)
                .file("service/job-42.state", "ERROR\n")
                .file("service/job-43.state", "SUCCESS\n")
                .editItem(
                        STEP,
                        i -> i.put("command", "aws datasync start-task-execution ... (console)")
                                .put("poll_cmd", "cat service/job-<id>.state")
                                .put("verification_command", "test -e service/job-43.state"));
        ScriptedApprover approver =
                new ScriptedApprover().param("job-id", "42", "43").answer(PromptKind.FAILURE, STEP, Choice.RETRY);

        RunOutcome run = scenario.run(approver);

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(run.entries(STEP, "executed").get(1).path("notes").asText()).contains("captured: job-id=43");
        assertThat(run.entries(STEP, "poll-tick").get(1).path("cmd").asText()).isEqualTo("cat service/job-'43'.state");
    }
}
