package dev.cutover.app;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes whole files so that a crash leaves either the old content or the new, never a torn mix: write a
 * sibling temp file, fsync it, rename over the target, fsync the directory.
 */
final class AtomicFiles {
    private AtomicFiles() {}

    static void write(Path target, byte[] bytes) {
        Path dir = target.toAbsolutePath().getParent();
        // One temp file per process: `cutover report` may rewrite the summary while a run that just released the
        // lock writes it too, and a shared temp name would let one writer rename (or delete) the other's bytes.
        Path temp = dir.resolve(
                "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(
                    temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            fsyncDirectory(dir);
        } catch (IOException e) {
            throw new CutoverException(ErrorCode.IO_FAILURE, "cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The rename already happened or the write failed; a leftover temp file is harmless.
            }
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
