package dev.cutover.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReaderTest {
    @TempDir
    Path dir;

    private final JournalReader reader = new JournalReader();

    @Test
    void readsBackExactlyTheEntriesTheWriterAppended() {
        Path journal = dir.resolve("execution-log.jsonl");
        List<JournalEntry> written = JournalFixtures.write(journal, JournalFixtures.successfulStep());

        JournalContents contents = reader.read(journal);

        assertThat(contents.metadata()).isEqualTo(JournalFixtures.metadata());
        assertThat(contents.entries()).containsExactlyElementsOf(written);
        assertThat(contents.tornTail()).isEmpty();
    }

    @Test
    void returnsATornTailForALastLineCutMidJson() throws Exception {
        Path journal = dir.resolve("execution-log.jsonl");
        JournalFixtures.write(journal, JournalFixtures.successfulStep());
        byte[] full = Files.readAllBytes(journal);
        List<String> lines = JournalFixtures.lines(journal);
        int lastLineStart = full.length - lines.get(8).length() - 1;
        byte[] cut = Arrays.copyOf(full, lastLineStart + 25);
        Files.write(journal, cut);

        JournalContents contents = reader.read(journal);

        assertThat(contents.entries()).hasSize(7);
        TornTail torn = contents.tornTail().orElseThrow();
        assertThat(torn.lineNumber()).isEqualTo(9);
        assertThat(torn.byteOffset()).isEqualTo(lastLineStart);
        assertThat(torn.bytes()).isEqualTo(Arrays.copyOfRange(cut, lastLineStart, cut.length));
    }

    @Test
    void returnsATornTailForACompleteLastEntryWithoutItsLineFeed() throws Exception {
        Path journal = dir.resolve("execution-log.jsonl");
        JournalFixtures.write(journal, JournalFixtures.successfulStep());
        byte[] full = Files.readAllBytes(journal);
        Files.write(journal, Arrays.copyOf(full, full.length - 1));

        JournalContents contents = reader.read(journal);

        assertThat(contents.entries()).hasSize(7);
        assertThat(contents.tornTail()).hasValueSatisfying(t -> {
            assertThat(t.lineNumber()).isEqualTo(9);
            assertThat(t.reason()).contains("no LF");
            assertThat(new String(t.bytes(), StandardCharsets.UTF_8)).startsWith("{\"entry_id\":\"e8\"");
        });
    }

    @Test
    void returnsATornTailForAnUnparseableLastLineEvenWithItsLineFeed() throws Exception {
        Path journal = dir.resolve("execution-log.jsonl");
        JournalFixtures.write(journal, JournalFixtures.successfulStep());
        long size = Files.size(journal);
        Files.write(journal, new byte[] {0, 0, 0, '\n'}, StandardOpenOption.APPEND);

        JournalContents contents = reader.read(journal);

        assertThat(contents.entries()).hasSize(8);
        assertThat(contents.tornTail()).hasValueSatisfying(t -> {
            assertThat(t.lineNumber()).isEqualTo(10);
            assertThat(t.byteOffset()).isEqualTo(size);
            assertThat(t.bytes()).containsExactly(0, 0, 0, '\n');
        });
    }

    @Test
    void theIntactPrefixOfAJournalTornDuringVerifyReplaysAsInFlight() throws Exception {
        Path journal = dir.resolve("execution-log.jsonl");
        JournalFixtures.write(journal, JournalFixtures.successfulStep().subList(0, 6)); // up to verify-passed
        byte[] full = Files.readAllBytes(journal);
        Files.write(journal, Arrays.copyOf(full, full.length - 40));

        JournalContents contents = reader.read(journal);
        RunState state = new RunStateReplayer().replay(contents.entries());

        assertThat(contents.isTorn()).isTrue();
        assertThat(state.stateOf(JournalFixtures.STEP)).isEqualTo(StepResumeState.IN_FLIGHT);
        assertThat(state.step(JournalFixtures.STEP).orElseThrow().lastEvent()).isEqualTo(JournalEvent.EXECUTED);
        assertThat(state.facts().lockHeld()).isTrue();
    }

    @Test
    void throwsCorruptWithTheLineNumberForGarbageBeforeTheLastLine() {
        Path journal = dir.resolve("execution-log.jsonl");
        JournalFixtures.write(journal, JournalFixtures.successfulStep());
        List<String> lines = new ArrayList<>(JournalFixtures.lines(journal));
        lines.set(4, "{\"entry_id\":\"e4\",garbage");
        JournalFixtures.writeLines(journal, lines);

        assertThatThrownBy(() -> reader.read(journal)).isInstanceOfSatisfying(JournalCorruptException.class, e -> {
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.reason()).contains("not valid JSON");
            assertThat(e.getMessage()).contains("line 5").contains("verify-journal");
        });
    }

    @Test
    void throwsCorruptForAWellFormedButInvalidLastLine() throws Exception {
        Path journal = dir.resolve("execution-log.jsonl");
        JournalFixtures.write(journal, JournalFixtures.successfulStep());
        Files.writeString(journal, "{\"entry_id\":\"e9\"}\n", StandardOpenOption.APPEND);

        assertThatThrownBy(() -> reader.read(journal)).isInstanceOfSatisfying(JournalCorruptException.class, e -> {
            assertThat(e.line()).isEqualTo(10);
            assertThat(e.reason()).contains("missing key");
        });
    }

    @Test
    void acceptsMetadataWrappedInAMetadataObject() throws Exception {
        Path journal = dir.resolve("execution-log.jsonl");
        JournalFixtures.write(journal, List.of());
        String metadataLine = JournalFixtures.lines(journal).get(0);
        Files.writeString(journal, "{\"metadata\":" + metadataLine + "}\n");
        try (JournalWriter writer = JournalWriter.openExisting(journal, JournalFixtures.clock())) {
            writer.append(EntryDraft.runLevel(JournalEvent.LOCK_ACQUIRED).withOperator(JournalFixtures.OPERATOR));
        }

        JournalContents contents = reader.read(journal);

        assertThat(contents.metadata()).isEqualTo(JournalFixtures.metadata());
        assertThat(contents.entries()).hasSize(1);
        assertThat(new JournalVerifier().verify(journal).ok()).isTrue();
    }

    @Test
    void acceptsMetadataWithoutTheOptionalKeys() throws Exception {
        Path journal = dir.resolve("execution-log.jsonl");
        Files.writeString(
                journal,
                "{\"run_id\":\"r1\",\"started_at\":\"2026-11-21T13:45:01.123Z\","
                        + "\"source_account_id\":\"111111111111\",\"target_account_id\":\"222222222222\","
                        + "\"plugin_version\":\"0.1.0\",\"checklist_ref\":\"./c.json\",\"plan_ref\":\"./p.json\"}\n");

        JournalContents contents = reader.read(journal);

        assertThat(contents.metadata().approvalMode()).isNull();
        assertThat(contents.entries()).isEmpty();
    }

    @Test
    void reportsATornMetadataLineAsCorruptLineOne() throws Exception {
        Path journal = dir.resolve("execution-log.jsonl");
        Files.writeString(journal, "{\"run_id\":\"r1\",\"sta");

        assertThatThrownBy(() -> reader.read(journal))
                .isInstanceOfSatisfying(
                        JournalCorruptException.class, e -> assertThat(e.line()).isEqualTo(1));
    }

    @Test
    void reportsAMissingFileAsAnIoFailure() {
        assertThatThrownBy(() -> reader.read(dir.resolve("absent.jsonl")))
                .isInstanceOfSatisfying(
                        CutoverException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_FAILURE));
    }
}
