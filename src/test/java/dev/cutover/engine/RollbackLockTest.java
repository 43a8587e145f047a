package dev.cutover.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cutover rollback} takes the run lock like execute: a live holder in another process refuses it (exit 4). */
class RollbackLockTest {
    @TempDir
    Path tmp;

    @Test
    void aLiveRunHoldingTheLockRefusesTheRollbackWithExitFourAndNothingIsJournaled() throws Exception {
        Scenario s = Scenario.demo(tmp);
        assertThat(s.run(new ScriptedApprover()).verdict()).isEqualTo("completed");
        long journal = Files.size(s.dir().resolve("execution-log.jsonl"));

        try (LockHolderProcess child = LockHolderProcess.start(s.dir())) {
            child.awaitLine("READY");
            child.go();
            assertThat(child.awaitLine("WON", "LOST")).startsWith("WON");

            assertThatThrownBy(() -> s.rollback(new ScriptedApprover()))
                    .isInstanceOfSatisfying(CutoverException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.LOCK_HELD);
                        assertThat(e.exitCode()).isEqualTo(4);
                    });
        }
        assertThat(Files.size(s.dir().resolve("execution-log.jsonl"))).isEqualTo(journal);
        assertThat(Files.readSymbolicLink(s.dir().resolve("service/live"))).isEqualTo(Path.of("target", "demo-data"));
    }
}
