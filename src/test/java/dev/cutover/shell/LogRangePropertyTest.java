package dev.cutover.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;

/** Head and tail of any text in a real file: a prefix/suffix missing at most one cut character. */
class LogRangePropertyTest {
    private final Path log = createLog();

    @Property(tries = 300)
    void tailIsASuffixWithinTheLimitMissingAtMostOneCutCharacter(
            @ForAll("texts") String text, @ForAll @IntRange(min = 4, max = 97) int limit) throws IOException {
        int length = text.getBytes(StandardCharsets.UTF_8).length;

        byte[] tail = framed(text).tail(limit).getBytes(StandardCharsets.UTF_8);

        assertThat(text).endsWith(new String(tail, StandardCharsets.UTF_8));
        assertThat(Math.min(length, limit) - tail.length).isBetween(0, 3);
    }

    @Property(tries = 300)
    void headIsAPrefixWithinTheLimitMissingAtMostOneCutCharacter(
            @ForAll("texts") String text, @ForAll @IntRange(min = 0, max = 97) int limit) throws IOException {
        int length = text.getBytes(StandardCharsets.UTF_8).length;

        LogRange.Head head = framed(text).head(limit);
        byte[] bytes = head.text().getBytes(StandardCharsets.UTF_8);

        assertThat(text).startsWith(head.text());
        assertThat(Math.min(length, limit) - bytes.length).isBetween(0, 3);
        assertThat(head.truncated()).isEqualTo(length > limit);
    }

    @Property(tries = 300)
    void anyBytesGiveATailWithinTheLimit(@ForAll byte[] bytes, @ForAll @IntRange(min = 4, max = 50) int limit)
            throws IOException {
        Files.write(log, bytes);

        String tail = new LogRange(log, 0, bytes.length).tail(limit);

        assertThat(tail.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(limit);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.of(List.of("a", "é", "€", "😀", "\n", "ß"));
        return pieces.list().ofMaxSize(80).map(list -> String.join("", list));
    }

    @AfterProperty
    void deleteLog() throws IOException {
        Files.deleteIfExists(log);
    }

    private LogRange framed(String text) throws IOException {
        // Multibyte characters on both sides, so a read outside the range would show.
        String before = "€😀frame\n";
        Files.writeString(log, before + text + "€😀", StandardCharsets.UTF_8);
        long start = before.getBytes(StandardCharsets.UTF_8).length;
        return new LogRange(log, start, start + text.getBytes(StandardCharsets.UTF_8).length);
    }

    private static Path createLog() {
        try {
            return Files.createTempFile("cutover-log-range", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
