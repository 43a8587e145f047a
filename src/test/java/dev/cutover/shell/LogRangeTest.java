package dev.cutover.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Head and tail reads of a command's byte range in a real log file, with frames around it. */
class LogRangeTest {
    static final byte[] BEFORE = "==== start ====\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] AFTER = "\n==== exit=0 ====\nlate output\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void headKeepsTheWholeRangeUpToTheLimitAndNothingAroundIt() throws Exception {
        LogRange.Head head = framed("0123456789").head(10);

        assertThat(head.text()).isEqualTo("0123456789");
        assertThat(head.truncated()).isFalse();
    }

    @Test
    void headStopsAtTheLimitAndFlagsTruncation() throws Exception {
        LogRange.Head head = framed("0123456789").head(8);

        assertThat(head.text()).isEqualTo("01234567");
        assertThat(head.truncated()).isTrue();
    }

    @Test
    void headDropsACharacterCutByTheLimit() throws Exception {
        // "a€€" is 7 bytes: a limit of 5 or 6 cuts the second "€"; 4 ends exactly after the first.
        LogRange range = framed("a€€");

        assertThat(range.head(6).text()).isEqualTo("a€");
        assertThat(range.head(5).text()).isEqualTo("a€");
        assertThat(range.head(4).text()).isEqualTo("a€");
        assertThat(range.head(7)).isEqualTo(new LogRange.Head("a€€", false));
    }

    @Test
    void headDropsAFourByteCharacterCutAfterAnyOfItsBytes() throws Exception {
        LogRange range = framed("b😀");

        assertThat(range.head(2).text()).isEqualTo("b");
        assertThat(range.head(4).text()).isEqualTo("b");
        assertThat(range.head(5).text()).isEqualTo("b😀");
    }

    @Test
    void headKeepsAMalformedTrailingByteWhenNothingWasCut() throws Exception {
        LogRange range = framed(new byte[] {'a', (byte) 0xE2});

        assertThat(range.head(10)).isEqualTo(new LogRange.Head("a\uFFFD", false));
    }

    @Test
    void tailIsTheWholeRangeWhenShorterThanTheLimit() throws Exception {
        assertThat(framed("état\n").tail(2048)).isEqualTo("état\n");
        assertThat(framed("").tail(2048)).isEmpty();
    }

    @Test
    void tailDropsTheLeadingBytesOfACharacterCutByTheLimit() throws Exception {
        // 4 x "€" = 12 bytes; the last 10 begin with the last 2 bytes of the first "€".
        assertThat(framed("€€€€").tail(10)).isEqualTo("€€€");
        // 3 x "😀" + "b" = 13 bytes; the last 10 begin with the last byte of the first emoji.
        assertThat(framed("😀😀😀b").tail(10)).isEqualTo("😀😀b");
        // Exactly on a boundary nothing is dropped.
        assertThat(framed("€€€€").tail(9)).isEqualTo("€€€");
    }

    @Test
    void invalidUtf8TailIsReplacedAndStillFitsTheLimit() throws Exception {
        byte[] invalid = new byte[3000];
        java.util.Arrays.fill(invalid, (byte) 0xFF);

        String tail = framed(invalid).tail(2048);

        assertThat(tail).matches("\uFFFD+");
        assertThat(tail.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
    }

    @Test
    void anEmptyRangeIsEmptyTextWithoutReadingTheFile() throws Exception {
        LogRange empty = framed("");
        // Nothing to read, so the file is not opened: even a log removed since reads as empty.
        Files.delete(empty.file());

        assertThat(empty.head(10)).isEqualTo(new LogRange.Head("", false));
        assertThat(empty.tail(10)).isEmpty();
        assertThat(new LogRange(empty.file(), 5, 6).length()).isEqualTo(1);
        assertThatThrownBy(() -> new LogRange(empty.file(), 5, 6).tail(10)).isInstanceOf(IOException.class);
    }

    @Test
    void lengthIsTheRangeOnly() throws Exception {
        assertThat(framed("a€").length()).isEqualTo(4);
    }

    private LogRange framed(String output) throws IOException {
        return framed(output.getBytes(StandardCharsets.UTF_8));
    }

    /** A log holding {@code output} between a start frame and an end frame plus later output. */
    private LogRange framed(byte[] output) throws IOException {
        Path log = Files.createTempFile(dir, "step", ".log");
        byte[] content = new byte[BEFORE.length + output.length + AFTER.length];
        System.arraycopy(BEFORE, 0, content, 0, BEFORE.length);
        System.arraycopy(output, 0, content, BEFORE.length, output.length);
        System.arraycopy(AFTER, 0, content, BEFORE.length + output.length, AFTER.length);
        Files.write(log, content);
        return new LogRange(log, BEFORE.length, BEFORE.length + output.length);
    }
}
