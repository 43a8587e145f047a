package dev.cutover.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TailsTest {
    @Test
    void keepsShortOutputWhole() {
        assertThat(Tails.lastBytes("hello", 2048)).isEqualTo("hello");
        assertThat(Tails.lastBytes(new byte[0], 2048)).isEmpty();
    }

    @Test
    void dropsTheWholeCharacterWhoseBytesTheCutSplits() {
        byte[] euro = "a€b".getBytes(StandardCharsets.UTF_8); // a E2 82 AC b

        assertThat(Tails.lastBytes(euro, 4)).isEqualTo("€b");
        assertThat(Tails.lastBytes(euro, 3)).isEqualTo("b");
        assertThat(Tails.lastBytes("x😀", 4)).isEqualTo("😀");
        assertThat(Tails.lastBytes("x😀", 3)).isEmpty();
    }

    @Test
    void keepsMalformedOutputWithinTheLimitAfterReplacement() {
        byte[] binary = new byte[4096];
        Arrays.fill(binary, (byte) 0xFF); // each byte decodes to a 3-byte U+FFFD

        String tail = Tails.lastBytes(binary, 2048);

        assertThat(tail.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
        assertThat(tail).isNotEmpty().matches("\uFFFD+");
    }

    @Property(tries = 300)
    void theTailIsTheLongestWholeCharacterSuffixThatFits(
            @ForAll String text, @ForAll @IntRange(min = 0, max = 64) int maxBytes) {
        String valid = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

        String tail = Tails.lastBytes(valid, maxBytes);

        assertThat(valid).endsWith(tail);
        assertThat(tail.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(maxBytes);
        String longer = valid.substring(0, valid.length() - tail.length());
        if (!longer.isEmpty()) {
            int cp = longer.codePointBefore(longer.length());
            String extended = new String(Character.toChars(cp)) + tail;
            assertThat(extended.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(maxBytes);
        }
    }
}
