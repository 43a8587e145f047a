package dev.cutover.journal;

import dev.cutover.digest.Sha256;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/** SHA-256 of one journal line's bytes (without its LF), as lowercase hex: the link of the hash chain. */
final class LineHash {
    static final String PATTERN = "^[0-9a-f]{64}$";
    static final Pattern SHAPE = Pattern.compile(PATTERN);

    // MessageDigest is stateful, so each user owns one; the chain is always computed sequentially.
    private final MessageDigest digest;

    LineHash() {
        digest = Sha256.newDigest();
    }

    String of(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
        return Sha256.hex(digest);
    }

    String of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }
}
