package dev.cutover.shell;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The bytes one command wrote to a log file, {@code [start, end)}, read back in bounded pieces only: a head
 * and a tail, each cut at a UTF-8 character boundary. Memory is bounded by the limits, not by the output.
 *
 * @param file the log file
 * @param start offset of the command's first byte (just after the start frame)
 * @param end offset just after the command's last byte (the file size when bash exited)
 */
record LogRange(Path file, long start, long end) {

    LogRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid range [" + start + ", " + end + ")");
        }
    }

    /** The first bytes of a range as text, and whether the range was longer than the limit. */
    record Head(String text, boolean truncated) {}

    /** Bytes in the range. */
    long length() {
        return end - start;
    }

    /** The first {@code limit} bytes; when cut, a character split by the limit is dropped, not broken. */
    Head head(int limit) throws IOException {
        if (limit < 0) {
            throw new IllegalArgumentException("limit cannot be negative: " + limit);
        }
        if (length() == 0) {
            return new Head("", false);
        }
        boolean truncated = length() > limit;
        byte[] bytes = read(start, (int) Math.min(length(), limit));
        int to = truncated ? Utf8Text.dropIncompleteTail(bytes, 0, bytes.length) : bytes.length;
        return new Head(Utf8Text.decode(bytes, 0, to), truncated);
    }

    /**
     * The last {@code limit} bytes; when cut, the leading bytes of a split character are dropped, and the
     * text is shortened further if U+FFFD replacements made its UTF-8 encoding longer than the limit.
     */
    String tail(int limit) throws IOException {
        if (limit < 4) {
            throw new IllegalArgumentException("limit must hold one full character: " + limit);
        }
        if (length() == 0) {
            return ""; // most commands print nothing: no need to open the file
        }
        int n = (int) Math.min(length(), limit);
        byte[] bytes = read(end - n, n);
        // Only a cut at the front can split a character; an uncut range is decoded as it is.
        int from = length() > limit ? Utf8Text.skipLeadingContinuations(bytes, 0, bytes.length) : 0;
        return fitTo(Utf8Text.decode(bytes, from, bytes.length), limit);
    }

    private byte[] read(long position, int length) throws IOException {
        byte[] bytes = new byte[length];
        int filled = 0;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(position);
            while (filled < length) {
                int n = raf.read(bytes, filled, length - filled);
                if (n < 0) {
                    // Someone shortened the log: report what is there rather than fail the run.
                    return Arrays.copyOf(bytes, filled);
                }
                filled += n;
            }
        }
        return bytes;
    }

    // A malformed byte becomes U+FFFD, three bytes in UTF-8, so replaced text can outgrow the limit.
    private static String fitTo(String text, int limit) {
        String result = text;
        while (result.getBytes(StandardCharsets.UTF_8).length > limit) {
            result = result.substring(Character.charCount(result.codePointAt(0)));
        }
        return result;
    }
}
