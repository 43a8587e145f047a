package dev.cutover.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalVerifierTest {
    @TempDir
    Path dir;

    private Path journal;
    private List<String> lines;
    private final JournalVerifier verifier = new JournalVerifier();

    @BeforeEach
    void writeIntactJournal() {
        journal = dir.resolve("execution-log.jsonl");
        JournalFixtures.write(journal, JournalFixtures.successfulStep()); // metadata + e1..e8 = 9 lines
        lines = new ArrayList<>(JournalFixtures.lines(journal));
    }

    @Test
    void passesAnIntactJournalAndCountsItsEntries() {
        VerificationResult result = verifier.verify(journal);

        assertThat(result.ok()).isTrue();
        assertThat(result.entryCount()).isEqualTo(8);
        assertThat(result.firstBadLine()).isEmpty();
        assertThat(result.describe()).contains("8 entries");
    }

    @Test
    void reportsTheLineAfterAnEditedLineAndNamesTheEditedOne() {
        lines.set(4, lines.get(4).replace("\"approved\"", "\"skipped\""));
        JournalFixtures.writeLines(journal, lines);

        VerificationResult result = verifier.verify(journal);

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBadLine()).hasValue(6);
        assertThat(result.reason())
                .hasValueSatisfying(r -> assertThat(r).contains("prev_sha256").contains("line 5 was changed"));
        assertThat(result.entryCount()).isEqualTo(4);
    }

    @Test
    void reportsADeletedLineAsAGap() {
        lines.remove(3);
        JournalFixtures.writeLines(journal, lines);

        VerificationResult result = verifier.verify(journal);

        assertThat(result.firstBadLine()).hasValue(4);
        assertThat(result.reason()).hasValueSatisfying(r -> assertThat(r).contains("e4 skips e3"));
    }

    @Test
    void reportsADuplicatedLine() {
        lines.add(4, lines.get(3));
        JournalFixtures.writeLines(journal, lines);

        VerificationResult result = verifier.verify(journal);

        assertThat(result.firstBadLine()).hasValue(5);
        assertThat(result.reason()).hasValueSatisfying(r -> assertThat(r).contains("e3 repeats"));
    }

    @Test
    void reportsASwappedPairAtTheFirstOfTheTwoLines() {
        Collections.swap(lines, 5, 6);
        JournalFixtures.writeLines(journal, lines);

        VerificationResult result = verifier.verify(journal);

        assertThat(result.firstBadLine()).hasValue(6);
        assertThat(result.reason())
                .hasValueSatisfying(r -> assertThat(r).contains("e6").contains("e5"));
    }

    @Test
    void reportsAMissingFinalLineFeed() {
        byte[] bytes = JournalFixtures.readBytes(journal);
        JournalFixtures.writeBytes(journal, Arrays.copyOf(bytes, bytes.length - 1));

        VerificationResult result = verifier.verify(journal);

        assertThat(result.firstBadLine()).hasValue(9);
        assertThat(result.reason()).hasValueSatisfying(r -> assertThat(r).contains("no LF"));
        assertThat(result.entryCount()).isEqualTo(7);
    }

    @Test
    void aLastLineWithoutLfIsStillBeingWrittenWhileALiveRunHoldsTheJournal() {
        byte[] bytes = JournalFixtures.readBytes(journal);
        JournalFixtures.writeBytes(journal, Arrays.copyOf(bytes, bytes.length - 40));

        VerificationResult result = verifier.verify(journal, () -> Optional.of("pid 4242 on bastion-1"));

        assertThat(result.ok()).as(result.describe()).isTrue();
        assertThat(result.entryCount()).isEqualTo(7);
        assertThat(result.lineInProgress()).hasValue("pid 4242 on bastion-1");
        assertThat(result.describe())
                .isEqualTo("7 entries verified; the last line is still being written by the live run (pid 4242 on "
                        + "bastion-1)")
                .doesNotContain("repair");
    }

    @Test
    void aLastLineWithoutLfIsTornWhenNoLiveRunHoldsTheJournal() {
        byte[] bytes = JournalFixtures.readBytes(journal);
        JournalFixtures.writeBytes(journal, Arrays.copyOf(bytes, bytes.length - 40));

        VerificationResult result = verifier.verify(journal, Optional::empty);

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBadLine()).hasValue(9);
        assertThat(result.reason())
                .hasValueSatisfying(
                        r -> assertThat(r).startsWith("torn last line (no LF").contains("cutover repair"));
        assertThat(result.lineInProgress()).isEmpty();
    }

    @Test
    void aLiveRunDoesNotExcuseDamageInTheCompleteLinesBeforeThePartialOne() {
        lines.set(4, lines.get(4).replace("\"approved\"", "\"skipped\""));
        JournalFixtures.writeLines(journal, lines);
        byte[] bytes = JournalFixtures.readBytes(journal);
        JournalFixtures.writeBytes(journal, Arrays.copyOf(bytes, bytes.length - 40));

        VerificationResult result = verifier.verify(journal, () -> Optional.of("pid 4242 on bastion-1"));

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBadLine()).hasValue(6);
    }

    @Test
    void aCompleteButUnparseableLastLineIsTornEvenWhileARunIsLive() {
        lines.set(lines.size() - 1, "{\"entry_id\":\"e8\",");
        JournalFixtures.writeLines(journal, lines);

        VerificationResult result = verifier.verify(journal, () -> Optional.of("pid 4242 on bastion-1"));

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBadLine()).hasValue(9);
        assertThat(result.reason()).hasValueSatisfying(r -> assertThat(r).startsWith("torn last line"));
    }

    @Test
    void aLineTheRunFinishedJustBeforeItEndedIsNotCalledTorn() {
        byte[] whole = JournalFixtures.readBytes(journal);
        JournalFixtures.writeBytes(journal, Arrays.copyOf(whole, whole.length - 40));

        // The look at the lock comes after the read: by then the run completed the line and ended.
        VerificationResult result = verifier.verify(journal, () -> {
            JournalFixtures.writeBytes(journal, whole);
            return Optional.empty();
        });

        assertThat(result.ok()).as(result.describe()).isTrue();
        assertThat(result.entryCount()).isEqualTo(8);
        assertThat(result.lineInProgress()).isEmpty();
    }

    @Test
    void reportsANonJsonLineByItsNumber() {
        lines.set(2, "this is not json");
        JournalFixtures.writeLines(journal, lines);

        VerificationResult result = verifier.verify(journal);

        assertThat(result.firstBadLine()).hasValue(3);
        assertThat(result.reason()).hasValueSatisfying(r -> assertThat(r).contains("not valid JSON"));
    }

    @Test
    void reportsAnEntryWhoseTimeGoesBackwards() {
        int last = lines.size() - 1;
        lines.set(last, lines.get(last).replaceFirst("\"at\":\"[^\"]+\"", "\"at\":\"2020-01-01T00:00:00.000Z\""));
        JournalFixtures.writeLines(journal, lines);

        VerificationResult result = verifier.verify(journal);

        assertThat(result.firstBadLine()).hasValue(9);
        assertThat(result.reason()).hasValueSatisfying(r -> assertThat(r).contains("earlier than line 8"));
    }

    @Test
    void reportsAnInvalidMetadataLineAsLineOne() {
        lines.set(0, lines.get(0).replace("111111111111", "1111"));
        JournalFixtures.writeLines(journal, lines);

        VerificationResult result = verifier.verify(journal);

        assertThat(result.firstBadLine()).hasValue(1);
        assertThat(result.reason()).hasValueSatisfying(r -> assertThat(r).contains("source_account_id"));
    }

    @Test
    void reportsAnEmptyFile() {
        JournalFixtures.writeBytes(journal, new byte[0]);

        VerificationResult result = verifier.verify(journal);

        assertThat(result.firstBadLine()).hasValue(1);
        assertThat(result.reason()).hasValueSatisfying(r -> assertThat(r).contains("empty"));
    }

    @Test
    void reportsAnEntryWithAnUnknownEvent() {
        lines.set(3, lines.get(3).replace("\"approval-requested\"", "\"approval-granted\""));
        JournalFixtures.writeLines(journal, lines);

        VerificationResult result = verifier.verify(journal);

        assertThat(result.firstBadLine()).hasValue(4);
        assertThat(result.reason()).hasValueSatisfying(r -> assertThat(r).contains("unknown event"));
    }

    @Test
    void detectsAnEditThatKeepsTheLineValidJsonEvenInATailField() {
        String edited = lines.get(5).replace("3 added", "9 added");
        assertThat(edited).isNotEqualTo(lines.get(5));
        lines.set(5, edited);
        JournalFixtures.writeBytes(journal, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(verifier.verify(journal).firstBadLine()).hasValue(7);
    }
}
