package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.cutover.engine.RunLock;
import dev.cutover.journal.EntryDraft;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.JournalMetadata;
import dev.cutover.journal.JournalWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepairCommandTest {
    @TempDir
    Path dir;

    Path journal;

    @BeforeEach
    void writeAJournalOfThreeEntries() {
        journal = dir.resolve("execution-log.jsonl");
        Clock clock = Clock.systemUTC();
        JournalWriter w = JournalWriter.create(
                journal, JournalMetadata.standard("r", clock.instant(), "000000000001", "000000000002", "t"), clock);
        w.append(EntryDraft.runLevel(JournalEvent.LOCK_ACQUIRED).withOperator("op"));
        w.append(EntryDraft.of("cp-phase1-010-a", 1, JournalEvent.STEP_STARTED));
        w.append(EntryDraft.of("cp-phase1-010-a", 1, JournalEvent.PREVIEW_SHOWN));
        w.close();
    }

    @Test
    void aTornLastLineIsMovedAsideByteForByteAndTheRepairIsJournaled() throws Exception {
        byte[] whole = Files.readAllBytes(journal);
        int cut = whole.length - 25;
        Files.write(journal, Arrays.copyOf(whole, cut));
        byte[] intactPrefixEnd = Arrays.copyOf(whole, cut);
        assertThat(CliRunner.run("verify-journal", "--run-dir", dir.toString()).exit())
                .isEqualTo(6);

        CliRunner.Result r = CliRunner.run("repair", "--run-dir", dir.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("repaired: line 4");
        byte[] side = Files.readAllBytes(dir.resolve("execution-log.torn-1.bin"));
        String tornLine = new String(intactPrefixEnd, StandardCharsets.UTF_8).split("\n", -1)[3];
        assertThat(new String(side, StandardCharsets.UTF_8)).isEqualTo(tornLine);
        assertThat(CliRunner.run("verify-journal", "--run-dir", dir.toString()).exit())
                .isZero();
        assertThat(Files.readString(journal)).contains("journal repair: line 4 was torn");
    }

    /** Root may write a read-only folder, so as root this condition cannot arise: the test is skipped. */
    @Test
    void aTornTailInAReadOnlyRunDirectoryIsARefusalThatChangesNothing() throws Exception {
        byte[] whole = Files.readAllBytes(journal);
        byte[] torn = Arrays.copyOf(whole, whole.length - 25);
        Files.write(journal, torn);
        // The lock's flock file is there from the run that crashed: only the side file would be new.
        Files.createFile(dir.resolve(RunLock.OS_LOCK_FILE));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(dir), "this user (root?) may write a read-only folder");

            CliRunner.Result r = CliRunner.run("repair", "--run-dir", dir.toString());

            assertThat(r.exit()).as(r.err()).isEqualTo(3);
            assertThat(r.err()).contains("is not writable").contains("chmod u+w");
            assertThat(Files.readAllBytes(journal)).isEqualTo(torn);
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void damageBeforeTheLastLineIsNeverRepaired() throws Exception {
        String text = Files.readString(journal).replaceFirst("step-started", "step-startet");
        Files.writeString(journal, text);

        CliRunner.Result r = CliRunner.run("repair", "--run-dir", dir.toString());

        assertThat(r.exit()).isEqualTo(6);
        assertThat(Files.readString(journal)).isEqualTo(text);
        assertThat(dir.resolve("execution-log.torn-1.bin")).doesNotExist();
    }

    @Test
    void anIntactJournalIsLeftAlone() throws Exception {
        byte[] before = Files.readAllBytes(journal);

        CliRunner.Result r = CliRunner.run("repair", "--run-dir", dir.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("nothing to repair");
        assertThat(Files.readAllBytes(journal)).isEqualTo(before);
    }
}
