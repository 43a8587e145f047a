package dev.cutover.input;

import dev.cutover.error.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns an input file's bytes into text before any parser sees them: strict UTF-8, nothing else (docs/schemas.md).
 * Done here rather than by the parsers because they guess: Jackson reads a UTF-16 JSON file without a word, and
 * reports a bad byte in cutover.yaml as a Java exception at "line 1, column 1" with a syntax fix. Every refusal
 * names where the bad byte or character is and says to save the file as UTF-8.
 */
final class InputText {
    private static final String SAVE_AS_UTF8 = "save the file as UTF-8";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private InputText() {}

    /**
     * Decodes {@code bytes} as UTF-8, without a leading byte-order mark (editors on Windows write one; it says how
     * the file is encoded and is not part of the first line); a UTF-16 or UTF-32 file, a malformed byte sequence or
     * a NUL character (a UTF-16 file without a byte-order mark, or a binary file) is a problem instead.
     */
    static InputFileReader.Read<String> utf8(String fileName, byte[] bytes) {
        Optional<String> wide = wideEncoding(bytes);
        if (wide.isPresent()) {
            return InputFileReader.Read.failed(new Problem(
                    fileName,
                    "",
                    "is " + wide.get() + " (it starts with a " + wide.get() + " byte-order mark), not UTF-8",
                    SAVE_AS_UTF8));
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer)
                    .toString();
        } catch (CharacterCodingException e) {
            int offset = buffer.position();
            String before = new String(bytes, 0, offset, StandardCharsets.UTF_8);
            return InputFileReader.Read.failed(new Problem(
                    fileName,
                    "",
                    "is not valid UTF-8: bad byte 0x"
                            + HexFormat.of().withUpperCase().toHexDigits(bytes[offset]) + " at "
                            + position(before, before.length()) + " (byte offset " + offset + ")",
                    SAVE_AS_UTF8));
        }
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            return InputFileReader.Read.failed(new Problem(
                    fileName,
                    "",
                    "holds a NUL character at " + position(text, nul)
                            + ": it looks like UTF-16 or a binary file, not UTF-8 text",
                    SAVE_AS_UTF8));
        }
        return InputFileReader.Read.of(text);
    }

    /**
     * The first character YAML does not allow in a document (control characters other than tab, line feed and
     * carriage return; DEL; C1 controls other than NEL; U+FFFE and U+FFFF) as a problem naming its position. The
     * YAML parser would report it as "special characters are not allowed" at line 1, column 1.
     */
    static Optional<Problem> yamlCharacters(String fileName, String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!yamlPrintable(cp)) {
                return Optional.of(new Problem(
                        fileName,
                        "",
                        "holds the control character " + String.format(Locale.ROOT, "U+%04X", cp) + " at "
                                + position(text, i) + ", which YAML does not allow",
                        "delete that character (" + SAVE_AS_UTF8 + " text, without control characters)"));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /**
     * A file whose lines end with a carriage return alone (classic Mac OS) reads as one line: Cutover splits lines
     * at line feeds (a CR before the LF is dropped), so its sign-off line would never be found where it is.
     */
    static Optional<Problem> lineEndings(String fileName, String text) {
        for (int i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
            if (i + 1 == text.length() || text.charAt(i + 1) != '\n') {
                return Optional.of(new Problem(
                        fileName,
                        "",
                        "ends a line with a carriage return alone (CR, classic Mac OS line endings) at "
                                + position(text, i) + ": Cutover splits lines at line feeds, so the lines after it"
                                + " would read as part of that line",
                        "save the file with LF (or CRLF) line endings"));
            }
        }
        return Optional.empty();
    }

    /** {@code line L, column C} of the character at {@code index} in {@code text}, both counted from 1. */
    static String position(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
            line++;
            lineStart = i + 1;
        }
        return "line " + line + ", column " + (text.codePointCount(lineStart, index) + 1);
    }

    private static Optional<String> wideEncoding(byte[] b) {
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == (byte) 0xFE && b[3] == (byte) 0xFF) {
            return Optional.of("UTF-32");
        }
        if (b.length >= 4 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE && b[2] == 0 && b[3] == 0) {
            return Optional.of("UTF-32");
        }
        if (b.length >= 2
                && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF))) {
            return Optional.of("UTF-16");
        }
        return Optional.empty();
    }

    private static boolean yamlPrintable(int cp) {
        return cp == '\t'
                || cp == '\n'
                || cp == '\r'
                || (cp >= 0x20 && cp <= 0x7E)
                || cp == 0x85
                || (cp >= 0xA0 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
