package dev.cutover.journal;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An incomplete or unparseable last line (a crash mid-append): never dropped silently, it is reported so
 * that {@code cutover repair} can move exactly these bytes aside.
 *
 * @param lineNumber the 1-based number of the torn line
 * @param byteOffset the offset of its first byte, which is also the length of the intact prefix
 * @param bytes every byte from {@code byteOffset} to the end of the file (including an LF if present)
 * @param reason why the line counts as torn
 */
public record TornTail(long lineNumber, long byteOffset, byte[] bytes, String reason) {
    public TornTail {
        bytes = bytes.clone();
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * True when the line has no LF: a crash mid-append, or, while a live run holds the journal, an append that
     * readers see a page at a time and that is still under way. A complete line that is not JSON is never this.
     */
    public boolean unterminated() {
        return bytes.length == 0 || bytes[bytes.length - 1] != '\n';
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TornTail t
                && lineNumber == t.lineNumber
                && byteOffset == t.byteOffset
                && Arrays.equals(bytes, t.bytes)
                && reason.equals(t.reason);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(lineNumber) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        String preview = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 32));
        return "TornTail[line " + lineNumber + ", offset " + byteOffset + ", " + bytes.length + " bytes (" + preview
                + (bytes.length > 32 ? "…" : "") + "), " + reason + "]";
    }
}
