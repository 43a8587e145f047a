package dev.cutover.shell;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command as {@code bash --noprofile --norc -o pipefail -o noglob -c <command>} with stdin closed,
 * the request's cwd and exactly the request's environment (minus {@code BASH_ENV} and {@code ENV}), and
 * streams stdout and stderr into the step's log files between frame lines, keeping only bounded views.
 *
 * <p>{@link #run} returns when bash has exited and both streams reached EOF, or when the timeout killed
 * the process tree. See {@code docs/shell.md}.
 */
public final class CommandRunner {
    /** Default wait between SIGTERM and SIGKILL when a timeout kills the process tree. */
    public static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(5);

    /** Variables bash would source a file from at startup; never passed to a child. */
    public static final List<String> STARTUP_FILE_VARIABLES = List.of("BASH_ENV", "ENV");

    private static final DateTimeFormatter FRAME_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final long TRACK_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

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

    /** Formats an instant as in the frame lines and the journal: UTC, milliseconds, {@code Z}. */
    public static String formatInstant(Instant at) {
        return FRAME_TIME.format(at);
    }

    /**
     * Runs the request to completion.
     *
     * @throws CutoverException {@link ErrorCode#IO_FAILURE} when bash cannot be started or a log cannot be
     *     written; {@link ErrorCode#INTERNAL} when the calling thread is interrupted (the tree is killed
     *     first and the interrupt flag is restored)
     */
    public CommandResult run(CommandRequest request) {
        StreamPump out = null;
        StreamPump err = null;
        try {
            out = StreamPump.open(
                    request.stdoutLog(),
                    new Tails(CommandResult.TAIL_LIMIT_BYTES),
                    new HeadCapture(CommandResult.HEAD_LIMIT_BYTES));
            err = StreamPump.open(request.stderrLog(), new Tails(CommandResult.TAIL_LIMIT_BYTES), null);
            return runStarted(request, new Streams(out, err));
        } catch (IOException e) {
            abandon(out);
            abandon(err);
            throw new CutoverException(
                    ErrorCode.IO_FAILURE,
                    "Could not run the " + request.kind() + " command in " + request.workingDirectory() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private CommandResult runStarted(CommandRequest request, Streams streams) throws IOException {
        Instant startedAt = clock.instant();
        Process process = start(request);
        Completion completion;
        Instant endedAt;
        try {
            streams.writeLine("==== " + formatInstant(startedAt) + " " + request.kind() + " start ====");
            streams.out().start(process.getInputStream(), "cutover-shell-stdout-" + process.pid());
            streams.err().start(process.getErrorStream(), "cutover-shell-stderr-" + process.pid());
            completion = await(request, process, streams);
            endedAt = clock.instant();
            streams.finish(endFrame(endedAt, request.kind(), completion.exitCode()));
        } catch (IOException | RuntimeException e) {
            // A log that cannot be written must not leave an unwatched command running.
            killQuietly(process);
            throw e;
        }
        streams.rethrowFailure();
        StreamPump out = streams.out();
        return new CommandResult(
                completion.exitCode(),
                completion.timedOut(),
                out.headText(),
                out.headTruncated(),
                out.tailText(),
                streams.err().tailText(),
                out.bytes(),
                streams.err().bytes(),
                startedAt,
                endedAt);
    }

    private static String endFrame(Instant at, String kind, int exitCode) {
        return "==== " + formatInstant(at) + " " + kind + " exit=" + exitCode + " ====";
    }

    private static Process start(CommandRequest request) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(bashArguments(request.command()))
                .directory(request.workingDirectory().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> environment = builder.environment();
        // Start from nothing: the JVM's own environment must never leak into a cutover command.
        environment.clear();
        environment.putAll(request.environment());
        STARTUP_FILE_VARIABLES.forEach(environment::remove);
        return builder.start();
    }

    private Completion await(CommandRequest request, Process process, Streams streams) throws IOException {
        ProcessTree tree = new ProcessTree(process.toHandle());
        try {
            if (request.timeout() == null) {
                int exitCode = process.waitFor();
                streams.awaitEof();
                return new Completion(exitCode, false);
            }
            if (finishesWithin(request.timeout(), process, tree, streams)) {
                return new Completion(process.exitValue(), false);
            }
            killAfterTimeout(request.timeout(), tree, streams);
            return new Completion(CommandResult.TIMEOUT_EXIT_CODE, true);
        } catch (InterruptedException e) {
            killAfterInterrupt(process, tree, streams);
            streams.finish(endFrame(clock.instant(), request.kind(), process.isAlive() ? -1 : process.exitValue()));
            throw new CutoverException(
                    ErrorCode.INTERNAL,
                    "Interrupted while running the " + request.kind() + " command; its process tree was killed.",
                    e);
        }
    }

    private static boolean finishesWithin(Duration timeout, Process process, ProcessTree tree, Streams streams)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            // Descendants are recorded while bash lives: once it exits, its orphans are no longer its tree.
            tree.track();
            process.waitFor(Math.min(left, TRACK_INTERVAL_NANOS), TimeUnit.NANOSECONDS);
        }
        return streams.awaitEof(deadline - System.nanoTime());
    }

    private void killAfterTimeout(Duration timeout, ProcessTree tree, Streams streams)
            throws InterruptedException, IOException {
        tree.kill(killGrace);
        boolean drained = streams.awaitEof(killGrace.toNanos());
        streams.detach();
        String note = "cutover: timed out after " + timeout + "; process tree killed (exit code 124)";
        if (!drained) {
            note += "; a process outside the tree still holds the output pipe, its later output is not logged";
        }
        streams.err().writeLine(note);
    }

    private void killAfterInterrupt(Process process, ProcessTree tree, Streams streams) throws IOException {
        try {
            tree.kill(killGrace);
            process.waitFor(killGrace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException again) {
            // Already handling an interrupt; the flag is restored below either way.
        }
        Thread.currentThread().interrupt();
        streams.detach();
        streams.err().writeLine("cutover: interrupted; process tree killed");
    }

    private void killQuietly(Process process) {
        if (!process.isAlive()) {
            return;
        }
        try {
            new ProcessTree(process.toHandle()).kill(killGrace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void abandon(StreamPump pump) {
        if (pump != null) {
            pump.abandon();
        }
    }

    /** The two pumps of one run, handled together so frames and waits stay symmetric. */
    private record Streams(StreamPump out, StreamPump err) {
        void writeLine(String line) throws IOException {
            out.writeLine(line);
            err.writeLine(line);
        }

        void awaitEof() throws InterruptedException {
            out.awaitEof();
            err.awaitEof();
        }

        boolean awaitEof(long nanos) throws InterruptedException {
            long deadline = System.nanoTime() + nanos;
            return out.awaitEof(nanos) && err.awaitEof(deadline - System.nanoTime());
        }

        void detach() {
            out.detach();
            err.detach();
        }

        void finish(String endFrame) throws IOException {
            try {
                out.finish(endFrame);
            } finally {
                err.finish(endFrame);
            }
        }

        void rethrowFailure() throws IOException {
            IOException failure = out.failure() != null ? out.failure() : err.failure();
            if (failure != null) {
                throw failure;
            }
        }
    }

    private record Completion(int exitCode, boolean timedOut) {}
}
