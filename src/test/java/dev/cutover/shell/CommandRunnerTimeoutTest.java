package dev.cutover.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
    // Guard only: the run must not wait for the orphan, nor for its timeout.
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void orphanThatOutlivesBashNeitherDelaysNorTimesOutTheRun() throws Exception {
        // bash exits at once; its background sleep keeps the log open and outlives it.
        long begun = System.nanoTime();
        CommandResult result = run("sleep 30 & echo $! >> " + pidFile, Duration.ofSeconds(10));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begun);

        List<Long> pids = pids();
        try {
            assertThat(pids).hasSize(1);
            assertThat(result.exitCode()).isZero();
            assertThat(result.timedOut()).isFalse();
            assertThat(elapsedMillis).isLessThan(5_000);
            // Not timed out, so nothing was killed: the orphan is the command's business (docs/shell.md).
            assertThat(BashFixture.running(pids.get(0))).isTrue();
        } finally {
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    @Test
    // Guard only: an interrupt that failed to stop the wait would leave this test hanging.
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void interruptKillsTheTreeWritesTheEndFrameAndRestoresTheFlag() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagRestored = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                bash.run("echo $$ >> " + pidFile + "; sleep 100 & echo $! >> " + pidFile + "; wait");
            } catch (Throwable e) {
                thrown.set(e);
                flagRestored.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        while (pids().size() < 2) {
            Thread.sleep(10);
        }

        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(15));

        List<Long> pids = pids();
        try {
            assertThat(thrown.get())
                    .isInstanceOfSatisfying(
                            CutoverException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL));
            assertThat(flagRestored).isTrue();
            assertThat(pids).noneMatch(BashFixture::running);
            assertThat(BashFixture.read(bash.stderrLog))
                    .containsPattern("cutover: interrupted; process tree killed\n==== .* execute exit=-?\\d+ ====\n$");
            assertThat(BashFixture.read(bash.stdoutLog)).containsPattern(" execute exit=-?\\d+ ====\n$");
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
