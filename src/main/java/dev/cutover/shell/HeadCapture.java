package dev.cutover.shell;

import java.util.Arrays;

/**
 * Keeps the first {@code limit} bytes of a stream, growing its buffer only as output arrives, and renders
 * them as UTF-8 text cut at a character boundary.
 *
 * <p>Not thread-safe: one pump thread feeds it, and the runner reads it only after that thread has ended.
 */
final class HeadCapture {
    private final int limit;
    private byte[] buffer = new byte[0];
    private int size;
    private boolean truncated;

    HeadCapture(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit cannot be negative: " + limit);
        }
        this.limit = limit;
    }

    /** Appends what still fits under the limit and remembers whether anything was dropped. */
    void feed(byte[] bytes, int offset, int length) {
        int n = Math.min(length, limit - size);
        if (n < length) {
            truncated = true;
        }
        if (n <= 0) {
            return;
        }
        if (size + n > buffer.length) {
            // Doubling keeps copies amortised; a short poll output never allocates the whole limit.
            int grown = Math.max(size + n, Math.min(limit, Math.max(8192, buffer.length * 2)));
            buffer = Arrays.copyOf(buffer, grown);
        }
        System.arraycopy(bytes, offset, buffer, size, n);
        size += n;
    }

    /** Whether the stream was longer than the limit. */
    boolean truncated() {
        return truncated;
    }

    /** The kept bytes as text; when truncated, a character cut by the limit is dropped rather than broken. */
    String text() {
        int end = truncated ? Utf8Text.dropIncompleteTail(buffer, 0, size) : size;
        return Utf8Text.decode(buffer, 0, end);
    }
}
