package dev.cutover.shell;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A file that exists for as long as a mutating command's bash may run, naming its pid and start time. If Cutover
 * dies (SIGKILL, OOM) the command goes on without it — bash is not in Cutover's process and nothing kills it —
 * and the file stays: {@code --resume} reads it to refuse while that command still runs, instead of re-verifying
 * a half-done change and offering to run it a second time.
 *
 * <p>It is written <em>before</em> bash starts, naming no pid yet but the command's {@link LaunchSignature}, and
 * rewritten with the pid right after the start: so there is no moment at which the command runs without a
 * marker. A resume that finds a marker without a pid (Cutover died in between) looks for the command by its
 * signature. The rewrite is one write over the marker's first bytes (the shorter new line padded with spaces),
 * so a crash leaves the old marker or the new one, never half of each; a marker longer than a page (very long
 * paths) is rewritten through {@code <marker>.tmp} renamed over it instead. Markers are read only by a resume, a
 * rollback or {@code preflight --resume}, once the run that wrote them no longer holds the lock. The marker is
 * removed once bash has exited, or when it could not be started. Not fsynced: after a power loss no command
 * survives.
 *
 * <p>Format, one line: before the start {@code pid=? started=? kind=<kind> args=<sha256> cwd=<path> out=<path>
 * err=<path>} (see {@link LaunchSignature#fields()}), after it {@code pid=<pid> started=<ISO instant or ?>
 * kind=<kind>} and trailing spaces — the format earlier versions wrote and read (they strip the spaces).
 *
 * @param pid bash's pid; empty in a marker written before the start
 * @param signature how to find the command without a pid; present exactly when {@code pid} is empty
 */
public record RunningMarker(
        Path file, OptionalLong pid, Optional<Instant> started, String kind, Optional<LaunchSignature> signature) {

    private static final String UNKNOWN = "?";

    /** The smallest page size: a write of at most this many bytes at offset 0 is copied in one piece. */
    private static final int ONE_WRITE_BYTES = 4096;

    public RunningMarker {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        if (pid.isPresent() == signature.isPresent()) {
            throw new IllegalArgumentException("a marker names either a pid or a launch signature: " + file);
        }
    }

    /** Writes the marker for {@code request} just before its bash starts: no pid yet, its signature instead. */
    static RunningMarker writeBeforeStart(Path file, CommandRequest request) throws IOException {
        RunningMarker marker = new RunningMarker(
                file, OptionalLong.empty(), Optional.empty(), request.kind(), Optional.of(LaunchSignature.of(request)));
        // A plain write: a crash while writing leaves a file that is no marker, but then nothing has started.
        Files.writeString(file, marker.line(), StandardCharsets.UTF_8);
        return marker;
    }

    /** Rewrites this marker with {@code bash}'s pid and start time (just started), never leaving half of it. */
    RunningMarker started(ProcessHandle bash) throws IOException {
        RunningMarker marker = new RunningMarker(
                file, OptionalLong.of(bash.pid()), bash.info().startInstant(), kind, Optional.empty());
        byte[] before = line().getBytes(StandardCharsets.UTF_8);
        byte[] after = marker.line().getBytes(StandardCharsets.UTF_8);
        if (before.length <= ONE_WRITE_BYTES && after.length <= before.length) {
            overwrite(padded(after, before.length));
        } else {
            // Paths too long for one page: the usual temporary file renamed over the marker.
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temporary, after);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        }
        return marker;
    }

    /**
     * Writes {@code bytes} over the marker from offset 0 in one write, without truncating: the bytes of one page
     * are copied whole or not at all, so a SIGKILL leaves the old marker or the new one. Not the rename of a
     * temporary file: on ext4 replacing a file's data that way (or by truncating it) starts its writeback, about
     * 2 ms per command where this costs tens of microseconds.
     */
    private void overwrite(byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer, buffer.position());
            }
        }
    }

    /** {@code line} (ending in a newline) padded with spaces before that newline to {@code length} bytes. */
    private static byte[] padded(byte[] line, int length) {
        byte[] padded = new byte[length];
        Arrays.fill(padded, (byte) ' ');
        System.arraycopy(line, 0, padded, 0, line.length - 1);
        padded[length - 1] = '\n';
        return padded;
    }

    private String line() {
        String head = "pid=" + (pid.isPresent() ? Long.toString(pid.getAsLong()) : UNKNOWN) + " started="
                + started.map(Instant::toString).orElse(UNKNOWN) + " kind=" + kind;
        return signature.map(s -> head + " " + s.fields()).orElse(head) + "\n";
    }

    /** Reads a marker; empty when it is gone or not one Cutover wrote. */
    public static Optional<RunningMarker> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return Optional.empty(); // gone (NoSuchFileException) or unreadable
        }
        String[] fields = text.split(" ");
        if (fields.length < 3
                || !fields[0].startsWith("pid=")
                || !fields[1].startsWith("started=")
                || !fields[2].startsWith("kind=")) {
            return Optional.empty();
        }
        String pid = fields[0].substring("pid=".length());
        String at = fields[1].substring("started=".length());
        String kind = fields[2].substring("kind=".length());
        String[] rest = Arrays.copyOfRange(fields, 3, fields.length);
        return pid.equals(UNKNOWN) ? beforeStart(file, at, kind, rest) : afterStart(file, pid, at, kind, rest);
    }

    private static Optional<RunningMarker> beforeStart(Path file, String at, String kind, String[] rest) {
        if (!at.equals(UNKNOWN)) {
            return Optional.empty();
        }
        return LaunchSignature.parse(rest)
                .map(s -> new RunningMarker(file, OptionalLong.empty(), Optional.empty(), kind, Optional.of(s)));
    }

    private static Optional<RunningMarker> afterStart(Path file, String pid, String at, String kind, String[] rest) {
        if (rest.length != 0) {
            return Optional.empty();
        }
        try {
            Optional<Instant> started = at.equals(UNKNOWN) ? Optional.empty() : Optional.of(Instant.parse(at));
            return Optional.of(
                    new RunningMarker(file, OptionalLong.of(Long.parseLong(pid)), started, kind, Optional.empty()));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The live process of the command, if it still runs. With a pid: that process, alive and, when both are known,
     * started at the recorded instant (a recycled pid belongs to another process). Without one: the process found
     * by the signature — a scan of every process, so for resume only.
     */
    public Optional<ProcessHandle> liveProcess() {
        if (signature.isPresent()) {
            return signature.get().findLive();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive);
        Optional<Instant> now = process.flatMap(p -> p.info().startInstant());
        return process.filter(p -> started.isEmpty() || now.isEmpty() || started.equals(now));
    }

    /** Whether the command still runs, see {@link #liveProcess()}. */
    public boolean alive() {
        return liveProcess().isPresent();
    }

    /** Removes the marker; a marker already gone is fine. */
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
