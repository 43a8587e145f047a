package dev.cutover.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class TailsTest {

    @Property
    void ringBufferKeepsExactlyTheLastBytesWhateverTheChunking(
            @ForAll("texts") String text, @ForAll @IntRange(min = 1, max = 97) int chunk) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Tails tails = feedInChunks(new Tails(64), bytes, chunk);

        byte[] expected = Arrays.copyOfRange(bytes, Math.max(0, bytes.length - 64), bytes.length);
        String tail = tails.text();
        byte[] tailBytes = tail.getBytes(StandardCharsets.UTF_8);

        assertThat(tails.total()).isEqualTo(bytes.length);
        assertThat(tailBytes.length).isLessThanOrEqualTo(64);
        // Valid input: the tail is the kept bytes minus at most 3 bytes of a character cut at the front.
        assertThat(text).endsWith(tail);
        assertThat(expected.length - tailBytes.length).isBetween(0, 3);
    }

    @Property
    void anyBytesGiveTextWithinTheCapacity(@ForAll byte[] bytes, @ForAll @IntRange(min = 1, max = 50) int chunk) {
        String tail = feedInChunks(new Tails(16), bytes, chunk).text();

        assertThat(tail.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(16);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.of(List.of("a", "é", "€", "😀", "\n", "ß"));
        return pieces.list().ofMaxSize(80).map(list -> String.join("", list));
    }

    private static Tails feedInChunks(Tails tails, byte[] bytes, int chunk) {
        for (int i = 0; i < bytes.length; i += chunk) {
            int n = Math.min(chunk, bytes.length - i);
            // Feed from an offset inside a larger array so offset handling is exercised too.
            byte[] padded = new byte[n + 2];
            System.arraycopy(bytes, i, padded, 1, n);
            tails.feed(padded, 1, n);
        }
        return tails;
    }
}
