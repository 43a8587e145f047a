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
        byte[] chunk = new byte[CHUNK];
        byte[] line = new byte[1024];
        int lineLength = 0;
        long lineNumber = 1;
        long lineOffset = 0;
        int read;
        while ((read = in.read(chunk)) != -1) {
            int from = 0;
            for (int i = 0; i < read; i++) {
                if (chunk[i] != '\n') {
                    continue;
                }
                line = append(line, lineLength, chunk, from, i - from);
                lineLength += i - from;
                if (!sink.line(lineNumber, lineOffset, line, lineLength, true)) {
                    return;
                }
                lineOffset += lineLength + 1L;
                lineNumber++;
                lineLength = 0;
                from = i + 1;
            }
            line = append(line, lineLength, chunk, from, read - from);
            lineLength += read - from;
        }
        if (lineLength > 0) {
            sink.line(lineNumber, lineOffset, line, lineLength, false);
        }
    }

    private static byte[] append(byte[] line, int lineLength, byte[] src, int from, int count) {
        byte[] target = line;
        if (lineLength + count > line.length) {
            target = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + count));
        }
        System.arraycopy(src, from, target, lineLength, count);
        return target;
    }
}
