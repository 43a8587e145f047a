package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.engine.LockHolderProcess;
import dev.cutover.journal.EntryDraft;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.JournalMetadata;
import dev.cutover.journal.JournalWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live run's long append becomes visible to readers a page at a time, so a reader can see the last line without
 * its LF while the run is healthy: while another process holds the run lock that line is still being written, not
 * torn, and no command advises {@code cutover repair}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveJournalTailTest {
    @TempDir
    Path dir;

    private Path journal;
    private byte[] whole;
    private byte[] partial;

    @BeforeEach
    void writeAJournalWhoseLastLineIsHalfVisible() throws Exception {
        journal = dir.resolve("execution-log.jsonl");
        Clock clock = Clock.systemUTC();
        JournalWriter w = JournalWriter.create(
                journal, JournalMetadata.standard("r", clock.instant(), "000000000001", "000000000002", "t"), clock);
        w.append(EntryDraft.runLevel(JournalEvent.LOCK_ACQUIRED).withOperator("op"));
        w.append(EntryDraft.of("cp-phase1-010-a", 1, JournalEvent.STEP_STARTED));
        w.append(EntryDraft.of("cp-phase1-010-a", 1, JournalEvent.PREVIEW_SHOWN));
        w.close();
        whole = Files.readAllBytes(journal);
        partial = Arrays.copyOf(whole, whole.length - 25); // line 4 (e3) without its last 25 bytes and LF
        Files.write(journal, partial);
    }

    @Test
    void verifyJournalVerifiesTheCompleteLinesOfALiveRunAndExitsZero() throws Exception {
        try (LockHolderProcess run = liveRun()) {
            CliRunner.Result r = CliRunner.run("verify-journal", "--run-dir", dir.toString());

            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out())
                    .isEqualTo("OK " + journal + ": 2 entries verified; the last line is still being written by the "
                            + "live run (pid " + run.pid() + " on " + hostName() + ")\n");
            assertThat(r.err()).isEmpty();
        }
    }

    @Test
    void verifyJournalStillNamesDamageBeforeTheLineALiveRunIsWriting() throws Exception {
        String text = new String(partial, java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(journal, text.replaceFirst("step-started", "step-startet"));
        try (LockHolderProcess run = liveRun()) {
            CliRunner.Result r = CliRunner.run("verify-journal", "--run-dir", dir.toString());

            assertThat(r.exit()).isEqualTo(6);
            assertThat(r.err()).contains("DAMAGED").contains("line 3:");
        }
    }

    @Test
    void withoutALiveRunTheSameLineIsATornTail() throws Exception {
        try (LockHolderProcess run = liveRun()) {
            run.kill(); // a crash mid-append: the OS lock goes with the process, RUNNING.lock stays
        }

        CliRunner.Result r = CliRunner.run("verify-journal", "--run-dir", dir.toString());

        assertThat(r.exit()).isEqualTo(6);
        assertThat(r.err())
                .isEqualTo("DAMAGED " + journal + ": line 4: torn last line (no LF at the end of the last line); "
                        + "`cutover repair` moves its " + (partial.length - lineFourOffset()) + " bytes aside\n");
        CliRunner.Result status = CliRunner.run("status", "--run-dir", dir.toString(), "--json");
        assertThat(status.out()).contains("\"activity\": \"interrupted\"").contains("\"torn_tail\": true");
    }

    @Test
    void statusShowsALiveRunUpToItsLastCompleteLineWithoutATornTail() throws Exception {
        try (LockHolderProcess run = liveRun()) {
            CliRunner.Result r = CliRunner.run("status", "--run-dir", dir.toString(), "--json");

            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out())
                    .contains("\"activity\": \"running\"")
                    .contains("\"torn_tail\": false")
                    .contains("\"next_command\": null")
                    .doesNotContain("repair");
            CliRunner.Result text = CliRunner.run("status", "--run-dir", dir.toString());
            assertThat(text.out())
                    .contains("State: running")
                    .doesNotContain("torn")
                    .doesNotContain("repair");
        }
    }

    @Test
    void repairAndReportRefuseALiveRunAndLeaveItsJournalAlone() throws Exception {
        try (LockHolderProcess run = liveRun()) {
            CliRunner.Result repair = CliRunner.run("repair", "--run-dir", dir.toString());
            CliRunner.Result report = CliRunner.run("report", "--run-dir", dir.toString());

            assertThat(repair.exit()).as(repair.err()).isEqualTo(4);
            assertThat(report.exit()).as(report.err()).isEqualTo(4);
            assertThat(Files.readAllBytes(journal)).isEqualTo(partial);
            assertThat(dir.resolve("execution-log.torn-1.bin")).doesNotExist();
            assertThat(dir.resolve("execution-report.md")).doesNotExist();
        }
    }

    private LockHolderProcess liveRun() throws Exception {
        LockHolderProcess run = LockHolderProcess.start(dir);
        run.awaitLine("READY");
        run.go();
        assertThat(run.awaitLine("WON", "LOST")).startsWith("WON");
        return run;
    }

    private int lineFourOffset() {
        int newlines = 0;
        for (int i = 0; i < whole.length; i++) {
            if (whole[i] == '\n' && ++newlines == 3) {
                return i + 1;
            }
        }
        throw new IllegalStateException("fewer than four lines");
    }

    private static String hostName() {
        return dev.cutover.engine.HostInfo.system(System.getenv()).hostName();
    }
}
