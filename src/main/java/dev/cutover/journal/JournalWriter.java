package dev.cutover.journal;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The only way lines get into a journal: each entry is one compact JSON line appended in a single write
 * and fsynced before {@link #append} returns, chained to the previous line by SHA-256; the file is never
 * rewritten or truncated. One writer per journal (the run lock guarantees it); methods are synchronized.
 */
public final class JournalWriter implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final Clock clock;
    private final JournalCodec codec = new JournalCodec();
    private final LineHash hash = new LineHash();

    private long nextSequence;
    private String previousHash;
    private Instant previousAt;
    private IOException brokenBy; // set after a failed write: the file's tail is unknown until re-read

    private JournalWriter(Path path, FileChannel channel, Clock clock, long nextSequence, String previousHash) {
        this.path = path;
        this.channel = channel;
        this.clock = clock;
        this.nextSequence = nextSequence;
        this.previousHash = previousHash;
    }

    /**
     * Creates a new journal holding only the metadata line, durable on return. The file appears complete or not
     * at all: the line is written and fsynced under a temporary name, then hard-linked to the journal's name
     * (which fails if it exists), so a crash can never leave an empty or half-written first line.
     *
     * @throws CutoverException {@link ErrorCode#IO_FAILURE} if the file exists or cannot be written
     */
    public static JournalWriter create(Path journal, JournalMetadata metadata, Clock clock) {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(clock, "clock");
        JournalCodec codec = new JournalCodec();
        byte[] line = codec.encode(metadata);
        publishAtomically(journal, line);
        FileChannel channel = open(journal, StandardOpenOption.WRITE);
        JournalWriter writer = new JournalWriter(journal, channel, clock, 1, null);
        writer.previousHash = writer.hash.of(line);
        return writer;
    }

    private static void publishAtomically(Path journal, byte[] line) {
        Path dir = journal.toAbsolutePath().getParent();
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + journal.getFileName() + ".", ".creating");
        } catch (IOException e) {
            throw ioFailure(journal, "prepare", e);
        }
        try {
            try (FileChannel c = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                writeLineDurably(c, line);
            }
            Files.createLink(journal, temp);
            forceDirectory(journal);
        } catch (FileAlreadyExistsException e) {
            throw new CutoverException(
                    ErrorCode.IO_FAILURE, "journal " + journal + " already exists; resume appends to it", e);
        } catch (IOException e) {
            throw ioFailure(journal, "write the metadata line of", e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // a leftover hidden temporary file is harmless; the journal itself is complete or absent
            }
        }
    }

    /**
     * Opens an existing journal for appending after checking all of it; entry ids continue and the chain
     * continues from the last line.
     *
     * @throws JournalTornTailException if the last line is torn (repair first; nothing is written)
     * @throws JournalCorruptException if any other line fails its checks
     */
    public static JournalWriter openExisting(Path journal, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        // Open before scanning so the checked bytes are the ones this channel appends after.
        FileChannel channel = open(journal, StandardOpenOption.APPEND);
        try {
            JournalScan.Outcome outcome = JournalReader.scan(journal, new JournalCodec(), null);
            if (outcome.failure().isPresent()) {
                JournalScan.Failure failure = outcome.failure().get();
                throw new JournalCorruptException(journal, failure.line(), failure.reason());
            }
            if (outcome.tornTail().isPresent()) {
                throw new JournalTornTailException(journal, outcome.tornTail().get());
            }
            JournalWriter writer =
                    new JournalWriter(journal, channel, clock, outcome.entryCount() + 1, outcome.lastLineSha256());
            writer.previousAt = outcome.lastAt();
            return writer;
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * Appends one entry and forces it to disk; when this returns, the event survives a crash.
     *
     * @throws CutoverException {@link ErrorCode#IO_FAILURE} if the write or fsync fails (the writer then
     *     refuses further appends: reopen the journal to learn what reached the disk)
     */
    public synchronized JournalEntry append(EntryDraft draft) {
        Objects.requireNonNull(draft, "draft");
        if (brokenBy != null) {
            throw ioFailure(path, "append after an earlier failed write to", brokenBy);
        }
        if (!channel.isOpen()) {
            throw new IllegalStateException("journal writer is closed: " + path);
        }
        JournalEntry entry = new JournalEntry(
                "e" + nextSequence,
                draft.stepId(),
                draft.phaseNumber(),
                draft.event(),
                now(),
                draft.operator(),
                draft.cmd(),
                draft.exitCode(),
                draft.stdoutTail(),
                draft.stderrTail(),
                draft.pollState(),
                draft.notes(),
                previousHash);
        byte[] line = codec.encode(entry);
        try {
            writeDurably(line);
        } catch (IOException e) {
            brokenBy = e;
            throw ioFailure(path, "append to", e);
        }
        nextSequence++;
        previousHash = hash.of(line);
        previousAt = entry.at();
        return entry;
    }

    /** The journal file this writer appends to. */
    public Path path() {
        return path;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw ioFailure(path, "close", e);
        }
    }

    // A clock stepped backwards (NTP) must not produce a journal that fails its own time-order check.
    private Instant now() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return previousAt != null && now.isBefore(previousAt) ? previousAt : now;
    }

    private void writeDurably(byte[] line) throws IOException {
        appendWholeOrNothing(channel, line);
    }

    /**
     * Appends {@code line} and fsyncs it, or leaves the file as it was: a write the OS cut short (a full disk, a
     * file-size limit) is cut back to the last whole line before the failure is thrown. The line was never
     * acknowledged, and a journal that ends in half a line would read as "the process died mid-append" to
     * {@code --resume} and {@code cutover repair}, which is not what happened to a live run that halted.
     */
    static void appendWholeOrNothing(FileChannel target, byte[] line) throws IOException {
        long before = target.size();
        try {
            writeLineDurably(target, line);
        } catch (IOException e) {
            try {
                if (target.size() > before) {
                    target.truncate(before);
                    target.force(true);
                }
            } catch (IOException again) {
                e.addSuppressed(again); // the torn tail stays; resume names it and `cutover repair` sets it aside
            }
            throw e;
        }
    }

    private static void writeLineDurably(FileChannel target, byte[] line) throws IOException {
        ByteBuffer buffer =
                ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
        // One write call for the whole line; the loop only matters if the OS ever reports a short write.
        while (buffer.hasRemaining()) {
            target.write(buffer);
        }
        target.force(true);
    }

    private static FileChannel open(Path journal, StandardOpenOption mode) {
        try {
            return FileChannel.open(journal, StandardOpenOption.WRITE, StandardOpenOption.APPEND, mode);
        } catch (FileAlreadyExistsException e) {
            throw new CutoverException(
                    ErrorCode.IO_FAILURE, "journal " + journal + " already exists; resume appends to it", e);
        } catch (IOException e) {
            throw ioFailure(journal, "open", e);
        }
    }

    // Makes the new file's directory entry durable too, so a crash cannot lose a created journal.
    private static void forceDirectory(Path journal) {
        Path dir = journal.toAbsolutePath().getParent();
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open directories; the file's own data is already forced.
        }
    }

    private void closeQuietly() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // already failing; the original error is the one to report
        }
    }

    private static CutoverException ioFailure(Path journal, String action, IOException e) {
        return new CutoverException(
                ErrorCode.IO_FAILURE, "cannot " + action + " journal " + journal + ": " + e.getMessage(), e);
    }
}
