package dev.cutover.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeadCaptureTest {

    @Test
    void keepsEverythingUpToTheLimit() {
        HeadCapture head = feed(new HeadCapture(10), "0123456789");

        assertThat(head.text()).isEqualTo("0123456789");
        assertThat(head.truncated()).isFalse();
    }

    @Test
    void dropsWhatExceedsTheLimitAcrossChunks() {
        HeadCapture head = feed(feed(new HeadCapture(10), "01234567"), "89abc");

        assertThat(head.text()).isEqualTo("0123456789");
        assertThat(head.truncated()).isTrue();
    }

    @Test
    void dropsACharacterCutByTheLimit() {
        // "a€€" is 7 bytes; a 6-byte limit keeps "a€" plus two bytes of the second "€".
        HeadCapture head = feed(new HeadCapture(6), "a€€");

        assertThat(head.text()).isEqualTo("a€");
    }

    @Test
    void keepsAMalformedTrailingByteWhenNothingWasCut() {
        HeadCapture head = new HeadCapture(10);
        head.feed(new byte[] {'a', (byte) 0xE2}, 0, 2);

        assertThat(head.text()).isEqualTo("a\uFFFD");
    }

    private static HeadCapture feed(HeadCapture head, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        head.feed(bytes, 0, bytes.length);
        return head;
    }
}
