package dev.cutover.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheTargetWholeAndLeavesNoTempFileBehind() throws Exception {
        Path target = dir.resolve("execution-summary.json");
        Files.writeString(target, "old");

        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(target)).isEqualTo("new");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("execution-summary.json");
        }
    }

    @Test
    void anotherProcesssTempFileForTheSameTargetIsNeitherUsedNorRemoved() throws Exception {
        // `cutover report` and the run that just ended may write the summary at the same moment.
        Path target = dir.resolve("execution-summary.json");
        long other = ProcessHandle.current().pid() + 1;
        Path theirs = dir.resolve(".execution-summary.json." + other + ".tmp");
        Files.writeString(theirs, "the other writer's half-written bytes");

        AtomicFiles.write(target, "ours".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(target)).isEqualTo("ours");
        assertThat(Files.readString(theirs)).isEqualTo("the other writer's half-written bytes");
        assertThat(AtomicFiles.tempFor(target).getFileName().toString())
                .isEqualTo(".execution-summary.json." + ProcessHandle.current().pid() + ".tmp");
    }

    @Test
    void aFolderInTheWayOfTheLastFileRefusesBeforeTheFirstIsWritten() throws Exception {
        Path first = Files.writeString(dir.resolve("execution-summary.json"), "old");
        Path last = Files.createDirectory(dir.resolve("execution-report.md"));

        assertThatThrownBy(() -> AtomicFiles.writeAll(List.of(
                        new AtomicFiles.Output(first, "new".getBytes(StandardCharsets.UTF_8)),
                        new AtomicFiles.Output(last, "report".getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOfSatisfying(
                        CutoverException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RUN_FILE_IN_THE_WAY))
                .hasMessageContaining(
                        last + " is a folder, but Cutover writes a file there: remove or rename the" + " folder");
        assertThat(Files.readString(first)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("execution-summary.json", "execution-report.md");
        }
    }
}
