package dev.cutover.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerLogTest {
    static final String AT = BashFixture.AT;

    @TempDir
    Path dir;

    BashFixture bash;

    @BeforeEach
    void setUp() {
        bash = new BashFixture(dir);
    }

    @Test
    void stdoutAndStderrGoToTheirOwnFramedLogs() {
        CommandResult result = bash.run("echo to-out; echo to-err >&2; exit 3");

        assertThat(BashFixture.read(bash.stdoutLog))
                .isEqualTo("==== " + AT + " execute start ====\nto-out\n==== " + AT + " execute exit=3 ====\n");
        assertThat(BashFixture.read(bash.stderrLog))
                .isEqualTo("==== " + AT + " execute start ====\nto-err\n==== " + AT + " execute exit=3 ====\n");
        assertThat(result.stdoutBytes()).isEqualTo("to-out\n".length());
        assertThat(result.stderrBytes()).isEqualTo("to-err\n".length());
    }

    @Test
    void aCommandThatTruncatesItsOwnLogIsReadFromTheStartOfWhatIsLeftAndSaysSo() {
        bash.run("echo an earlier command of the step wrote quite a lot of output here");

        CommandResult result = bash.run("echo hi > /dev/stdout; echo kept >&2");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdoutHead()).isEqualTo("hi\n");
        assertThat(result.stdoutTail()).isEqualTo("hi\n");
        assertThat(result.stderrTail()).isEqualTo("kept\n");
        assertThat(BashFixture.read(bash.stdoutLog))
                .as("the earlier output is gone: the command truncated the file")
                .startsWith("hi\n");
        assertThat(BashFixture.read(bash.stderrLog))
                .contains("cutover: the command truncated its own stdout log")
                .endsWith("==== " + AT + " execute exit=0 ====\n");
    }

    @Test
    void twoCommandsAppendBothFramesInOrder() {
        bash.run("echo first");
        bash.runner.run(new CommandRequest(
                "echo second; exit 1",
                bash.cwd,
                BashFixture.baseEnvironment(),
                bash.stdoutLog,
                bash.stderrLog,
                "verify",
                null));

        assertThat(BashFixture.read(bash.stdoutLog))
                .isEqualTo("==== " + AT + " execute start ====\n"
                        + "first\n"
                        + "==== " + AT + " execute exit=0 ====\n"
                        + "==== " + AT + " verify start ====\n"
                        + "second\n"
                        + "==== " + AT + " verify exit=1 ====\n");
    }

    @Test
    void existingLogContentIsNeverTruncated() throws Exception {
        Files.createDirectories(bash.stdoutLog.getParent());
        Files.writeString(bash.stdoutLog, "earlier attempt\n");

        bash.run("echo again");

        assertThat(BashFixture.read(bash.stdoutLog)).startsWith("earlier attempt\n==== " + AT + " execute start");
    }

    @Test
    void unterminatedLastLineIsEndedSoTheFrameStaysOnItsOwnLine() {
        CommandResult result = bash.run("printf no-newline");

        assertThat(BashFixture.read(bash.stdoutLog)).endsWith("no-newline\n==== " + AT + " execute exit=0 ====\n");
        assertThat(result.stdoutBytes()).isEqualTo("no-newline".length());
        assertThat(result.stdoutHead()).isEqualTo("no-newline");
    }

    @Test
    void logFolderIsCreatedWhenMissing() {
        assertThat(bash.stdoutLog.getParent()).doesNotExist();

        bash.run("true");

        assertThat(bash.stdoutLog).exists();
        assertThat(bash.stderrLog).exists();
    }

    @Test
    void backgroundProcessWithRedirectedOutputDoesNotHoldTheResult() throws Exception {
        Path pidFile = dir.resolve("bg.pid");

        CommandResult result = bash.run("sleep 30 >/dev/null 2>&1 & echo $! > " + pidFile + "; echo done");

        long pid = Long.parseLong(Files.readString(pidFile).strip());
        try {
            assertThat(result.exitCode()).isZero();
            assertThat(result.stdoutHead()).isEqualTo("done\n");
            // The runner returned while the detached sleep still runs: it only waits for what holds its pipes.
            assertThat(BashFixture.running(pid)).isTrue();
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    // Guard only: the run must return long before the background output, not wait for it.
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void backgroundProcessOutlivingBashDoesNotDelayTheResultAndItsOutputLandsAfterTheEndFrame() throws Exception {
        // No redirect and no `wait`: the lint would flag this; the runner itself does not lint.
        CommandResult result = bash.run("bash -c 'sleep 1 && echo late' & echo early");
        String framed = "==== " + AT + " execute start ====\nearly\n==== " + AT + " execute exit=0 ====\n";

        assertThat(result.exitCode()).isZero();
        assertThat(result.timedOut()).isFalse();
        assertThat(result.stdoutHead()).isEqualTo("early\n");
        // The run returned while the background process still slept: its line is not there yet.
        assertThat(BashFixture.read(bash.stdoutLog)).isEqualTo(framed);
        assertThat(awaitContent(bash.stdoutLog, "late\n")).isEqualTo(framed + "late\n");
    }

    @Test
    void backgroundProcessHoldingThePipeIsWaitedForWhileBashRuns() {
        CommandResult result = bash.runner.run(
                bash.request("(sleep 0.3; echo late) & echo early; wait").withTimeout(Duration.ofSeconds(30)));

        assertThat(result.timedOut()).isFalse();
        assertThat(result.stdoutHead()).isEqualTo("early\nlate\n");
    }

    /** Polls {@code log} until it ends with {@code suffix}, for at most 10 s; returns its content. */
    private static String awaitContent(Path log, String suffix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String content = BashFixture.read(log);
        while (!content.endsWith(suffix) && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
            content = BashFixture.read(log);
        }
        return content;
    }
}
