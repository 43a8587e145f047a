package dev.cutover.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** The published SHA-256 test vectors (FIPS 180-2), in every form callers use. */
class Sha256Test {
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void theEmptyInputHasItsWellKnownDigest() {
        assertThat(Sha256.hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void bytesStringAndFedDigestAgreeOnAbc() {
        MessageDigest fed = Sha256.newDigest();
        fed.update("a".getBytes(StandardCharsets.UTF_8));
        fed.update("bc".getBytes(StandardCharsets.UTF_8));

        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(ABC);
        assertThat(Sha256.hex("abc")).isEqualTo(ABC);
        assertThat(Sha256.hex(fed)).isEqualTo(ABC);
    }

    @Test
    void aStringIsHashedAsItsUtf8Bytes() {
        assertThat(Sha256.hex("é")).isEqualTo(Sha256.hex(new byte[] {(byte) 0xc3, (byte) 0xa9}));
    }
}
