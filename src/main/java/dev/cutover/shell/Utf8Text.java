package dev.cutover.shell;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes byte ranges as UTF-8 and finds character boundaries, so cut output never shows half a character. */
final class Utf8Text {
    private Utf8Text() {}

    /** Whether {@code b} is a continuation byte (10xxxxxx), i.e. not the start of a character. */
    static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /** Index of the first character start in {@code bytes[from, to)}, skipping at most 3 continuation bytes. */
    static int skipLeadingContinuations(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && i - from < 3 && isContinuation(bytes[i])) {
            i++;
        }
        return i;
    }

    /** End index that drops a trailing character whose bytes were cut off at {@code to}. */
    static int dropIncompleteTail(byte[] bytes, int from, int to) {
        int start = to - 1;
        while (start >= from && to - start <= 4 && isContinuation(bytes[start])) {
            start--;
        }
        if (start < from) {
            return to;
        }
        int needed = sequenceLength(bytes[start]);
        return needed > to - start ? start : to;
    }

    /** Decodes {@code bytes[from, to)}, replacing malformed input with U+FFFD. */
    static String decode(byte[] bytes, int from, int to) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("REPLACE decoding cannot fail", e);
        }
    }

    private static int sequenceLength(byte lead) {
        int b = lead & 0xFF;
        if (b >= 0xF0) {
            return 4;
        }
        if (b >= 0xE0) {
            return 3;
        }
        return b >= 0xC0 ? 2 : 1;
    }
}
