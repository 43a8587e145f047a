package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run directory the walk cannot write: refused before anything runs when pre-flight can see it, and a halt that
 * keeps the lock for {@code --resume} (never an internal error) when it happens in the middle of the walk.
 */
class RunDirectoryFailureTest {
    private static final String STEP = "dp-phase3-010-copy-config";

    @TempDir
    Path tmp;

    @Test
    void aStepLogFolderThatIsAFileIsRefusedBeforeAnythingIsWritten() throws Exception {
        Scenario run = Scenario.demo(tmp.resolve("run"));
        Files.writeString(run.dir().resolve("execution"), "not a folder\n");

        assertThatThrownBy(() -> run.run(new ScriptedApprover()))
                .isInstanceOfSatisfying(
                        CutoverException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RUN_FILE_IN_THE_WAY))
                .hasMessageContaining("check 3 (run directory): " + run.dir().resolve("execution"))
                .hasMessageContaining("is not a folder");
        assertThat(ErrorCode.RUN_FILE_IN_THE_WAY.exitCode()).isEqualTo(3);
        assertThat(run.dir().resolve("execution-log.jsonl")).doesNotExist();
        assertThat(run.dir().resolve("RUNNING.lock")).doesNotExist();
        assertThat(run.dir().resolve("service/target/config/app.conf")).doesNotExist();
    }

    @Test
    void aStepLogFolderLostMidWalkHaltsKeepingTheLockAndResumeReverifiesInsteadOfRerunning() throws Exception {
        Scenario run = Scenario.demo(tmp.resolve("run"))
                .editItem(
                        STEP,
                        item -> item.put(
                                "command",
                                // Does the step's work, then (once) turns the step-log folder into a file, as a full or
                                // remounted disk would make it unwritable.
                                "cp service/source/app.conf service/target/config/app.conf && bash -c 'test -e sabotaged ||"
                                        + " { touch sabotaged && rm -rf execution && touch execution; }'"));

        RunOutcome halted = run.run(new ScriptedApprover());

        assertThat(halted.verdict()).as(halted.output()).isEqualTo("halted");
        assertThat(halted.exitCode()).isEqualTo(1);
        assertThat(halted.output())
                .contains("HALT: ")
                .contains("The lock is kept: continue with `cutover execute --run-dir " + run.dir() + " --resume`");
        assertThat(run.dir().resolve("RUNNING.lock")).exists();
        assertThat(halted.events("cp-phase0-000-run")).doesNotContain("lock-released");
        assertThat(halted.events(STEP)).doesNotContain("step-succeeded");

        Files.delete(run.dir().resolve("execution"));
        RunOutcome resumed = run.resume(new ScriptedApprover());

        assertThat(resumed.verdict()).as(resumed.output()).isEqualTo("completed");
        assertThat(resumed.events(STEP)).contains("resume-reverified", "resume-marked-done");
        assertThat(resumed.entries(STEP, "executed"))
                .hasSize(halted.entries(STEP, "executed").size());
    }
}
