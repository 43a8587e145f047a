package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.testing.OrphanedCommand;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crashed Cutover does not stop the command it started. While that command still runs (its marker names a live
 * process), resume and rollback refuse, so a half-done change is never re-verified and offered a second run.
 */
class InterruptedCommandTest {
    private static final String STEP = "dp-phase3-010-copy-config";

    @TempDir
    Path tmp;

    @Test
    void resumeAndRollbackRefuseWhileTheInterruptedRunsCommandRunsAndResumeOnceItEnded() throws Exception {
        Scenario run = Scenario.demo(tmp.resolve("run"));
        RunOutcome halted = run.run(new ScriptedApprover().answer(PromptKind.APPROVE, STEP, Choice.ABORT));
        assertThat(halted.verdict()).isEqualTo("aborted");
        Path journal = run.dir().resolve("execution-log.jsonl");
        long before = Files.size(journal);
        // What a SIGKILLed run leaves: its command's bash still running, and the marker naming it.
        Process command = new ProcessBuilder("sleep", "120").start();
        try {
            Path marker = run.dir().resolve("execution/" + STEP + ".execute.running");
            Files.writeString(
                    marker,
                    "pid=" + command.pid() + " started="
                            + command.toHandle().info().startInstant().orElseThrow() + " kind=execute\n");

            assertThatThrownBy(() -> run.resume(new ScriptedApprover()))
                    .isInstanceOfSatisfying(
                            CutoverException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.COMMAND_STILL_RUNNING))
                    .hasMessageContaining("execute command of " + STEP + " is still running (pid " + command.pid())
                    // The process table's start time can read up to a second early: shown to the second, as such.
                    .hasMessageContaining(", started about "
                            + command.toHandle()
                                    .info()
                                    .startInstant()
                                    .orElseThrow()
                                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                            + " by the process table")
                    .hasMessageContaining("Nothing was run or journaled");
            assertThatThrownBy(() -> run.rollback(new ScriptedApprover()))
                    .isInstanceOfSatisfying(
                            CutoverException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.COMMAND_STILL_RUNNING));
            assertThat(ErrorCode.COMMAND_STILL_RUNNING.exitCode()).isEqualTo(4);
            assertThat(Files.size(journal)).isEqualTo(before);

            command.destroy();
            assertThat(command.waitFor(10, TimeUnit.SECONDS)).isTrue();
            RunOutcome resumed = run.resume(new ScriptedApprover());

            assertThat(resumed.verdict()).as(resumed.output()).isEqualTo("completed");
            assertThat(marker).as("the ended command's marker is removed").doesNotExist();
            try (var files = Files.list(run.dir().resolve("execution"))) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .as("no marker outlives its command")
                        .noneMatch(name -> name.endsWith(".running"));
            }
        } finally {
            command.destroyForcibly();
        }
    }

    @Test
    void resumeAndRollbackRefuseWhileACommandStartedBeforeItsPidWasRecordedRuns() throws Exception {
        Scenario run = Scenario.demo(tmp.resolve("run"));
        RunOutcome halted = run.run(new ScriptedApprover().answer(PromptKind.APPROVE, STEP, Choice.ABORT));
        assertThat(halted.verdict()).isEqualTo("aborted");
        Path journal = run.dir().resolve("execution-log.jsonl");
        long before = Files.size(journal);
        // What a run killed between bash's start and the marker's rewrite with its pid leaves: the marker without
        // a pid, and the command running as the runner started it (cwd, logs; bash replaced itself by sleep).
        Path stdout = run.dir().resolve("execution/" + STEP + ".stdout.log");
        Path stderr = run.dir().resolve("execution/" + STEP + ".stderr.log");
        Process command = OrphanedCommand.start("sleep 30", run.dir(), stdout, stderr);
        try {
            Path marker = Files.writeString(
                    run.dir().resolve("execution/" + STEP + ".execute.running"),
                    OrphanedCommand.markerWithoutPid("sleep 30", run.dir(), stdout, stderr));

            assertThatThrownBy(() -> run.resume(new ScriptedApprover()))
                    .isInstanceOfSatisfying(
                            CutoverException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.COMMAND_STILL_RUNNING))
                    .hasMessageContaining("execute command of " + STEP + " is still running (pid " + command.pid());
            assertThatThrownBy(() -> run.rollback(new ScriptedApprover()))
                    .isInstanceOfSatisfying(
                            CutoverException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.COMMAND_STILL_RUNNING));
            assertThat(Files.size(journal)).isEqualTo(before);
            assertThat(marker).as("kept while its command runs").exists();

            command.destroy();
            assertThat(command.waitFor(10, TimeUnit.SECONDS)).isTrue();
            RunOutcome resumed = run.resume(new ScriptedApprover());

            assertThat(resumed.verdict()).as(resumed.output()).isEqualTo("completed");
            assertThat(marker).as("the ended command's marker is removed").doesNotExist();
        } finally {
            command.destroyForcibly();
        }
    }

    @Test
    void aMarkerWithoutPidWhoseCommandNeverStartedIsRemovedAndTheResumeCarriesOn() throws Exception {
        Scenario run = Scenario.demo(tmp.resolve("run"));
        RunOutcome halted = run.run(new ScriptedApprover().answer(PromptKind.APPROVE, STEP, Choice.ABORT));
        assertThat(halted.verdict()).isEqualTo("aborted");
        Path marker = Files.writeString(
                run.dir().resolve("execution/" + STEP + ".execute.running"),
                OrphanedCommand.markerWithoutPid(
                        "sleep 30",
                        run.dir(),
                        run.dir().resolve("execution/" + STEP + ".stdout.log"),
                        run.dir().resolve("execution/" + STEP + ".stderr.log")));

        RunOutcome resumed = run.resume(new ScriptedApprover());

        assertThat(resumed.verdict()).as(resumed.output()).isEqualTo("completed");
        assertThat(marker).doesNotExist();
    }
}
