package dev.cutover.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * Copies one child stream into its per-step log file as output arrives, feeding a bounded tail (and
 * optionally a bounded head) on the way, and writes the runner's own lines (frames, notes) to that file.
 *
 * <p>All writes happen under this object's lock, so a pump that is detached after a timeout can never
 * interleave with the end frame; the blocking {@code read} itself happens outside the lock.
 */
final class StreamPump implements Runnable {
    private static final int CHUNK_BYTES = 64 * 1024;

    private final OutputStream log;
    private final Tails tail;
    private final HeadCapture head;
    private InputStream source;
    private Thread thread;
    private long bytes;
    private int lastByte = '\n';
    private boolean detached;
    private IOException failure;

    private StreamPump(OutputStream log, Tails tail, HeadCapture head) {
        this.log = log;
        this.tail = tail;
        this.head = head;
    }

    /** Opens {@code logFile} for appending (creating parent folders); {@code head} may be {@code null}. */
    static StreamPump open(Path logFile, Tails tail, HeadCapture head) throws IOException {
        Path parent = logFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        OutputStream out = Files.newOutputStream(
                logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        return new StreamPump(out, tail, head);
    }

    /** Appends one runner line, first ending the child's unterminated last line so frames stay on their own line. */
    synchronized void writeLine(String line) throws IOException {
        if (lastByte != '\n') {
            log.write('\n');
        }
        log.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        lastByte = '\n';
    }

    /** Starts copying {@code in} on a new thread named {@code name}. */
    void start(InputStream in, String name) {
        this.source = in;
        this.thread = new Thread(this, name);
        // A pump stuck on a pipe held by a stray background process must not keep the JVM alive.
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        byte[] chunk = new byte[CHUNK_BYTES];
        try (InputStream in = source) {
            // When bash exits, the JDK's ProcessImpl drains and closes its pipe streams under the stream's
            // monitor unless a reader holds it. Holding it for the whole copy means we always read to the
            // real EOF (every writer, background ones included, closed the pipe): deterministic, and no
            // unbounded drain of a background writer's output into memory.
            synchronized (in) {
                copy(in, chunk);
            }
        } catch (IOException e) {
            synchronized (this) {
                failure = failure == null ? e : failure;
            }
        }
    }

    private void copy(InputStream in, byte[] chunk) throws IOException {
        // Not under this object's lock: a blocking read must never stop frames or detach from happening.
        int n;
        while ((n = in.read(chunk)) != -1) {
            if (!accept(chunk, n)) {
                return;
            }
        }
    }

    private synchronized boolean accept(byte[] chunk, int n) {
        if (detached) {
            return false;
        }
        if (failure == null) {
            try {
                // Written straight through (no buffer) so `tail -f` on the log shows output as it happens.
                log.write(chunk, 0, n);
            } catch (IOException e) {
                // Keep draining (tails only): a child blocked on a full pipe would never exit.
                failure = e;
            }
        }
        tail.feed(chunk, 0, n);
        if (head != null) {
            head.feed(chunk, 0, n);
        }
        bytes += n;
        lastByte = chunk[n - 1];
        return true;
    }

    /** Waits until the stream reached EOF, at most {@code nanos}; returns whether it did. */
    boolean awaitEof(long nanos) throws InterruptedException {
        long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos));
        thread.join(millis);
        return !thread.isAlive();
    }

    /** Waits without limit until the stream reached EOF. */
    void awaitEof() throws InterruptedException {
        thread.join();
    }

    /** Stops copying: later output is discarded (the thread stays blocked in {@code read} until EOF). */
    synchronized void detach() {
        detached = true;
    }

    /** Bytes copied from the child so far. */
    synchronized long bytes() {
        return bytes;
    }

    synchronized String tailText() {
        return tail.text();
    }

    synchronized String headText() {
        return head == null ? "" : head.text();
    }

    synchronized boolean headTruncated() {
        return head != null && head.truncated();
    }

    /** The first read or log-write error, or {@code null}; the run is reported as an I/O failure. */
    synchronized IOException failure() {
        return failure;
    }

    /** Writes the end frame and closes the log file. */
    synchronized void finish(String endFrame) throws IOException {
        detached = true;
        try (log) {
            writeLine(endFrame);
        }
    }

    /** Closes the log file without a frame, used when the command never started. */
    synchronized void abandon() {
        detached = true;
        try {
            log.close();
        } catch (IOException ignored) {
            // The start failure being reported matters more than a close failure.
        }
    }
}
