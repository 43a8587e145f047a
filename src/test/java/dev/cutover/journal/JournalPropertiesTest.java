package dev.cutover.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Properties over random journals: any crash cut reads as an intact prefix, any tamper is caught. */
class JournalPropertiesTest extends RandomJournalProperties {
    private final JournalReader reader = new JournalReader();
    private final JournalSchema schema = new JournalSchema();
    private final ObjectMapper mapper = new ObjectMapper();

    @Property(tries = 25)
    void truncatingAtEveryByteOffsetYieldsACleanPrefixOrATornTailStartingAtTheCutLine(
            @ForAll("journals") List<EntryDraft> drafts) throws IOException {
        Path full = fresh("full.jsonl");
        List<JournalEntry> written = JournalFixtures.write(full, drafts);
        byte[] bytes = Files.readAllBytes(full);
        List<Integer> lineEnds = lineEnds(bytes);
        Path cut = dir.resolve("cut.jsonl");
        Files.write(cut, bytes);

        // Shrinking one file from the end visits every offset without rewriting the file each time.
        try (FileChannel shrinking = FileChannel.open(cut, StandardOpenOption.WRITE)) {
            for (int offset = bytes.length; offset >= 0; offset--) {
                shrinking.truncate(offset);
                checkCut(cut, bytes, offset, written, lineEnds);
            }
        }
    }

    private void checkCut(Path cut, byte[] bytes, int offset, List<JournalEntry> written, List<Integer> lineEnds) {
        if (offset < lineEnds.get(0)) {
            assertThatThrownBy(() -> reader.read(cut))
                    .isInstanceOfSatisfying(
                            JournalCorruptException.class,
                            e -> assertThat(e.line()).isEqualTo(1));
            return;
        }
        int complete = completeLines(lineEnds, offset);
        JournalContents contents = reader.read(cut);
        assertThat(contents.entries()).containsExactlyElementsOf(written.subList(0, complete - 1));
        int lineStart = lineEnds.get(complete - 1);
        if (offset == lineStart) {
            assertThat(contents.tornTail())
                    .as("cut at a line boundary, offset %d", offset)
                    .isEmpty();
        } else {
            TornTail torn = contents.tornTail().orElseThrow();
            assertThat(torn.lineNumber()).isEqualTo(complete + 1L);
            assertThat(torn.byteOffset()).isEqualTo(lineStart);
            assertThat(torn.bytes()).isEqualTo(Arrays.copyOfRange(bytes, lineStart, offset));
        }
    }

    @Property(tries = 30)
    void changingAnyByteBeforeTheLastLineFailsVerification(
            @ForAll("journals") @Size(min = 1) List<EntryDraft> drafts,
            @ForAll @Size(min = 1, max = 15)
                    List<@net.jqwik.api.constraints.IntRange(min = 0, max = 1_000_000) Integer> positions,
            @ForAll byte replacement) {
        Path full = fresh("flip.jsonl");
        JournalFixtures.write(full, drafts);
        byte[] bytes = JournalFixtures.readBytes(full);
        List<Integer> lineEnds = lineEnds(bytes);
        int lastLineStart = lineEnds.get(lineEnds.size() - 2);
        Path tampered = dir.resolve("tampered.jsonl");

        for (int position : positions) {
            int index = position % lastLineStart;
            if (bytes[index] == replacement) {
                continue;
            }
            byte[] copy = bytes.clone();
            copy[index] = replacement;
            JournalFixtures.writeBytes(tampered, copy);
            VerificationResult result = new JournalVerifier().verify(tampered);
            assertThat(result.ok())
                    .as("byte %d changed to %d", index, replacement)
                    .isFalse();
        }
    }

    @Property(tries = 20)
    void everyLineWrittenFromAnyValidDraftValidatesAgainstTheSchemaAndVerifies(
            @ForAll("journals") List<EntryDraft> drafts) throws IOException {
        Path full = fresh("schema.jsonl");
        JournalFixtures.write(full, drafts);

        for (String line : JournalFixtures.lines(full)) {
            assertThat(schema.validateLine(mapper.readTree(line))).as(line).isEmpty();
        }
        assertThat(new JournalVerifier().verify(full).entryCount()).isEqualTo(drafts.size());
    }

    /** Offsets just after each LF. */
    private static List<Integer> lineEnds(byte[] bytes) {
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                ends.add(i + 1);
            }
        }
        return ends;
    }

    private static int completeLines(List<Integer> lineEnds, int offset) {
        int complete = 0;
        while (complete < lineEnds.size() && lineEnds.get(complete) <= offset) {
            complete++;
        }
        return complete;
    }
}
