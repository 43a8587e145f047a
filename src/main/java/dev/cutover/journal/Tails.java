package dev.cutover.journal;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Cuts command output to the journal's tail size without ever splitting a UTF-8 character. */
public final class Tails {
    /** The tail size FORMATS.md §3.2 fixes for {@code stdout_tail}/{@code stderr_tail}. */
    public static final int JOURNAL_TAIL_BYTES = 2048;

    private Tails() {}

    /**
     * The longest suffix of {@code text} whose UTF-8 encoding is at most {@code maxBytes} bytes, cut at a
     * character boundary.
     */
    public static String lastBytes(String text, int maxBytes) {
        Objects.requireNonNull(text, "text");
        if (text.length() * 3L <= maxBytes) {
            return text; // even all-BMP three-byte characters would fit
        }
        return lastBytes(text.getBytes(StandardCharsets.UTF_8), maxBytes);
    }

    /**
     * The last at most {@code maxBytes} bytes of {@code output} decoded as UTF-8, starting on a character
     * boundary; malformed input bytes become U+FFFD and the result still encodes to at most
     * {@code maxBytes} bytes.
     */
    public static String lastBytes(byte[] output, int maxBytes) {
        Objects.requireNonNull(output, "output");
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0: " + maxBytes);
        }
        int start = Math.max(0, output.length - maxBytes);
        // A cut inside a multi-byte character leaves up to three continuation bytes (10xxxxxx) in front.
        int skipped = 0;
        while (start < output.length && skipped < 3 && start > 0 && (output[start] & 0xC0) == 0x80) {
            start++;
            skipped++;
        }
        String decoded = decode(output, start, output.length - start);
        return dropLeadingUntilFits(decoded, maxBytes);
    }

    /** UTF-8 length of one code point. */
    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

    private static String decode(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("REPLACE decoder cannot fail", e);
        }
    }

    // Replacement characters (3 bytes each) can make the decoded text longer than the raw bytes.
    private static String dropLeadingUntilFits(String text, int maxBytes) {
        int total = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            total += utf8Length(cp);
            i += Character.charCount(cp);
        }
        int index = 0;
        while (total > maxBytes && index < text.length()) {
            int cp = text.codePointAt(index);
            total -= utf8Length(cp);
            index += Character.charCount(cp);
        }
        return text.substring(index);
    }
}
