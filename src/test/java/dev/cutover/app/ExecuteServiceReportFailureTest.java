package dev.cutover.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.engine.RunResult;
import dev.cutover.engine.Verdict;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.report.RollbackOutcomes;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run (or rollback) whose summary and reports cannot be written (full disk, read-only directory) ends halted, not
 * as a bug.
 */
class ExecuteServiceReportFailureTest {
    @TempDir
    Path tmp;

    @Test
    void aCompletedRunWhoseReportsCannotBeWrittenIsHaltedWithExitOneAndSaysHowToWriteThemAgain() {
        Scenario s = Scenario.demo(tmp);
        EndOfRunWriter full = (dir, result) -> {
            throw new CutoverException(ErrorCode.IO_FAILURE, "cannot write execution-summary.json: No space left");
        };

        RunResult result = new ExecuteService(
                        new CompileService(),
                        s.engine(new ScriptedApprover(), new PrintWriter(new StringWriter())),
                        full)
                .execute(s.request(false), Optional.empty());

        assertThat(result.ending().verdict()).isEqualTo(Verdict.HALTED);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.ending().haltReason())
                .startsWith("the run completed, but the summary and reports could not be written")
                .contains("No space left", "cutover report --run-dir " + s.dir());
    }

    @Test
    void aFinishedRollbackWhoseReportsCannotBeWrittenIsHaltedWithExitOneAndSaysHowToWriteThemAgain() {
        Scenario s = Scenario.demo(tmp);
        assertThat(s.run(new ScriptedApprover()).verdict()).isEqualTo("completed");
        EndOfRunWriter full = (dir, result) -> {
            throw new CutoverException(ErrorCode.IO_FAILURE, "cannot write execution-summary.json: No space left");
        };

        RollbackService.Result result = new RollbackService(
                        new CompileService(),
                        s.engine(new ScriptedApprover(), new PrintWriter(new StringWriter())),
                        full)
                .rollback(s.request(true), Optional.empty());

        assertThat(result.run().ending().verdict()).isEqualTo(Verdict.HALTED);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.run().ending().haltReason())
                .startsWith("the rollback finished, but the summary and reports could not be written")
                .contains("No space left", "cutover report --run-dir " + s.dir());
        assertThat(result.outcomes().ids(RollbackOutcomes.Outcome.ROLLED_BACK)).isNotEmpty();
    }

    @Test
    void aFolderPutWhereAReportGoesDuringTheRunHaltsItWithExitOneNotARefusal() {
        // Pre-flight checked the reports' paths; this step puts a folder at one of them after that.
        Scenario s = Scenario.demo(tmp)
                .editItem(
                        "dp-phase3-010-copy-config",
                        item -> item.put(
                                "command",
                                "cp service/source/app.conf service/target/config/app.conf && mkdir -p"
                                        + " execution-report.md"));

        RunResult result = new ExecuteService(
                        new CompileService(),
                        s.engine(new ScriptedApprover(), new PrintWriter(new StringWriter())),
                        new JournalEndOfRunWriter())
                .execute(s.request(false), Optional.empty());

        assertThat(result.ending().verdict()).isEqualTo(Verdict.HALTED);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.ending().haltReason())
                .startsWith("the run completed, but the summary and reports could not be written")
                .contains(
                        s.dir().resolve("execution-report.md") + " is a folder", "cutover report --run-dir " + s.dir());
    }
}
