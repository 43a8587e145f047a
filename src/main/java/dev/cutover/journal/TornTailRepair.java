package dev.cutover.journal;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Optional;

/**
 * The one sanctioned change to an existing journal (issue #4): when the last line is torn — the process died
 * while appending it — copy exactly those bytes to a side file next to the journal, durably, then cut them off
 * and append a run-level entry saying what was done. Nothing else is ever changed: corruption anywhere but the
 * last line is refused, and an intact journal is left alone.
 */
public final class TornTailRepair {
    /** What a repair did. */
    public record Repaired(TornTail torn, Path sideFile, JournalEntry entry) {}

    private final Clock clock;

    public TornTailRepair(Clock clock) {
        this.clock = clock;
    }

    /** Repairs {@code journal} if its last line is torn; empty when there was nothing to repair. */
    public Optional<Repaired> repair(Path journal, String operator) {
        JournalContents contents;
        try {
            contents = new JournalReader().read(journal);
        } catch (JournalCorruptException e) {
            throw new CutoverException(
                    ErrorCode.JOURNAL_CORRUPT,
                    "refusing to repair: the damage is not a torn last line (" + e.getMessage() + ")");
        }
        if (contents.tornTail().isEmpty()) {
            return Optional.empty();
        }
        TornTail torn = contents.tornTail().get();
        Path side = sideFile(journal);
        try {
            Files.write(side, torn.bytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            force(side);
            try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.WRITE)) {
                ch.truncate(torn.byteOffset());
                ch.force(true);
            }
        } catch (AccessDeniedException e) {
            // Nothing is written yet when the side file cannot be created: a refusal the operator can fix.
            throw new CutoverException(
                    ErrorCode.RUN_DIR_NOT_WRITABLE,
                    "the folder " + side.toAbsolutePath().getParent() + " is not writable, and `cutover repair` sets"
                            + " the torn bytes aside there (" + side.getFileName() + "): make it writable (chmod"
                            + " u+w), then run it again",
                    e);
        } catch (IOException e) {
            throw new CutoverException(ErrorCode.IO_FAILURE, "cannot repair " + journal + ": " + e, e);
        }
        JournalWriter writer = JournalWriter.openExisting(journal, clock);
        try {
            JournalEntry entry = writer.append(EntryDraft.runLevel(JournalEvent.STEP_FAILED)
                    .withOperator(operator)
                    .withNotes("journal repair: line " + torn.lineNumber() + " was torn by a crash mid-append ("
                            + torn.reason() + "); its " + torn.bytes().length + " bytes were moved to "
                            + side.getFileName()));
            return Optional.of(new Repaired(torn, side, entry));
        } finally {
            writer.close();
        }
    }

    private static Path sideFile(Path journal) {
        String stem = journal.getFileName().toString().replaceFirst("\\.jsonl$", "");
        for (int n = 1; ; n++) {
            Path candidate = journal.resolveSibling(stem + ".torn-" + n + ".bin");
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
