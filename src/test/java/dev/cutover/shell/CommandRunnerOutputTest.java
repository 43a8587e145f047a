package dev.cutover.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerOutputTest {
    static final int MIB = 1 << 20;

    @TempDir
    Path dir;

    BashFixture bash;

    @BeforeEach
    void setUp() {
        bash = new BashFixture(dir);
    }

    @Test
    void tailCutsThreeByteCharactersAtACharacterBoundary() {
        // 1000 x "€" = 3000 bytes; the last 2048 begin with the last 2 bytes of a "€" (2048 = 682 * 3 + 2).
        Path file = bash.write("euros.txt", "€".repeat(1000));

        CommandResult result = bash.run("cat " + file + "; cat " + file + " >&2");

        assertThat(result.stdoutTail()).isEqualTo("€".repeat(682));
        assertThat(result.stderrTail()).isEqualTo("€".repeat(682));
        assertThat(result.stdoutBytes()).isEqualTo(3000);
    }

    @Test
    void tailCutsFourByteCharactersAtACharacterBoundary() {
        // The last 2048 bytes are "b" plus 2047 emoji bytes, which start 3 bytes into an emoji.
        Path file = bash.write("emoji.txt", "😀".repeat(600) + "b");

        String tail = bash.run("cat " + file).stdoutTail();

        assertThat(tail).isEqualTo("😀".repeat(511) + "b");
        assertThat(tail.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
    }

    @Test
    void shortOutputIsTheWholeTail() {
        CommandResult result = bash.run("echo 'état: disponible'; echo oops >&2");

        assertThat(result.stdoutTail()).isEqualTo("état: disponible\n");
        assertThat(result.stderrTail()).isEqualTo("oops\n");
    }

    @Test
    void headOfExactlyOneMebibyteIsNotTruncated() {
        CommandResult result = bash.run("head -c " + MIB + " /dev/zero | tr '\\0' a");

        assertThat(result.stdoutTruncated()).isFalse();
        assertThat(result.stdoutHead()).hasSize(MIB);
    }

    @Test
    void headStopsAtOneMebibyteAndFlagsTruncation() {
        CommandResult result = bash.run("head -c " + (MIB + 1) + " /dev/zero | tr '\\0' a");

        assertThat(result.stdoutTruncated()).isTrue();
        assertThat(result.stdoutHead()).hasSize(MIB).matches("a+");
        assertThat(result.stdoutBytes()).isEqualTo(MIB + 1);
    }

    @Test
    void truncatedHeadEndsAtACharacterBoundary() {
        // 1 MiB = 349525 * 3 + 1, so the limit cuts the 349526th "€" after its first byte.
        Path file = bash.write("many-euros.txt", "€".repeat(400_000));

        CommandResult result = bash.run("cat " + file);

        assertThat(result.stdoutTruncated()).isTrue();
        assertThat(result.stdoutHead()).isEqualTo("€".repeat(349_525));
    }

    @Test
    void invalidUtf8IsReplacedAndStillFitsTheTailLimit() {
        CommandResult result = bash.run("head -c 3000 /dev/zero | tr '\\0' '\\377'");

        assertThat(result.stdoutTail()).matches("\uFFFD+");
        assertThat(result.stdoutTail().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
    }
}
