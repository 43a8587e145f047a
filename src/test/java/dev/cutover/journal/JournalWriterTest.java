package dev.cutover.journal;

import static dev.cutover.journal.JournalFixtures.OPERATOR;
import static dev.cutover.journal.JournalFixtures.STEP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesCompactLinesWithFixedKeyOrderAndMillisecondUtcTimes() throws Exception {
        Path journal = dir.resolve("execution-log.jsonl");
        JournalFixtures.write(
                journal,
                List.of(EntryDraft.of(STEP, 1, JournalEvent.EXECUTED)
                        .withOperator(OPERATOR)
                        .withCmd("terraform apply -target=module.vpc")
                        .withExitCode(0)
                        .withTails("done\n", "warn: \"x\"\n")
                        .withPollState(null)
                        .withNotes("captured: id=42")));

        List<String> lines = JournalFixtures.lines(journal);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .isEqualTo("{\"run_id\":\"northwind-2026-11-21\",\"started_at\":\"2026-11-21T13:45:01.123Z\","
                        + "\"source_account_id\":\"111111111111\",\"target_account_id\":\"222222222222\","
                        + "\"plugin_version\":\"0.1.0\",\"checklist_ref\":\"./cutover-checklist-control-plane.json\","
                        + "\"plan_ref\":\"./migration-plan.json\",\"execution_steps_ref\":\"./execution-steps.json\","
                        + "\"approval_mode\":\"per-step\","
                        + "\"data_plane_checklist_ref\":\"./cutover-checklist-data-plane.json\","
                        + "\"data_migration_plan_ref\":\"./data-migration-plan.json\"}");
        assertThat(lines.get(1))
                .isEqualTo("{\"entry_id\":\"e1\",\"step_id\":\"" + STEP + "\",\"phase_number\":1,"
                        + "\"event\":\"executed\",\"at\":\"2026-11-21T13:45:02.123Z\",\"operator\":\"" + OPERATOR
                        + "\",\"cmd\":\"terraform apply -target=module.vpc\",\"exit_code\":0,"
                        + "\"stdout_tail\":\"done\\n\",\"stderr_tail\":\"warn: \\\"x\\\"\\n\",\"poll_state\":null,"
                        + "\"notes\":\"captured: id=42\",\"prev_sha256\":\"" + sha256(lines.get(0)) + "\"}");
        assertThat(Files.readAllBytes(journal)[(int) Files.size(journal) - 1]).isEqualTo((byte) '\n');
    }

    @Test
    void chainsEveryEntryToTheSha256OfThePreviousLineBytes() throws Exception {
        Path journal = dir.resolve("execution-log.jsonl");
        List<JournalEntry> entries = JournalFixtures.write(journal, JournalFixtures.successfulStep());

        List<String> lines = JournalFixtures.lines(journal);
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).prevSha256()).isEqualTo(sha256(lines.get(i)));
            assertThat(entries.get(i).entryId()).isEqualTo("e" + (i + 1));
        }
        assertThat(new JournalVerifier().verify(journal).ok()).isTrue();
    }

    @Test
    void continuesEntryIdsAndTheChainAfterReopening() throws Exception {
        Path journal = dir.resolve("execution-log.jsonl");
        JournalFixtures.write(journal, JournalFixtures.successfulStep().subList(0, 3));

        JournalEntry appended;
        try (JournalWriter writer = JournalWriter.openExisting(journal, JournalFixtures.clock())) {
            appended = writer.append(EntryDraft.runLevel(JournalEvent.LOCK_TAKEN_OVER_FROM_STALE)
                    .withOperator(OPERATOR)
                    .withNotes("pid 4242 on host bastion"));
        }

        List<String> lines = JournalFixtures.lines(journal);
        assertThat(appended.entryId()).isEqualTo("e4");
        assertThat(appended.prevSha256()).isEqualTo(sha256(lines.get(3)));
        assertThat(new JournalVerifier().verify(journal).entryCount()).isEqualTo(4);
    }

    @Test
    void everyWrittenLineValidatesAgainstTheJournalSchema() throws Exception {
        Path journal = dir.resolve("execution-log.jsonl");
        List<EntryDraft> drafts = new ArrayList<>(JournalFixtures.successfulStep());
        drafts.add(EntryDraft.of("dp-phase2-010-assets-datasync-start", 2, JournalEvent.POLL_TICK)
                .withPollState("unknown")
                .withExitCode(255));
        JournalFixtures.write(journal, drafts);

        JournalSchema schema = new JournalSchema();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : JournalFixtures.lines(journal)) {
            assertThat(schema.validateLine(mapper.readTree(line))).as(line).isEmpty();
        }
    }

    @Test
    void cutsAMultibyteOutputTailOnACharacterBoundary() throws Exception {
        Path journal = dir.resolve("execution-log.jsonl");
        String output = "é".repeat(2000) + "a"; // 4001 bytes: the 2048-byte cut lands inside an "é"
        List<JournalEntry> entries = JournalFixtures.write(
                journal, List.of(EntryDraft.of(STEP, 1, JournalEvent.EXECUTED).withTails(output, "ok")));

        String tail = entries.get(0).stdoutTail();
        assertThat(tail.getBytes(StandardCharsets.UTF_8)).hasSize(2047);
        assertThat(output).endsWith(tail);
        assertThat(tail).startsWith("é").doesNotContain("\uFFFD");
        assertThat(new JournalReader().read(journal).entries().get(0).stdoutTail())
                .isEqualTo(tail);
    }

    @Test
    void refusesToAppendToAJournalEndingInATornLine() throws Exception {
        Path journal = dir.resolve("execution-log.jsonl");
        JournalFixtures.write(journal, JournalFixtures.successfulStep().subList(0, 2));
        Files.write(
                journal, "{\"entry_id\":\"e3\",\"step_".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(journal);

        assertThatThrownBy(() -> JournalWriter.openExisting(journal, JournalFixtures.clock()))
                .isInstanceOfSatisfying(JournalTornTailException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.getMessage()).contains("cutover repair");
                });
        assertThat(Files.readAllBytes(journal)).isEqualTo(before);
    }

    @Test
    void refusesToAppendToACorruptJournal() throws Exception {
        Path journal = dir.resolve("execution-log.jsonl");
        JournalFixtures.write(journal, JournalFixtures.successfulStep());
        List<String> lines = new ArrayList<>(JournalFixtures.lines(journal));
        lines.remove(3);
        JournalFixtures.writeLines(journal, lines);

        assertThatThrownBy(() -> JournalWriter.openExisting(journal, JournalFixtures.clock()))
                .isInstanceOfSatisfying(
                        JournalCorruptException.class, e -> assertThat(e.line()).isEqualTo(4));
    }

    @Test
    void createRefusesAnExistingFileAndLeavesItUntouched() throws Exception {
        Path journal = dir.resolve("execution-log.jsonl");
        Files.writeString(journal, "precious\n");

        assertThatThrownBy(() -> JournalWriter.create(journal, JournalFixtures.metadata(), JournalFixtures.clock()))
                .isInstanceOfSatisfying(
                        CutoverException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_FAILURE))
                .hasMessageContaining("already exists");
        assertThat(Files.readString(journal)).isEqualTo("precious\n");
    }

    @Test
    void neverWritesAnEarlierTimeWhenTheClockStepsBack() {
        Path journal = dir.resolve("execution-log.jsonl");
        Instant start = JournalFixtures.T0.plusSeconds(60);
        try (JournalWriter writer = JournalWriter.create(
                journal, JournalFixtures.metadata(), JournalFixtures.steppingClock(start, Duration.ofSeconds(-1)))) {
            JournalEntry first = writer.append(EntryDraft.of(STEP, 1, JournalEvent.STEP_STARTED));
            JournalEntry second = writer.append(EntryDraft.of(STEP, 1, JournalEvent.PREVIEW_SHOWN));
            assertThat(second.at()).isEqualTo(first.at()).isEqualTo(start);
        }
        assertThat(new JournalVerifier().verify(journal).ok()).isTrue();
    }

    @Test
    void concurrentAppendsProduceOneContiguousVerifiableChain() throws Exception {
        Path journal = dir.resolve("execution-log.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (JournalWriter writer =
                JournalWriter.create(journal, JournalFixtures.metadata(), JournalFixtures.clock())) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        writer.append(
                                EntryDraft.of(STEP, 1, JournalEvent.POLL_TICK).withPollState("RUNNING"));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        VerificationResult result = new JournalVerifier().verify(journal);
        assertThat(result.ok()).as(result.describe()).isTrue();
        assertThat(result.entryCount()).isEqualTo(200);
    }

    @Test
    void refusesAnApprovalWithoutOperatorBeforeWritingAnything() {
        Path journal = dir.resolve("execution-log.jsonl");
        try (JournalWriter writer =
                JournalWriter.create(journal, JournalFixtures.metadata(), JournalFixtures.clock())) {
            assertThatThrownBy(() -> writer.append(EntryDraft.of(STEP, 1, JournalEvent.APPROVED)))
                    .isInstanceOf(IllegalArgumentException.class);
            JournalEntry next =
                    writer.append(EntryDraft.of(STEP, 1, JournalEvent.APPROVED).withOperator(OPERATOR));
            assertThat(next.entryId()).isEqualTo("e1");
        }
        assertThat(JournalFixtures.lines(journal)).hasSize(2);
    }

    @Test
    void refusesAppendsAfterClose() {
        Path journal = dir.resolve("execution-log.jsonl");
        JournalWriter writer = JournalWriter.create(journal, JournalFixtures.metadata(), JournalFixtures.clock());
        writer.close();

        assertThatThrownBy(() -> writer.append(EntryDraft.of(STEP, 1, JournalEvent.STEP_STARTED)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(JournalFixtures.lines(journal)).hasSize(1);
    }

    static String sha256(String line) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(digest.digest(line.getBytes(StandardCharsets.UTF_8)));
    }
}
