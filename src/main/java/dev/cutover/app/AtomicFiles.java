package dev.cutover.app;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes whole files so that a crash leaves either the old content or the new, never a torn mix: write a
 * sibling temp file, fsync it, rename over the target, fsync the directory. A set of files that belong together
 * (the runbook's two, the end-of-run three) is checked and written as one: every target is checked
 * ({@link RunFiles#requireReplaceable}) and every temp file written before the first rename, so a folder in the
 * way of the last file refuses before the first one changes.
 */
final class AtomicFiles {
    private AtomicFiles() {}

    /** One file to write: where, and its bytes. */
    record Output(Path target, byte[] bytes) {
        Output {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    static void write(Path target, byte[] bytes) {
        writeAll(List.of(new Output(target, bytes)));
    }

    /**
     * Writes every output, or (when a target is refused or a temp file cannot be written) none of them.
     *
     * @throws CutoverException {@link ErrorCode#RUN_FILE_IN_THE_WAY} or {@link ErrorCode#RUN_DIR_NOT_WRITABLE}
     *     before anything is written; {@link ErrorCode#IO_FAILURE} when the disk fails the write itself
     */
    static void writeAll(List<Output> outputs) {
        RunFiles.requireReplaceable(outputs.stream().map(Output::target).toList());
        List<Path> temps = new ArrayList<>();
        Output current = null;
        try {
            for (Output o : outputs) {
                current = o;
                temps.add(writeTemp(o));
            }
            for (int i = 0; i < outputs.size(); i++) {
                current = outputs.get(i);
                move(temps.get(i), current.target());
                fsyncDirectory(current.target().toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            throw new CutoverException(
                    ErrorCode.IO_FAILURE, "cannot write " + current.target() + ": " + e.getMessage(), e);
        } finally {
            temps.forEach(AtomicFiles::deleteQuietly);
        }
    }

    /**
     * The sibling temp file, one per process: `cutover report` may rewrite the summary while a run that just
     * released the lock writes it too, and a shared temp name would let one writer rename (or delete) the other's
     * bytes.
     */
    static Path tempFor(Path target) {
        return target.toAbsolutePath()
                .getParent()
                .resolve("." + target.getFileName() + "."
                        + ProcessHandle.current().pid() + ".tmp");
    }

    private static Path writeTemp(Output output) throws IOException {
        Path temp = tempFor(output.target());
        try (FileChannel ch = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(output.bytes());
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
        return temp;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The rename already happened or the write failed; a leftover temp file is harmless.
        }
    }

    private static void fsyncDirectory(Path dir) {
        // Makes the rename itself durable. Some file systems refuse to open a directory; then the rename is
        // as durable as the platform allows.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // see above
        }
    }
}
