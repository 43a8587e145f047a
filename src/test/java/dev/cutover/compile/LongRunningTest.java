package dev.cutover.compile;

import static dev.cutover.compile.Compiles.DP;
import static dev.cutover.compile.Compiles.Edit.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.error.CutoverException;
import dev.cutover.error.Problem;
import dev.cutover.policy.AllowedPrograms;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LongRunningTest {
    @TempDir
    Path dir;

    @Test
    void itemPollCommandIsNormalizedWithQueryOutputAccountAndProfile() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "dp-phase2-010-batch-docs");
        assertThat(step.longRunning()).isTrue();
        assertThat(step.pollCmd())
                .isEqualTo("aws s3control describe-job --job-id {job-id} --query 'Job.Status' --output text"
                        + " --account-id '210987654321' --profile $MIGRATION_TARGET_PROFILE");
        assertThat(step.pollIntervalSeconds()).isEqualTo(60);
        assertThat(step.pollTerminalStates()).containsExactly("Complete", "Failed");
        assertThat(step.pollSuccessStates()).containsExactly("Complete");
        assertThat(step.runtimeParams()).contains("job-id");
    }

    @Test
    void aPollCommandTheLintRejectsIsReplacedByTheRowsDescribeCallWithAWarning() {
        Plan plan = Compiles.compileEdited(
                dir, replace(DP, "/phases/1/during_cutover/0/poll_cmd", "\"curl https://jobs.example/status\""));

        ExecutionStep step = Compiles.step(plan, "dp-phase2-010-batch-docs");
        assertThat(step.pollCmd()).startsWith("aws s3control describe-job");
        assertThat(plan.warnings())
                .anyMatch(w -> w.message()
                        .equals("poll_cmd is not executable here (program `curl` is not allowed in a read command"
                                + " (preview, verify, poll, probe) (allowed_programs in cutover.yaml)); polls run `"
                                + step.pollCmd() + "` instead"));
    }

    @Test
    void aLongRunningStepWhosePollProgramsAreNotAllowedBlamesTheAllowListAndNamesEachRefusedCommand() {
        CutoverException e = Compiles.failure(
                dir,
                AllowedPrograms.flat(List.of("terraform", "true")),
                replace(DP, "/phases/1/during_cutover/0/poll_cmd", "\"cat job.state\""));

        Problem problem = Compiles.problemAt(e, DP, "/phases/1/during_cutover/0/poll_cmd");
        assertThat(problem.message())
                .startsWith("long-running step has no executable poll command; `cat job.state`: program `cat` is not"
                        + " allowed in a read command")
                .contains("; `aws s3control describe-job");
        assertThat(problem.fix()).startsWith("Add the program to allowed_programs in cutover.yaml (a read program)");
    }

    @Test
    void anExecutablePollCommandDrawsNoWarning() {
        assertThat(Compiles.complete().warnings()).noneMatch(w -> w.message().startsWith("poll_cmd"));
    }

    @Test
    void missingPollCommandUsesTheRowsDescribeCallAndStates() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "dp-phase2-040-datasync-labels");
        assertThat(step.pollCmd())
                .startsWith("aws datasync describe-task-execution --task-execution-arn {task-execution-arn}")
                .contains("--query Status --output text");
        assertThat(step.pollTerminalStates()).containsExactly("SUCCESS", "ERROR");
        assertThat(step.pollSuccessStates()).containsExactly("SUCCESS");
        assertThat(step.runtimeParams()).contains("task-arn", "task-execution-arn");
    }

    @Test
    void longRunningStepWithoutVerifyGetsPollDerivedVerify() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "dp-phase2-040-datasync-labels");
        assertThat(step.verifyCmd()).isEqualTo(step.pollCmd());
        assertThat(step.verifySuccessPattern()).isNull();
    }

    @Test
    void rdsRestoreTemplateVerifyBeatsPollDerivedVerify() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "dp-phase2-030-restore-db");
        assertThat(step.verifySuccessPattern()).isEqualTo("(?i)^available$");
        assertThat(step.pollSuccessStates()).containsExactly("available");
    }

    @Test
    void shortStepsHaveNoPolling() {
        ExecutionStep step = Compiles.step(Compiles.complete(), "dp-phase1-010-kms-grant-db");
        assertThat(step.longRunning()).isFalse();
        assertThat(step.pollCmd()).isNull();
        assertThat(step.pollIntervalSeconds()).isNull();
        assertThat(step.pollTerminalStates()).isEmpty();
    }

    @Test
    void longRunningWithoutPollCommandIsACompileError() {
        CutoverException e = Compiles.failure(dir, replace(DP, "/phases/3/during_cutover/0/long_running", "true"));
        assertThat(Compiles.problemAt(e, DP, "/phases/3/during_cutover/0/poll_cmd")
                        .message())
                .contains("no executable poll command");
    }

    @Test
    void longRunningWithoutSuccessStateIsACompileError() {
        CutoverException e = Compiles.failure(
                dir,
                replace(DP, "/phases/3/during_cutover/0/long_running", "true"),
                replace(DP, "/phases/3/during_cutover/0/poll_cmd", "\"aws s3api get-bucket-policy --bucket b\""),
                replace(DP, "/phases/3/during_cutover/0/poll_terminal_states", "[\"Pending\", \"Broken\"]"));
        assertThat(Compiles.problemAt(e, DP, "/phases/3/during_cutover/0/poll_terminal_states")
                        .message())
                .contains("no success state");
    }

    @Test
    void aMissingSuccessStateOfAPollRowNamesTheRowsOwnSuccessStateNotAGenericExample() {
        CutoverException e = Compiles.failure(
                dir, replace(DP, "/phases/1/during_cutover/3/poll_terminal_states", "[\"SUCCEEDED\", \"ERROR\"]"));

        Problem problem = Compiles.problemAt(e, DP, "/phases/1/during_cutover/3/poll_terminal_states");
        assertThat(problem.message())
                .isEqualTo("long-running step has no success state: none of SUCCEEDED, ERROR is a success state of"
                        + " datasync-start (its success state is SUCCESS)");
        assertThat(problem.fix())
                .startsWith("Add `SUCCESS` to poll_terminal_states")
                .doesNotContain("SUCCEEDED");
    }

    @Test
    void withoutAPollRowGenericSuccessStatesCount() {
        Plan plan = Compiles.compileEdited(
                dir,
                replace(DP, "/phases/3/during_cutover/0/long_running", "true"),
                replace(DP, "/phases/3/during_cutover/0/poll_cmd", "\"aws s3api get-bucket-policy --bucket b\""),
                replace(DP, "/phases/3/during_cutover/0/poll_terminal_states", "[\"Completed\", \"Failed\"]"));
        ExecutionStep step = Compiles.step(plan, "dp-phase4-010-freeze-docs");
        assertThat(step.pollSuccessStates()).containsExactly("Completed");
        assertThat(step.pollCmd()).contains("--profile $MIGRATION_SOURCE_PROFILE");
    }

    @Test
    void s3SyncIgnoresTheLongRunningFlagWithAWarning() {
        Plan plan = Compiles.compileEdited(
                dir,
                replace(DP, "/phases/3/during_cutover/0/operation_type", "\"s3-sync\""),
                replace(DP, "/phases/3/during_cutover/0/long_running", "true"));
        assertThat(Compiles.step(plan, "dp-phase4-010-freeze-docs").longRunning())
                .isFalse();
        assertThat(plan.warnings()).anyMatch(w -> w.message().contains("ignored for s3-sync"));
    }
}
