package dev.cutover.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTimeoutTest {
    @TempDir
    Path dir;

    BashFixture bash;
    Path pidFile;

    @BeforeEach
    void setUp() {
        bash = new BashFixture(dir);
        pidFile = dir.resolve("pids");
    }

    @Test
    void timeoutKillsBashItsChildrenAndGrandchildrenAndReports124() throws Exception {
        String command = "echo $$ >> " + pidFile + "; sleep 100 & echo $! >> " + pidFile + "; "
                + "(sleep 100 & echo $! >> " + pidFile + "; wait) & "
                + "echo started; sleep 100";

        CommandResult result = run(command, Duration.ofSeconds(1));

        List<Long> pids = pids();
        try {
            assertThat(pids).hasSize(3);
            assertThat(result.timedOut()).isTrue();
            assertThat(result.exitCode()).isEqualTo(124);
            assertThat(result.stdoutHead()).isEqualTo("started\n");
            assertThat(pids).noneMatch(BashFixture::running);
            assertThat(BashFixture.read(bash.stdoutLog)).endsWith(" execute exit=124 ====\n");
            assertThat(BashFixture.read(bash.stderrLog)).contains("cutover: timed out after PT1S; process tree killed");
        } finally {
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    @Test
    void processIgnoringSigtermIsKilledAfterTheGracePeriod() throws Exception {
        // `trap '' TERM` is inherited by the child sleep, so only SIGKILL ends either of them.
        String command = "trap '' TERM; echo $$ >> " + pidFile + "; sleep 100 & echo $! >> " + pidFile + "; wait";

        CommandResult result = run(command, Duration.ofMillis(500));

        List<Long> pids = pids();
        try {
            assertThat(pids).hasSize(2);
            assertThat(result.exitCode()).isEqualTo(124);
            assertThat(pids).noneMatch(BashFixture::running);
        } finally {
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    @Test
    // Guard only: without the timeout bounding the wait, the orphan would hold the pipe for 30 s.
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void timeoutBoundsTheWaitForAnOrphanThatKeepsThePipeOpen() throws Exception {
        // bash exits at once; its background sleep inherits stdout and outlives it.
        CommandResult result = run("sleep 30 & echo $! >> " + pidFile, Duration.ofSeconds(1));

        List<Long> pids = pids();
        try {
            assertThat(pids).hasSize(1);
            // If bash exits before the pump holds the stream, the JDK closes the pipe and we return at once
            // (docs/shell.md); otherwise the timeout ends the wait. Either way the run returns.
            assertThat(result.exitCode()).isIn(0, 124);
            assertThat(result.timedOut()).isEqualTo(result.exitCode() == 124);
        } finally {
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    @Test
    void commandFinishingBeforeTheTimeoutKeepsItsOwnExitCode() {
        CommandResult result = run("echo quick; exit 5", Duration.ofSeconds(30));

        assertThat(result.timedOut()).isFalse();
        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(BashFixture.read(bash.stderrLog)).doesNotContain("timed out");
    }

    private CommandResult run(String command, Duration timeout) {
        return bash.runner.run(bash.request(command).withTimeout(timeout));
    }

    private List<Long> pids() throws Exception {
        if (!Files.exists(pidFile)) {
            return List.of();
        }
        return Arrays.stream(Files.readString(pidFile).split("\\s+"))
                .filter(s -> !s.isBlank())
                .map(Long::parseLong)
                .collect(Collectors.toList());
    }
}
