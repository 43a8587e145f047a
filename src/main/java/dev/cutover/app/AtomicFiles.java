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
        Path temp = dir.resolve("." + target.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(
                    temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
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
