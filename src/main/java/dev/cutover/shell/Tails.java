package dev.cutover.shell;

import java.nio.charset.StandardCharsets;

/**
 * Keeps the last {@code capacity} bytes of a stream in a ring buffer fed chunk by chunk, and renders them
 * as UTF-8 text that starts at a character boundary and whose UTF-8 encoding never exceeds the capacity.
 *
 * <p>Not thread-safe: one pump thread feeds it, and the runner reads it only after that thread has ended.
 */
final class Tails {
    private final byte[] ring;
    private long total;

    Tails(int capacity) {
        if (capacity < 4) {
            throw new IllegalArgumentException("capacity must hold one full character: " + capacity);
        }
        this.ring = new byte[capacity];
    }

    /** Appends {@code bytes[offset, offset + length)}; only the last {@code capacity} bytes are kept. */
    void feed(byte[] bytes, int offset, int length) {
        int cap = ring.length;
        // Only the last `cap` bytes of this chunk can survive, so skip the rest up front.
        int skip = Math.max(0, length - cap);
        int from = offset + skip;
        int remaining = length - skip;
        int pos = (int) ((total + skip) % cap);
        while (remaining > 0) {
            int n = Math.min(remaining, cap - pos);
            System.arraycopy(bytes, from, ring, pos, n);
            from += n;
            remaining -= n;
            pos = (pos + n) % cap;
        }
        total += length;
    }

    /** Bytes fed so far. */
    long total() {
        return total;
    }

    /** The kept bytes as text: leading bytes of a cut character dropped, malformed bytes replaced. */
    String text() {
        byte[] kept = kept();
        // Only a cut at the front can split a character; untruncated output is decoded as it is.
        int start = total > ring.length ? Utf8Text.skipLeadingContinuations(kept, 0, kept.length) : 0;
        String text = Utf8Text.decode(kept, start, kept.length);
        return fitToCapacity(text);
    }

    private byte[] kept() {
        int cap = ring.length;
        if (total <= cap) {
            byte[] out = new byte[(int) total];
            System.arraycopy(ring, 0, out, 0, out.length);
            return out;
        }
        int oldest = (int) (total % cap);
        byte[] out = new byte[cap];
        System.arraycopy(ring, oldest, out, 0, cap - oldest);
        System.arraycopy(ring, 0, out, cap - oldest, oldest);
        return out;
    }

    // A malformed byte becomes U+FFFD, three bytes in UTF-8, so replaced text can outgrow the capacity.
    private String fitToCapacity(String text) {
        String result = text;
        while (result.getBytes(StandardCharsets.UTF_8).length > ring.length) {
            result = result.substring(Character.charCount(result.codePointAt(0)));
        }
        return result;
    }
}
