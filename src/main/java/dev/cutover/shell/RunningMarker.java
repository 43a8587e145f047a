package dev.cutover.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A file that exists exactly while a mutating command's bash runs, naming its pid and start time. If Cutover
 * dies (SIGKILL, OOM) the command goes on without it — bash is not in Cutover's process and nothing kills it —
 * and the file stays: {@code --resume} reads it to refuse while that command still runs, instead of re-verifying
 * a half-done change and offering to run it a second time. Written right after the start (a crash within that
 * millisecond leaves none) and not fsynced: after a power loss no command survives.
 *
 * <p>Format, one line: {@code pid=<pid> started=<ISO instant or ?> kind=<kind>}.
 */
public record RunningMarker(Path file, long pid, Optional<Instant> started, String kind) {

    /** Writes the marker for {@code bash} (just started). */
    static RunningMarker write(Path file, ProcessHandle bash, String kind) throws IOException {
        Optional<Instant> started = bash.info().startInstant();
        RunningMarker marker = new RunningMarker(file, bash.pid(), started, kind);
        Files.writeString(
                file,
                "pid=" + bash.pid() + " started="
                        + started.map(Instant::toString).orElse("?") + " kind=" + kind + "\n",
                StandardCharsets.UTF_8);
        return marker;
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
        if (fields.length != 3
                || !fields[0].startsWith("pid=")
                || !fields[1].startsWith("started=")
                || !fields[2].startsWith("kind=")) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(fields[0].substring("pid=".length()));
            String at = fields[1].substring("started=".length());
            Optional<Instant> started = at.equals("?") ? Optional.empty() : Optional.of(Instant.parse(at));
            return Optional.of(new RunningMarker(file, pid, started, fields[2].substring("kind=".length())));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the process the marker names is still running: the pid is alive and, when both are known, started
     * at the recorded instant (a recycled pid belongs to another process).
     */
    public boolean alive() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        Optional<Instant> now = process.get().info().startInstant();
        return started.isEmpty() || now.isEmpty() || started.equals(now);
    }

    /** Removes the marker; a marker already gone is fine. */
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
