package dev.cutover.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileTest {
    @TempDir
    Path dir;

    @Test
    void openCreatesMissingFoldersAndKeepsExistingContent() throws Exception {
        Path existing = Files.writeString(dir.resolve("old.log"), "earlier\n");

        LogFile fresh = LogFile.open(dir.resolve("a/b/step.stdout.log"));
        LogFile kept = LogFile.open(existing);

        assertThat(fresh.size()).isZero();
        assertThat(Files.readString(existing)).isEqualTo("earlier\n");
        assertThat(kept.size()).isEqualTo(8);
    }

    @Test
    void appendedLineFirstEndsAnUnterminatedLastLine() throws Exception {
        LogFile log = LogFile.open(dir.resolve("step.log"));

        log.appendLine("==== start ====");
        Files.writeString(log.path(), "no-newline", java.nio.file.StandardOpenOption.APPEND);
        log.appendLine("==== exit=0 ====");

        assertThat(Files.readString(log.path())).isEqualTo("==== start ====\nno-newline\n==== exit=0 ====\n");
    }

    @Test
    void rangeIsReadFromTheFileAsWritten() throws Exception {
        LogFile log = LogFile.open(dir.resolve("step.log"));
        log.appendLine("frame");
        long start = log.size();
        Files.writeString(log.path(), "out\n", java.nio.file.StandardOpenOption.APPEND);

        LogRange range = log.range(start, log.size());

        assertThat(range.tail(2048)).isEqualTo("out\n");
        assertThat(range.length()).isEqualTo(4);
    }
}
