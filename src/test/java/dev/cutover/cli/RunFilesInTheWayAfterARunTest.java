package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.testing.RunDirFixtures;
import dev.cutover.testing.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The commands that look at a run that has started (report, status, verify-journal) and {@code rehearse},
 * which writes its evidence after the whole run: a folder in the way of a file they read or write is refused with
 * exit 3 naming it, before anything runs or is written.
 */
class RunFilesInTheWayAfterARunTest {
    private static final Path REHEARSE_ALL = Path.of("examples", "demo-rehearse-all.txt");

    @TempDir
    Path tmp;

    @Test
    void reportOfAnEndedRunDoesNotTakeAFolderForItsReportAndWritesNoneOfItsFiles() throws IOException {
        Path dir = CompletedDemo.in(tmp.resolve("demo"));
        Files.delete(dir.resolve("execution-report.md"));
        Files.createDirectory(dir.resolve("execution-report.md"));

        CliRunner.Result r = refusedWritingNothing(dir, "report", "--run-dir", dir.toString());

        assertThat(r.err()).contains(dir.resolve("execution-report.md") + " is a folder, but Cutover writes a file");
    }

    static Stream<String> journalReaders() {
        return Stream.of("status", "report", "verify-journal");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("journalReaders")
    void aFolderAtTheJournalIsRefusedNamingIt(String command) throws IOException {
        Path dir = Scenario.demo(tmp.resolve("demo")).dir();
        Files.createDirectory(dir.resolve("execution-log.jsonl"));

        CliRunner.Result r = refusedWritingNothing(dir, command, "--run-dir", dir.toString());

        assertThat(r.err()).contains(dir.resolve("execution-log.jsonl") + " is a folder, but Cutover reads a file");
    }

    // Scenario.demo signs the checklists on a fixed test date; the command line runs on today's clock.
    @Test
    void rehearseWithAFolderAtTheEvidenceIsRefusedBeforeTheRehearsalRuns() throws IOException {
        Path dir = Scenario.demo(tmp.resolve("demo")).dir();
        Files.createDirectory(dir.resolve("rehearsal-evidence.json"));

        CliRunner.Result r = refusedWritingNothing(
                dir, "rehearse", "--run-dir", dir.toString(), "--accept-stale", "--answers", REHEARSE_ALL.toString());

        assertThat(r.err())
                .contains(dir.resolve("rehearsal-evidence.json") + " is a folder, but Cutover writes a file");
    }

    /** Exit 3 with a fix in the message, and the run directory byte for byte as it was (the empty OS lock aside). */
    private static CliRunner.Result refusedWritingNothing(Path dir, String... args) {
        List<String> before = contents(dir);

        CliRunner.Result r = CliRunner.run(args);

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.err()).contains("remove or rename");
        assertThat(contents(dir)).as("nothing written, nothing executed").isEqualTo(before);
        return r;
    }

    private static List<String> contents(Path dir) {
        return RunDirFixtures.snapshot(dir).stream()
                .filter(line -> !line.startsWith(".RUNNING.lock.flock e3b0c442"))
                .toList();
    }
}
