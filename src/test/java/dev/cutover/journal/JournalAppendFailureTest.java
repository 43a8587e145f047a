package dev.cutover.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An append the OS cuts short leaves the journal as it was, never half a line (docs/journal.md). */
class JournalAppendFailureTest {
    @TempDir
    Path tmp;

    @Test
    void aWriteCutShortIsCutBackToTheLastWholeLineBeforeTheFailureIsThrown() throws IOException {
        Path file = tmp.resolve("execution-log.jsonl");
        Files.writeString(file, "{\"first\":1}\n", StandardCharsets.UTF_8);
        byte[] line = "{\"entry_id\":\"e2\",\"notes\":\"a line the disk has room for only half of\"}"
                .getBytes(StandardCharsets.UTF_8);

        try (FileChannel channel = new ShortWriteChannel(
                FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND), 20)) {
            assertThatThrownBy(() -> JournalWriter.appendWholeOrNothing(channel, line))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("No space left");
        }

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("{\"first\":1}\n");
    }

    @Test
    void aWholeWriteIsAppendedWithItsNewline() throws IOException {
        Path file = tmp.resolve("execution-log.jsonl");
        Files.writeString(file, "{\"first\":1}\n", StandardCharsets.UTF_8);

        try (FileChannel channel = new ShortWriteChannel(
                FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND), 1_000)) {
            JournalWriter.appendWholeOrNothing(channel, "{\"second\":2}".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("{\"first\":1}\n{\"second\":2}\n");
    }
}
