package dev.cutover.cli;

import dev.cutover.app.VerifyJournalService;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunDirectory;
import dev.cutover.journal.VerificationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code cutover verify-journal}: prove the journal is complete and unedited. */
@Command(
        name = "verify-journal",
        mixinStandardHelpOptions = true,
        header = "Check that a run's journal is complete and unedited.",
        description = "Check execution-log.jsonl: valid metadata, every line a valid entry, ids e1..eN without gaps or "
                + "duplicates, every prev_sha256 equal to the hash of the line before, time never going "
                + "backwards, and a final newline. Names the first bad line. While a live run holds the run "
                + "directory, a last line without its newline is still being written: the complete lines are "
                + "checked and it is reported as such.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the journal is intact",
            "2:no journal",
            "3:refused: the journal is a folder or cannot be read",
            "6:the journal is damaged (first bad line named)",
            "70:internal error (bug)"
        })
final class VerifyJournalCommand implements Callable<Integer> {
    @Mixin
    RunDirOptions runDir;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RunDirectory dir = runDir.resolve();
        Path journal = dir.journalFile();
        if (!Files.exists(journal)) {
            spec.commandLine().getErr().println("error: no journal at " + journal);
            return ErrorCode.USAGE.exitCode();
        }
        VerificationResult result = new VerifyJournalService(System.getenv()).verify(dir);
        if (result.ok()) {
            spec.commandLine()
                    .getOut()
                    .println("OK " + journal + ": "
                            + (result.lineInProgress().isPresent()
                                    ? result.describe()
                                    : result.entryCount() + " entries, chain intact"));
            return 0;
        }
        spec.commandLine().getErr().println("DAMAGED " + journal + ": " + result.describe());
        return ErrorCode.JOURNAL_CORRUPT.exitCode();
    }
}
