package dev.cutover.shell;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.time.UtcMillis;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one command as {@code bash --noprofile --norc -o pipefail -o noglob -c <command>} with stdin closed,
 * the request's cwd and exactly the request's environment (minus {@code BASH_ENV} and {@code ENV}). The
 * child appends its stdout and stderr directly to the step's log files, between frame lines written by the
 * runner; the result's bounded views are read back from the files afterwards.
 *
 * <p>{@link #run} returns when bash has exited, or when the timeout killed the process tree. It never waits
 * for a background process that outlives bash; such a process keeps appending to the log. See
 * {@code docs/shell.md}.
 */
public final class CommandRunner {
    /** Default wait between SIGTERM and SIGKILL when a timeout kills the process tree. */
    public static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(5);

    /** Variables bash would source a file from at startup; never passed to a child. */
    public static final List<String> STARTUP_FILE_VARIABLES = List.of("BASH_ENV", "ENV");

    /**
     * {@code setsid(1)}, which starts a mutating command's bash (one with a running marker) in a session of its own:
     * the operator's terminal sends Ctrl-C (SIGINT)
     * and a hang-up (SIGHUP, a closed SSH session) to its foreground process group, which without it would include
     * the command and kill a mutation half-way. It execs bash in place (same pid, same descriptors); {@code --wait}
     * covers the case where it must fork. Absent (not Linux), commands share Cutover's session as before.
     */
    private static final Optional<String> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
            .filter(path -> Files.isExecutable(Path.of(path)))
            .findFirst();

    private static final long TRACK_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final File DEV_NULL = new File("/dev/null");

    private final Clock clock;
    private final Duration killGrace;

    /** A runner that stamps frames and results with {@code clock} and waits 5 s before SIGKILL. */
    public CommandRunner(Clock clock) {
        this(clock, DEFAULT_KILL_GRACE);
    }

    /** A runner with an explicit wait between SIGTERM and SIGKILL on timeout. */
    public CommandRunner(Clock clock, Duration killGrace) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.killGrace = Objects.requireNonNull(killGrace, "killGrace");
        if (killGrace.isNegative() || killGrace.isZero()) {
            throw new IllegalArgumentException("killGrace must be positive: " + killGrace);
        }
    }

    /** The exact argument vector used for {@code command}. */
    public static List<String> bashArguments(String command) {
        return List.of("bash", "--noprofile", "--norc", "-o", "pipefail", "-o", "noglob", "-c", command);
    }

    /**
     * Runs the request to completion. A command that cannot be started (no working directory, bash not startable)
     * is a result with exit code {@link CommandResult#NOT_STARTED_EXIT_CODE} and the reason as its stderr.
     *
     * @throws CutoverException {@link ErrorCode#IO_FAILURE} when a log (or a running marker) cannot be written or
     *     read; {@link ErrorCode#INTERNAL} when the calling thread is interrupted (the tree is
     *     killed first, the end frame written and the interrupt flag restored)
     */
    public CommandResult run(CommandRequest request) {
        return run(request, null);
    }

    /**
     * Runs the request to completion with a {@link RunningMarker} at {@code runningMarker} (when not null) for as
     * long as bash may run: written just before the start (naming the command, no pid yet), rewritten with the pid
     * right after it, removed once bash has exited or its tree was killed, or when bash could not be started. A
     * process that dies in between leaves it, for {@code --resume} to find. The placeholder {@code true} is
     * recorded without starting anything ({@link NoOpCommand}): no process, no marker.
     */
    public CommandResult run(CommandRequest request, Path runningMarker) {
        try {
            return NoOpCommand.is(request.command())
                    ? NoOpCommand.record(request, clock.instant())
                    : runLogged(request, runningMarker);
        } catch (IOException e) {
            throw new CutoverException(
                    ErrorCode.IO_FAILURE,
                    "Could not run the " + request.kind() + " command in " + request.workingDirectory() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private CommandResult runLogged(CommandRequest request, Path runningMarker) throws IOException {
        StepLogs logs = StepLogs.open(request);
        Instant startedAt = clock.instant();
        logs.appendLine("==== " + UtcMillis.format(startedAt) + " " + request.kind() + " start ====");
        StepLogs.Offsets from = logs.sizes();
        Completion completion = startAndAwait(request, logs, runningMarker);
        StepLogs.Offsets to = logs.sizes();
        List<String> truncated = from.shrunkAt(to);
        StepLogs.Offsets start = from.startFor(to);
        Instant endedAt = clock.instant();
        CommandResult result;
        try {
            result = read(logs.stdout(start, to), logs.stderr(start, to), completion, startedAt, endedAt);
        } finally {
            // The end frame is written even if reading back failed, so the log stays well-formed.
            for (String log : truncated) {
                logs.err().appendLine(truncatedNote(log));
            }
            writeEnd(logs, completion, endFrame(endedAt, request.kind(), completion.exitCode()));
        }
        if (completion.interrupted()) {
            throw new CutoverException(
                    ErrorCode.INTERNAL,
                    "Interrupted while running the " + request.kind() + " command; its process tree was killed.");
        }
        return result;
    }

    private static String truncatedNote(String log) {
        return "cutover: the command truncated its own " + log + " log (it wrote to /dev/" + log
                + " or to the log file, which starts it over); this step's earlier output in it is lost";
    }

    private static String endFrame(Instant at, String kind, int exitCode) {
        return "==== " + UtcMillis.format(at) + " " + kind + " exit=" + exitCode + " ====";
    }

    private Process start(CommandRequest request, StepLogs logs, boolean mutating) throws IOException {
        if (!Files.isDirectory(request.workingDirectory())) {
            throw new NoSuchFileException(
                    request.workingDirectory().toString(), null, "the working directory does not exist");
        }
        List<String> argv = new ArrayList<>();
        if (mutating) {
            // Only a mutation must survive the terminal's signals; a read-only command dies with the run harmlessly,
            // and skipping setsid spares its exec on every verify and poll.
            SETSID.ifPresent(setsid -> {
                argv.add(setsid);
                argv.add("--wait");
            });
        }
        argv.addAll(bashArguments(request.command()));
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(request.workingDirectory().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                // The child's own descriptors point at the logs (O_APPEND): no pipes, no copy threads, and
                // output written by a process that outlives bash still lands in the log.
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(logs.out().path().toFile()))
                .redirectError(
                        ProcessBuilder.Redirect.appendTo(logs.err().path().toFile()));
        Map<String, String> environment = builder.environment();
        // Start from nothing: the JVM's own environment must never leak into a cutover command.
        environment.clear();
        environment.putAll(request.environment());
        STARTUP_FILE_VARIABLES.forEach(environment::remove);
        return builder.start();
    }

    private static CommandResult read(
            LogRange out, LogRange err, Completion completion, Instant startedAt, Instant endedAt) throws IOException {
        LogRange.Head head = out.head(CommandResult.HEAD_LIMIT_BYTES);
        return new CommandResult(
                completion.exitCode(),
                completion.timedOut(),
                head.text(),
                head.truncated(),
                out.tail(CommandResult.TAIL_LIMIT_BYTES),
                err.tail(CommandResult.TAIL_LIMIT_BYTES),
                out.length(),
                err.length(),
                startedAt,
                endedAt);
    }

    private static void writeEnd(StepLogs logs, Completion completion, String endFrame) throws IOException {
        if (completion.note() != null) {
            logs.err().appendLine(completion.note());
        }
        logs.appendLine(endFrame);
    }

    /** Starts bash and waits for it; its marker (when asked for) exists from before the start until it has exited. */
    private Completion startAndAwait(CommandRequest request, StepLogs logs, Path runningMarker) throws IOException {
        // Written before the start: a crash right after it must not leave a command running without a marker.
        RunningMarker marker = runningMarker == null ? null : RunningMarker.writeBeforeStart(runningMarker, request);
        Process process = null;
        try {
            process = startOrNote(request, logs, marker != null);
        } finally {
            if (process == null) {
                removeQuietly(marker); // nothing started: nothing for a resume to wait for
            }
        }
        if (process == null) {
            return Completion.exited(CommandResult.NOT_STARTED_EXIT_CODE);
        }
        return marker == null ? await(request, process) : awaitMarked(request, process, marker);
    }

    /** The started bash, or {@code null} with the reason in the stderr log when it could not be started. */
    private Process startOrNote(CommandRequest request, StepLogs logs, boolean mutating) throws IOException {
        try {
            return start(request, logs, mutating);
        } catch (IOException e) {
            // The command could not be run (no working directory, bash not startable): a failed command with the
            // reason as its stderr (written before the end offsets, so the journal's stderr_tail and the failure
            // dialog show it), not a crash of the whole run.
            logs.err()
                    .appendLine("cutover: the command was not run (exit code " + CommandResult.NOT_STARTED_EXIT_CODE
                            + "): " + e.getMessage());
            return null;
        }
    }

    private Completion awaitMarked(CommandRequest request, Process process, RunningMarker beforeStart)
            throws IOException {
        RunningMarker marker;
        try {
            marker = beforeStart.started(process.toHandle());
        } catch (IOException | RuntimeException e) {
            // The run fails here, and nothing may leave an unwatched command running. The marker without a pid
            // stays: a resume looks for the command, finds it gone (or refuses while something it started lives).
            killQuietly(process, new ProcessTree(process.toHandle()));
            throw e;
        }
        Completion completion = await(request, process);
        removeQuietly(marker);
        return completion;
    }

    private static void removeQuietly(RunningMarker marker) {
        if (marker == null) {
            return;
        }
        try {
            marker.delete();
        } catch (IOException e) {
            // Harmless: its command has exited or never started, so a resume finds it stale and removes it.
        }
    }

    private Completion await(CommandRequest request, Process process) {
        ProcessTree tree = new ProcessTree(process.toHandle());
        try {
            if (request.timeout() == null) {
                return Completion.exited(process.waitFor());
            }
            if (exitsWithin(request.timeout(), process, tree)) {
                return Completion.exited(process.exitValue());
            }
            tree.kill(killGrace);
            return Completion.timedOut(request.timeout());
        } catch (InterruptedException e) {
            killQuietly(process, tree);
            // Safe to restore before the end frame: LogFile uses plain streams, which an interrupt does not close.
            Thread.currentThread().interrupt();
            return Completion.interrupted(process.isAlive() ? -1 : process.exitValue());
        } catch (RuntimeException e) {
            // Nothing may leave an unwatched command running.
            killQuietly(process, tree);
            throw e;
        }
    }

    private static boolean exitsWithin(Duration timeout, Process process, ProcessTree tree)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return !process.isAlive();
            }
            // Waits before it looks: a look straight after the start finds nothing (bash has not forked yet), and
            // most commands end within the first interval, so they never cost a scan of every process.
            if (process.waitFor(Math.min(left, TRACK_INTERVAL_NANOS), TimeUnit.NANOSECONDS)) {
                return true;
            }
            // Descendants are recorded while bash lives: once it exits, its orphans are no longer its tree.
            tree.track();
        }
    }

    private void killQuietly(Process process, ProcessTree tree) {
        try {
            tree.kill(killGrace);
            process.waitFor(killGrace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException again) {
            // Interrupted while killing: keep the flag for the caller, the kill has been attempted.
            Thread.currentThread().interrupt();
        }
    }

    /**
     * How the wait ended.
     *
     * @param note a line for the stderr log before the end frame, or {@code null}
     */
    private record Completion(int exitCode, boolean timedOut, boolean interrupted, String note) {
        static Completion exited(int exitCode) {
            return new Completion(exitCode, false, false, null);
        }

        static Completion timedOut(Duration timeout) {
            String note = "cutover: timed out after " + timeout + "; process tree killed (exit code 124)";
            return new Completion(CommandResult.TIMEOUT_EXIT_CODE, true, false, note);
        }

        static Completion interrupted(int exitCode) {
            return new Completion(exitCode, false, true, "cutover: interrupted; process tree killed");
        }
    }
}
