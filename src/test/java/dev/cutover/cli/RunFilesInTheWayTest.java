package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.cutover.app.DemoRunDirectory;
import dev.cutover.testing.RunDirFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an operator can leave in a run directory before a command — a folder where Cutover reads or writes a file,
 * a file where it keeps a folder, a run directory it cannot write — is refused with exit 3, naming the path and the
 * fix, before anything is written or executed: never exit 70, never a command that stops halfway (docs/preflight.md,
 * check 3).
 */
class RunFilesInTheWayTest {
    private static final String APPROVE_ALL = CompletedDemo.APPROVE_ALL.toString();
    private static final String ROLLBACK_ALL = "examples/demo-rollback-all.txt";
    private static final String FOLDER_FIX = "is a folder, but Cutover";

    @TempDir
    Path tmp;

    private Path dir;

    @AfterEach
    void writableAgain() throws IOException {
        if (dir != null) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** Every command that reads or writes execution-steps.json, as it is run against a fresh run directory. */
    static Stream<Arguments> stepsFileCommands() {
        return Stream.of(
                Arguments.of("compile", List.of()),
                Arguments.of("plan", List.of()),
                Arguments.of("runbook", List.of()),
                Arguments.of("preflight", List.of()),
                Arguments.of("execute", List.of("--dry-run")),
                Arguments.of("execute", List.of("--answers", APPROVE_ALL)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stepsFileCommands")
    void aFolderAtTheStepsFileIsRefusedNamingItAndNothingIsWritten(String command, List<String> args)
            throws IOException {
        dir = demo();
        Files.createDirectory(dir.resolve("execution-steps.json"));

        assertRefusedWritingNothing(command, args, dir.resolve("execution-steps.json") + " " + FOLDER_FIX);
    }

    /** The files and folders a run writes, each refused by the checks that run before it writes anything. */
    static Stream<Arguments> runOutputs() {
        Stream<String> files = Stream.of(
                "execution-summary.json",
                "execution-report.md",
                "execution-report.html",
                "RUNNING.lock",
                ".RUNNING.lock.flock",
                "execution-log.jsonl");
        return files.flatMap(file -> Stream.of(
                Arguments.of(file, "preflight", List.of()),
                Arguments.of(file, "execute", List.of("--dry-run")),
                Arguments.of(file, "execute", List.of("--answers", APPROVE_ALL))));
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("runOutputs")
    void aFolderWhereARunWritesAFileIsRefusedBeforeAnyStepRuns(String file, String command, List<String> args)
            throws IOException {
        dir = demo();
        Files.createDirectory(dir.resolve(file));
        Files.writeString(dir.resolve(file).resolve("kept"), "the operator's\n");

        assertRefusedWritingNothing(command, args, dir.resolve(file) + " " + FOLDER_FIX);
    }

    static Stream<Arguments> dryRunLogFolderCommands() {
        return Stream.of(
                Arguments.of("preflight", List.of()),
                Arguments.of("execute", List.of("--dry-run")),
                Arguments.of("execute", List.of("--answers", APPROVE_ALL)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dryRunLogFolderCommands")
    void aFileWhereThePreflightLogsGoIsRefusedByPreflightDryRunAndExecuteAlike(String command, List<String> args)
            throws IOException {
        dir = demo();
        Files.writeString(dir.resolve("execution-dry-run"), "not a folder\n");

        assertRefusedWritingNothing(
                command,
                args,
                "check 3 (run directory): " + dir.resolve("execution-dry-run") + " exists and is not a folder");
    }

    @Test
    void aFolderAtTheRunbooksHtmlRefusesBeforeTheMarkdownIsWritten() throws IOException {
        dir = demo();
        Files.createDirectory(dir.resolve("runbook.html"));

        assertRefusedWritingNothing("runbook", List.of(), dir.resolve("runbook.html") + " " + FOLDER_FIX);
        assertThat(dir.resolve("runbook.md")).doesNotExist();
    }

    @Test
    void aFolderAtTheRunbooksMarkdownIsRefusedNamingIt() throws IOException {
        dir = demo();
        Files.createDirectory(dir.resolve("runbook.md"));

        assertRefusedWritingNothing("runbook", List.of(), dir.resolve("runbook.md") + " " + FOLDER_FIX);
        assertThat(dir.resolve("runbook.html")).doesNotExist();
    }

    @Test
    void aFolderWhereTheHtmlBesideOutGoesIsAUsageErrorAndTheMarkdownIsNotWritten() throws IOException {
        dir = demo();
        Path out = tmp.resolve("handover/rb.md");
        Files.createDirectories(out.resolveSibling("rb.html"));

        CliRunner.Result r = CliRunner.run("runbook", "--run-dir", dir.toString(), "--out", out.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("--out " + out + ": " + out.resolveSibling("rb.html") + " " + FOLDER_FIX);
        assertThat(out).doesNotExist();
    }

    @Test
    void rollbackWithAFileWhereTheStepLogsGoIsRefusedBeforeAnyRollbackRuns() throws IOException {
        dir = CompletedDemo.in(tmp.resolve("demo"));
        Files.move(dir.resolve("execution"), dir.resolve("execution-kept"));
        Files.writeString(dir.resolve("execution"), "not a folder\n");

        assertRefusedWritingNothing(
                "rollback",
                List.of("--answers", ROLLBACK_ALL),
                "check 3 (run directory): " + dir.resolve("execution") + " exists and is not a folder");
        assertThat(Files.readSymbolicLink(dir.resolve("service/live")).toString())
                .as("the irreversible switch is not undone")
                .endsWith("target/demo-data");
    }

    @Test
    void rollbackWithAFolderAtTheReportIsRefusedBeforeAnyRollbackRuns() throws IOException {
        dir = CompletedDemo.in(tmp.resolve("demo"));
        Files.delete(dir.resolve("execution-report.html"));
        Files.createDirectory(dir.resolve("execution-report.html"));

        assertRefusedWritingNothing(
                "rollback",
                List.of("--answers", ROLLBACK_ALL),
                dir.resolve("execution-report.html") + " " + FOLDER_FIX);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"compile", "repair"})
    void aFolderAtTheJournalIsRefusedNamingIt(String command) throws IOException {
        dir = demo();
        Files.createDirectory(dir.resolve("execution-log.jsonl"));

        assertRefusedWritingNothing(command, List.of(), dir.resolve("execution-log.jsonl") + " " + FOLDER_FIX);
    }

    static Stream<Arguments> writingCommands() {
        return Stream.of(
                Arguments.of("compile", List.of()),
                Arguments.of("runbook", List.of()),
                Arguments.of("preflight", List.of()),
                Arguments.of("execute", List.of("--dry-run")),
                Arguments.of("execute", List.of("--answers", APPROVE_ALL)));
    }

    /** Root may write a read-only folder, so as root this condition cannot arise: the test is skipped. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writingCommands")
    void aReadOnlyRunDirectoryIsRefusedNamingItAndNothingIsWritten(String command, List<String> args)
            throws IOException {
        dir = demo();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        assumeFalse(Files.isWritable(dir), "this user (root?) may write a read-only folder");

        assertRefusedWritingNothing(command, args, "the folder " + dir + " is not writable");
    }

    private Path demo() {
        return new DemoRunDirectory(Clock.systemUTC()).write(tmp.resolve("demo"));
    }

    /**
     * Runs {@code cutover command --run-dir DIR args}: exit 3, the message names the path and what to do, and the
     * run directory is byte for byte as it was (the empty OS lock file the lock probe creates aside).
     */
    private void assertRefusedWritingNothing(String command, List<String> args, String message) {
        List<String> before = contents(dir);
        List<String> argv = Stream.concat(Stream.of(command, "--run-dir", dir.toString()), args.stream())
                .toList();

        CliRunner.Result r = CliRunner.run(argv.toArray(String[]::new));

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.err()).contains(message).containsPattern("(remove or rename|make it writable)");
        assertThat(contents(dir)).as("nothing written, nothing executed").isEqualTo(before);
    }

    private static List<String> contents(Path dir) {
        return RunDirFixtures.snapshot(dir).stream()
                .filter(line -> !line.startsWith(".RUNNING.lock.flock e3b0c442"))
                .toList();
    }
}
