package dev.cutover.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.engine.RunResult;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunDirectory;
import dev.cutover.report.RunActivity;
import dev.cutover.report.StatusView;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run is over for everyone else only once its summary and reports exist: they are written while the run still
 * holds its lock. Before, the lock was released first, and a {@code cutover report} in the next 70 ms or so found an
 * ended run without files, folded its own and could write them over (or under) the run's.
 */
class EndOfRunUnderTheLockTest {
    @TempDir
    Path tmp;

    /** What another terminal would see while the end-of-run files are being written. */
    private record Seen(StatusView status, CutoverException report, boolean lockFile) {}

    private static final class Watching implements EndOfRunWriter {
        private final EndOfRunWriter files = new JournalEndOfRunWriter();
        private final List<Seen> seen = new ArrayList<>();

        @Override
        public void write(RunDirectory dir, RunResult result) {
            StatusView status = new StatusService(Clock.systemUTC(), Map.of()).status(dir);
            CutoverException refused = null;
            try {
                new ReportService(Clock.systemUTC(), Map.of()).report(dir);
            } catch (CutoverException e) {
                refused = e;
            }
            seen.add(new Seen(status, refused, Files.exists(dir.file(RunDirectory.LOCK))));
            files.write(dir, result);
        }
    }

    @Test
    void whileARunWritesItsReportsStatusSaysItIsFinishingAndReportWaitsForThem() {
        Scenario s = Scenario.demo(tmp);
        Watching watching = new Watching();

        RunResult result = new ExecuteService(
                        new CompileService(),
                        s.engine(new ScriptedApprover(), new PrintWriter(new StringWriter())),
                        watching)
                .execute(s.request(false), Optional.empty());

        assertThat(result.exitCode()).isZero();
        Seen during = watching.seen.get(0);
        assertThat(during.status().activity()).isEqualTo(RunActivity.RUNNING);
        assertThat(during.status().waitingFor()).isEqualTo("finishing the run");
        assertThat(during.report()).isNotNull();
        assertThat(during.report().code()).isEqualTo(ErrorCode.LOCK_HELD);
        assertThat(during.lockFile()).isTrue();
        StatusView after = new StatusService(Clock.systemUTC(), Map.of()).status(new RunDirectory(s.dir()));
        assertThat(after.activity()).isEqualTo(RunActivity.ENDED);
        assertThat(after.verdict()).isEqualTo("completed");
        assertThat(s.dir().resolve(RunDirectory.LOCK)).doesNotExist();
    }

    @Test
    void aRollbackWritesItsReportsUnderTheLockToo() {
        Scenario s = Scenario.demo(tmp);
        assertThat(s.run(new ScriptedApprover()).verdict()).isEqualTo("completed");
        Watching watching = new Watching();

        RollbackService.Result result = new RollbackService(
                        new CompileService(),
                        s.engine(new ScriptedApprover(), new PrintWriter(new StringWriter())),
                        watching)
                .rollback(s.request(true), Optional.empty());

        assertThat(result.exitCode()).isZero();
        Seen during = watching.seen.get(0);
        assertThat(during.status().activity()).isEqualTo(RunActivity.RUNNING);
        assertThat(during.report().code()).isEqualTo(ErrorCode.LOCK_HELD);
        assertThat(s.dir().resolve(RunDirectory.LOCK)).doesNotExist();
    }

    @Test
    void anEndOfRunWriterThatFailsUnexpectedlyLeavesTheLockFileAsACrashWould() {
        Scenario s = Scenario.demo(tmp);
        EndOfRunWriter broken = (dir, result) -> {
            throw new IllegalStateException("a bug in the report");
        };

        assertThatThrownBy(() -> new ExecuteService(
                                new CompileService(),
                                s.engine(new ScriptedApprover(), new PrintWriter(new StringWriter())),
                                broken)
                        .execute(s.request(false), Optional.empty()))
                .hasMessage("a bug in the report");
        // The journal ends in lock-released; the kept lock file sends the next command through the stale-lock
        // path (status: interrupted, report: rebuilt from the journal), as after a crash at that instant.
        assertThat(s.dir().resolve(RunDirectory.LOCK)).exists();
    }
}
