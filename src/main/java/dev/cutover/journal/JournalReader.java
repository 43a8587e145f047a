package dev.cutover.journal;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a journal back for resume, status and reports: a torn last line is returned as {@link TornTail},
 * any other defect (format, entry ids, hash chain, time order) throws {@link JournalCorruptException}.
 */
public final class JournalReader {
    // Thread-safe once built, and expensive enough to build that it is worth keeping per reader.
    private final JournalCodec codec = new JournalCodec();

    /**
     * Reads and checks the whole file in one pass.
     *
     * @throws JournalCorruptException naming the first bad line
     * @throws CutoverException with {@link ErrorCode#IO_FAILURE} when the file cannot be read
     */
    public JournalContents read(Path journal) {
        List<JournalEntry> entries = new ArrayList<>();
        JournalScan.Outcome outcome = scan(journal, codec, entries);
        if (outcome.failure().isPresent()) {
            JournalScan.Failure failure = outcome.failure().get();
            throw new JournalCorruptException(journal, failure.line(), failure.reason());
        }
        return new JournalContents(outcome.metadata(), entries, outcome.tornTail());
    }

    /**
     * Reads and checks a journal held in memory (rehearsal evidence embeds one), exactly as {@link #read(Path)}
     * checks a file; {@code label} names it in messages.
     *
     * @throws JournalCorruptException naming the first bad line
     */
    public JournalContents read(Path label, byte[] journal) {
        List<JournalEntry> entries = new ArrayList<>();
        JournalScan.Outcome outcome;
        try {
            outcome = JournalScan.scan(new ByteArrayInputStream(journal), codec, entries::add);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
        if (outcome.failure().isPresent()) {
            JournalScan.Failure failure = outcome.failure().get();
            throw new JournalCorruptException(label, failure.line(), failure.reason());
        }
        return new JournalContents(outcome.metadata(), entries, outcome.tornTail());
    }

    /**
     * Reads and checks the whole file in one pass, as {@link #read}, folding each entry into the run's state as
     * soon as it is checked ({@link RunStateReplayer}); no entry is kept, so memory stays O(steps). A defect
     * throws exactly as {@link #read} does, once the entries before it have been folded (the fold is dropped).
     *
     * @throws JournalCorruptException naming the first bad line
     * @throws CutoverException with {@link ErrorCode#IO_FAILURE} when the file cannot be read
     */
    public ReplayedJournal replay(Path journal) {
        try (JournalScan.Cursor entries = new JournalScan.Cursor(journal, codec)) {
            RunState state = new RunStateReplayer().replay(() -> entries);
            JournalScan.Outcome outcome = entries.outcome();
            if (outcome.failure().isPresent()) {
                JournalScan.Failure failure = outcome.failure().get();
                throw new JournalCorruptException(journal, failure.line(), failure.reason());
            }
            return new ReplayedJournal(outcome.metadata(), state, outcome.tornTail());
        } catch (UncheckedIOException e) {
            throw unreadable(journal, e.getCause());
        } catch (IOException e) {
            throw unreadable(journal, e);
        }
    }

    private static CutoverException unreadable(Path journal, IOException e) {
        return new CutoverException(ErrorCode.IO_FAILURE, "cannot read journal " + journal + ": " + e.getMessage(), e);
    }

    static JournalScan.Outcome scan(Path journal, JournalCodec codec, List<JournalEntry> sink) {
        try {
            return JournalScan.scan(journal, codec, sink == null ? entry -> {} : sink::add);
        } catch (IOException e) {
            throw new CutoverException(
                    ErrorCode.IO_FAILURE, "cannot read journal " + journal + ": " + e.getMessage(), e);
        }
    }
}
