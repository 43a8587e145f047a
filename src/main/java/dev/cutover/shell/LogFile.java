package dev.cutover.shell;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One per-step log file that the child appends to directly and the runner frames: the runner only appends
 * whole lines, measures the size, and reads bounded ranges back ({@link LogRange}).
 *
 * <p>Holds no open handle: each operation opens and closes the file, so nothing leaks when a run fails.
 * Plain streams rather than NIO channels are used because channels close themselves when the calling
 * thread is interrupted, and the end frame must still be written then.
 */
final class LogFile {
    private final Path path;

    private LogFile(Path path) {
        this.path = path;
    }

    /** Creates the parent folders and the file if missing; existing content is never truncated. */
    static LogFile open(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        // Checked first: on a folder that exists, createDirectories throws and catches an exception internally,
        // twice per log of every command and every poll.
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
        new FileOutputStream(path.toFile(), true).close();
        return new LogFile(path);
    }

    Path path() {
        return path;
    }

    /** Current size in bytes: the offset the next appended byte will have. */
    long size() throws IOException {
        return Files.size(path);
    }

    /**
     * Appends {@code line} and a newline, first ending an unterminated last line (the child's, or a stray
     * background writer's) so runner lines always stand on their own line.
     */
    void appendLine(String line) throws IOException {
        String text = (endsMidLine() ? "\n" : "") + line + "\n";
        // O_APPEND and one write: the line lands whole at the end even if a background process appends too.
        try (OutputStream out = new FileOutputStream(path.toFile(), true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The bytes {@code [start, end)} of this file. */
    LogRange range(long start, long end) {
        return new LogRange(path, start, end);
    }

    private boolean endsMidLine() throws IOException {
        // A stat first: a new log (every step's first command) is empty, and opening it to learn that costs more.
        if (Files.size(path) == 0) {
            return false;
        }
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            long size = file.length();
            if (size == 0) {
                return false;
            }
            file.seek(size - 1);
            return file.read() != '\n';
        }
    }
}
