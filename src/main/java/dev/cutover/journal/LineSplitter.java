package dev.cutover.journal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Streams a file as LF-separated lines with their 1-based numbers and byte offsets, in bounded chunks. */
final class LineSplitter {
    private static final int CHUNK = 1 << 16;

    /** Receives each line's bytes (without LF) in a reused buffer; returns false to stop early. */
    interface LineSink {
        boolean line(long number, long offset, byte[] bytes, int length, boolean terminated) throws IOException;
    }

    private LineSplitter() {}

    /**
     * Calls the sink for every line; a final line without LF is reported with {@code terminated=false},
     * and an empty remainder after the last LF is no line at all.
     */
    static void split(InputStream in, LineSink sink) throws IOException {
        Lines lines = new Lines(in);
        while (lines.advance()) {
            if (!sink.line(lines.number, lines.offset, lines.bytes, lines.length, lines.terminated)) {
                return;
            }
        }
    }

    /**
     * The same lines pulled one at a time (a caller that hands entries on as they are read, keeping none):
     * after {@link #advance} returns true, the fields describe the current line; its bytes are reused.
     */
    static final class Lines {
        private final InputStream in;
        private final byte[] chunk = new byte[CHUNK];
        private int position;
        private int limit;
        private boolean endOfInput;
        private long nextOffset;

        byte[] bytes = new byte[1024];
        int length;
        long number;
        long offset;
        boolean terminated;

        Lines(InputStream in) {
            this.in = in;
        }

        /** Moves to the next line; false at the end of the input. */
        boolean advance() throws IOException {
            length = 0;
            while (fill()) {
                int end = position;
                while (end < limit && chunk[end] != '\n') {
                    end++;
                }
                append(end - position);
                if (end < limit) {
                    position = end + 1;
                    return found(true);
                }
                position = limit;
            }
            return length > 0 && found(false);
        }

        /** True while unread bytes are buffered, reading the next chunk when needed. */
        private boolean fill() throws IOException {
            if (position < limit) {
                return true;
            }
            if (endOfInput) {
                return false;
            }
            int read = in.read(chunk);
            if (read == -1) {
                endOfInput = true;
                return false;
            }
            position = 0;
            limit = read;
            return true;
        }

        private void append(int count) {
            if (length + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
            }
            System.arraycopy(chunk, position, bytes, length, count);
            length += count;
        }

        private boolean found(boolean lf) {
            number++;
            offset = nextOffset;
            nextOffset += length + 1L;
            terminated = lf;
            return true;
        }
    }
}
