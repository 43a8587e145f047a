package dev.cutover.journal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 of one journal line's bytes (without its LF), as lowercase hex: the link of the hash chain. */
final class LineHash {
    static final String PATTERN = "^[0-9a-f]{64}$";
    static final Pattern SHAPE = Pattern.compile(PATTERN);

    private static final HexFormat HEX = HexFormat.of();

    // MessageDigest is stateful, so each user owns one; the chain is always computed sequentially.
    private final MessageDigest digest;

    LineHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java 17 runtime provides SHA-256", e);
        }
    }

    String of(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
        return HEX.formatHex(digest.digest());
    }

    String of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }
}
