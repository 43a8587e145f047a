package dev.cutover.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.testing.OrphanedCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The marker that exists exactly while a mutating command's bash runs, and what it says about that bash. */
class RunningMarkerTest {
    @TempDir
    Path dir;

    BashFixture bash;

    @BeforeEach
    void setUp() {
        bash = new BashFixture(dir);
    }

    @Test
    void theMarkerNamesTheRunningBashAndIsGoneOnceItExits() throws Exception {
        Path marker = dir.resolve("execution/step-1.execute.running");
        // The marker exists before bash starts, without a pid; the command waits until it names one (rewritten
        // just after the start), reads it and prints its own pid.
        CommandRequest request = new CommandRequest(
                "for i in $(seq 500); do grep -qs '^pid=[0-9]' " + marker + " && break; sleep 0.01; done; cat " + marker
                        + "; echo \"bash=$$\"",
                bash.cwd,
                BashFixture.baseEnvironment(),
                bash.stdoutLog,
                bash.stderrLog,
                "execute",
                null);

        CommandResult result = bash.runner.run(request, marker);

        assertThat(result.exitCode()).as(result.stderrTail()).isZero();
        String bashPid = result.stdoutHead()
                .lines()
                .filter(l -> l.startsWith("bash="))
                .findFirst()
                .orElseThrow();
        assertThat(result.stdoutHead()).matches("pid=" + bashPid.substring(5) + " started=\\S+ kind=execute *\\n.*\\n");
        assertThat(marker).doesNotExist();
    }

    @Test
    void aCommandThatCannotBeMarkedIsNeverStarted() throws Exception {
        Path marker = Files.createDirectories(dir.resolve("execution/step-1.execute.running"));

        assertThatThrownBy(() -> bash.runner.run(bash.request("touch ran"), marker))
                .isInstanceOfSatisfying(
                        CutoverException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_FAILURE));

