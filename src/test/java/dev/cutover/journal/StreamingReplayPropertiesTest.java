package dev.cutover.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Replay that folds entries as they are read ({@link JournalReader#replay}, which keeps none) sees exactly what
 * reading the whole journal and then folding the list sees: the same state, metadata and torn tail, or the same
 * refusal with the same message, whatever the journal's damage.
 */
class StreamingReplayPropertiesTest extends RandomJournalProperties {
    private final JournalReader reader = new JournalReader();

    @Property(tries = 10)
    void aJournalCutAtAnyByteReplaysAsReadingItWholeDoes(@ForAll("journals") List<EntryDraft> drafts)
            throws IOException {
        Path cut = fresh("cut.jsonl");
        JournalFixtures.write(cut, drafts);
        long length = Files.size(cut);
        try (FileChannel shrinking = FileChannel.open(cut, StandardOpenOption.WRITE)) {
            for (long offset = length; offset >= 0; offset--) {
                shrinking.truncate(offset);
                assertSameReplay(cut, "cut at " + offset);
            }
        }
    }

    @Property(tries = 30)
    void aJournalWithAnyByteChangedReplaysAsReadingItWholeDoes(
            @ForAll("journals") @Size(min = 1) List<EntryDraft> drafts,
            @ForAll @Size(min = 1, max = 10) List<@IntRange(min = 0, max = 1_000_000) Integer> positions,
            @ForAll byte replacement) {
        Path full = dir.resolve("full.jsonl");
        Path changed = dir.resolve("changed.jsonl");
        full.toFile().delete();
        JournalFixtures.write(full, drafts);
        byte[] bytes = JournalFixtures.readBytes(full);
        for (int position : positions) {
            byte[] copy = bytes.clone();
            copy[position % bytes.length] = replacement;
            JournalFixtures.writeBytes(changed, copy);
            assertSameReplay(changed, "byte " + position % bytes.length + " set to " + replacement);
        }
    }

    @Example
    void aJournalLongerThanOneReadChunkReplaysAsReadingItWholeDoes() throws IOException {
        Path journal = dir.resolve("long.jsonl");
        List<EntryDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            drafts.addAll(JournalFixtures.successfulStep());
        }
        JournalFixtures.write(journal, drafts);
        assertThat(Files.size(journal)).isGreaterThan(3 * 65_536L);

        ReplayedJournal streamed = assertSameReplay(journal, "whole");
        assertThat(streamed.state().facts().entryCount()).isEqualTo(drafts.size());
    }

    /** Both ways agree; returns the streamed result, or null when both refused. */
    private ReplayedJournal assertSameReplay(Path journal, String what) {
        Object whole;
        try {
            JournalContents contents = reader.read(journal);
            whole = new Replayed(
                    contents.metadata(), new RunStateReplayer().replay(contents.entries()), torn(contents.tornTail()));
        } catch (RuntimeException e) {
            whole = e.getClass().getName() + ": " + e.getMessage();
        }
        Object streamed;
        ReplayedJournal result = null;
        try {
            result = reader.replay(journal);
            streamed = new Replayed(result.metadata(), result.state(), torn(result.tornTail()));
        } catch (RuntimeException e) {
            streamed = e.getClass().getName() + ": " + e.getMessage();
        }
        assertThat(streamed).as(what).isEqualTo(whole);
        return result;
    }

    /** The comparable parts of a replay (a torn tail's bytes compared by content). */
    private record Replayed(JournalMetadata metadata, RunState state, String tornTail) {}

    private static String torn(java.util.Optional<TornTail> tail) {
        return tail.map(t ->
                        t.lineNumber() + "@" + t.byteOffset() + " " + Arrays.toString(t.bytes()) + " " + t.reason())
                .orElse("none");
    }
}
