package dev.cutover.engine;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An exclusive OS lock on {@code RUN/.RUNNING.lock.flock}, a file that is never deleted so every process
 * always locks the same inode; the kernel drops the lock when its holder dies, however it dies.
 */
final class OsLock {
    private final FileChannel channel;
    private final FileLock lock;
    private final Runnable onRelease;
    private boolean released;

    private OsLock(FileChannel channel, FileLock lock, Runnable onRelease) {
        this.channel = channel;
        this.lock = lock;
        this.onRelease = onRelease;
    }

    /** The lock, or empty when another process (or another {@link RunLock} in this JVM) holds it. */
    static Optional<OsLock> tryAcquire(Path path, Runnable onRelease) {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw ioFailure(path, e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new OsLock(channel, lock, onRelease));
            }
        } catch (OverlappingFileLockException e) {
            // Held through another channel of this JVM: as live as a lock held by another process.
        } catch (IOException e) {
            closeQuietly(channel);
            throw ioFailure(path, e);
        }
        closeQuietly(channel);
        return Optional.empty();
    }

    /**
     * Whether another process holds an exclusive lock on {@code path}: tries a shared lock on a read-only channel
     * and releases it at once. The caller makes sure this process itself holds no lock on the file, since closing
     * the channel would drop it.
     *
     * @throws IOException when the file cannot be opened or locked
     */
    static boolean isHeldElsewhere(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            FileLock shared = channel.tryLock(0, Long.MAX_VALUE, true);
            if (shared == null) {
                return true;
            }
            shared.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /** Releases the lock and closes the channel; later calls do nothing. */
    synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it as well
        }
        closeQuietly(channel);
        onRelease.run();
    }

    private static CutoverException ioFailure(Path path, IOException e) {
        return new CutoverException(
                ErrorCode.IO_FAILURE,
                "Could not lock " + path + " (" + e + ")"
                        + ". Check that the run directory exists and is writable, then retry.",
                e);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written through this channel; closing it can lose nothing
        }
    }
}