        // Marked before the start: a marker that cannot be written stops the command before it exists.
        assertThat(bash.cwd.resolve("ran")).doesNotExist();
    }

    @Test
    void aCommandThatCannotStartLeavesNoMarker() {
        Path marker = dir.resolve("execution/step-1.execute.running");
        CommandRequest request = new CommandRequest(
                "true 0",
                dir.resolve("missing"),
                BashFixture.baseEnvironment(),
                bash.stdoutLog,
                bash.stderrLog,
                "execute",
                null);

        CommandResult result = bash.runner.run(request, marker);

        assertThat(result.exitCode()).isEqualTo(CommandResult.NOT_STARTED_EXIT_CODE);
        assertThat(marker).doesNotExist();
        assertThat(dir.resolve("execution/step-1.execute.running.tmp")).doesNotExist();
    }

    @Test
    void aMarkerOfALiveProcessIsAliveAndOfAnEndedOrRecycledOneIsNot() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            Instant started = sleeper.toHandle().info().startInstant().orElseThrow();
            Path live = Files.writeString(
                    dir.resolve("live.running"), "pid=" + sleeper.pid() + " started=" + started + " kind=execute\n");
            Path recycled = Files.writeString(
                    dir.resolve("recycled.running"),
                    "pid=" + sleeper.pid() + " started=" + started.minusSeconds(3600) + " kind=rollback\n");

            assertThat(RunningMarker.read(live)).hasValueSatisfying(m -> {
                assertThat(m.alive()).isTrue();
                assertThat(m.kind()).isEqualTo("execute");
            });
            assertThat(RunningMarker.read(recycled))
                    .hasValueSatisfying(m -> assertThat(m.alive())
                            .as("same pid, another start time")
                            .isFalse());

            sleeper.destroy();
            assertThat(sleeper.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(RunningMarker.read(live))
                    .hasValueSatisfying(m -> assertThat(m.alive()).isFalse());
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void theMarkerIsRewrittenWithThePidInPlaceOrThroughARenameWhenLongerThanAPage() throws Exception {
        // 80 "é" encode to 480 characters: three such folders in each of three paths make a marker of 4 KiB+.
        String deep = String.join("/", Collections.nCopies(3, "é".repeat(80)));
        ProcessHandle self = ProcessHandle.current();
        for (Path base : List.of(dir.resolve("short"), dir.resolve(deep))) {
            boolean inPlace = base.endsWith("short");
            Path cwd = Files.createDirectories(base);
            Path file = base.resolve("step-1.execute.running");
            CommandRequest request = new CommandRequest(
                    "true",
                    cwd,
                    BashFixture.baseEnvironment(),
                    base.resolve("o.log"),
                    base.resolve("e.log"),
                    "execute",
                    null);

            RunningMarker before = RunningMarker.writeBeforeStart(file, request);
            assertThat(RunningMarker.read(file)).as("before the start").contains(before);
            RunningMarker after = before.started(self);

            assertThat(RunningMarker.read(file)).as(base.toString()).contains(after);
            assertThat(after.pid()).hasValue(self.pid());
            // In place, the shorter line is padded to the old length; renamed, it is exactly the line.
            assertThat(Files.readString(file))
                    .matches("pid=" + self.pid() + " started=\\S+ kind=execute" + (inPlace ? " +" : "") + "\n");
            assertThat(base.resolve("step-1.execute.running.tmp")).doesNotExist();
        }
    }

    @Test
    void aMarkerWithoutPidFindsTheCommandBashWasReplacedByThroughItsLogs() throws Exception {
        // bash execs a lone simple command: the process keeps bash's pid and log descriptors, not its arguments.
        Process command = OrphanedCommand.start("sleep 30", bash.cwd, bash.stdoutLog, bash.stderrLog);
        try {
            awaitArguments(command, List.of("30"));
            Path file = Files.writeString(
                    dir.resolve("execution/step-1.execute.running"),
                    OrphanedCommand.markerWithoutPid("sleep 30", bash.cwd, bash.stdoutLog, bash.stderrLog));

            RunningMarker marker = RunningMarker.read(file).orElseThrow();
            assertThat(marker.pid()).isEmpty();
            assertThat(marker.kind()).isEqualTo("execute");
            assertThat(marker.liveProcess()).map(ProcessHandle::pid).hasValue(command.pid());

            command.destroy();
            assertThat(command.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(marker.liveProcess()).as("the command has ended").isEmpty();
        } finally {
            command.destroyForcibly();
        }
    }

    @Test
    void aMarkerWithoutPidFindsBashByItsArgumentsInItsWorkingDirectoryOnly() throws Exception {
        // Not a lone simple command, so bash stays bash; its outputs go elsewhere, so only its arguments tell.
        String text = "sleep 30; true";
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path file = Files.writeString(
                dir.resolve("step-1.rollback.running"),
                OrphanedCommand.markerWithoutPid(text, bash.cwd, bash.stdoutLog, bash.stderrLog)
                        .replace("execute", "rollback"));
        Process other = OrphanedCommand.start(text, elsewhere, null, null);
        Process command = null;
        try {
            RunningMarker marker = RunningMarker.read(file).orElseThrow();
            assertThat(marker.liveProcess())
                    .as("same arguments, another working directory")
                    .isEmpty();

            command = OrphanedCommand.start(text, bash.cwd, null, null);

            assertThat(marker.liveProcess()).map(ProcessHandle::pid).hasValue(command.pid());
        } finally {
            other.destroyForcibly();
            if (command != null) {
                command.destroyForcibly();
            }
        }
    }

    @Test
    void aMarkerWithoutPidWhoseCommandNeverStartedOrEndedFindsNothing() throws Exception {
        Path file = Files.writeString(
                dir.resolve("step-1.execute.running"),
                OrphanedCommand.markerWithoutPid("sleep 30", bash.cwd, bash.stdoutLog, bash.stderrLog));

        assertThat(RunningMarker.read(file))
                .hasValueSatisfying(m -> assertThat(m.alive()).isFalse());
    }

    @Test
    void anythingElseIsNoMarker() throws Exception {
        assertThat(RunningMarker.read(dir.resolve("absent.running"))).isEmpty();
        for (String text : new String[] {
            "",
            "pid=x started=? kind=execute",
            "pid=1 kind=execute",
            "hello world !",
            "pid=? started=? kind=execute",
            "pid=? started=? kind=execute args=x cwd=/ out=/ err=/ more=1"
        }) {
            assertThat(RunningMarker.read(Files.writeString(dir.resolve("m.running"), text)))
                    .as(text)
                    .isEmpty();
        }
    }

    /** Waits (at most 10 s) until bash has replaced itself with the command whose arguments are {@code expected}. */
    private static void awaitArguments(Process process, List<String> expected) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            if (process.info()
                    .arguments()
                    .map(List::of)
                    .filter(expected::equals)
                    .isPresent()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("bash did not exec " + expected);
    }
}
