package dev.cutover.journal;

import dev.cutover.time.UtcMillis;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The single pass behind reader, verifier and writer: parses every line, checks entry ids, the hash chain
 * and time order, and stops at the first defect; a torn last line is an outcome, not a defect.
 */
final class JournalScan implements LineSplitter.LineSink {
    /** What the pass found; exactly one of {@code failure}/{@code tornTail} may be set, or neither. */
    record Outcome(
            JournalMetadata metadata,
            long entryCount,
            String lastLineSha256,
            Instant lastAt,
            Optional<TornTail> tornTail,
            Optional<Failure> failure) {}

    /** The first bad line and why. */
    record Failure(long line, String reason) {}

    private final JournalCodec codec;
    private final LineHash hash = new LineHash();
    private final Consumer<JournalEntry> sink;

    private JournalMetadata metadata;
    private long entryCount;
    private String previousHash;
    private Instant previousAt;
    private TornTail tornTail;
    private Failure failure;
    private long unparseableLine; // a complete but non-JSON line: torn if it turns out to be the last
    private long unparseableOffset;
    private byte[] unparseableBytes;
    private String unparseableReason;

    private JournalScan(JournalCodec codec, Consumer<JournalEntry> sink) {
        this.codec = codec;
        this.sink = sink;
    }

    /** Scans the file, handing each valid entry to {@code sink} in order. */
    static Outcome scan(Path path, JournalCodec codec, Consumer<JournalEntry> sink) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return scan(in, codec, sink);
        }
    }

    /** Scans a journal's bytes from {@code in} (e.g. one embedded in rehearsal evidence). */
    static Outcome scan(InputStream in, JournalCodec codec, Consumer<JournalEntry> sink) throws IOException {
        JournalScan scan = new JournalScan(codec, sink);
        LineSplitter.split(in, scan);
        return scan.finish();
    }

    /**
     * The same pass pulled one checked entry at a time, for a fold that keeps none ({@link JournalReader#replay}):
     * iterate, then {@link #outcome()}. An I/O error surfaces as {@link UncheckedIOException}.
     */
    static final class Cursor implements Iterator<JournalEntry>, Closeable {
        private final InputStream in;
        private final LineSplitter.Lines lines;
        private final JournalScan scan;
        private JournalEntry next;
        private boolean ended;

        Cursor(Path path, JournalCodec codec) throws IOException {
            this.in = Files.newInputStream(path);
            this.lines = new LineSplitter.Lines(in);
            this.scan = new JournalScan(codec, entry -> next = entry);
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null && !ended) {
                    ended = !lines.advance()
                            || !scan.line(lines.number, lines.offset, lines.bytes, lines.length, lines.terminated);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return next != null;
        }

        @Override
        public JournalEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            JournalEntry entry = next;
            next = null;
            return entry;
        }

        /** What the pass found; call once iteration has ended. */
        Outcome outcome() {
            if (hasNext()) {
                throw new IllegalStateException("the journal has not been read to its end");
            }
            return scan.finish();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    @Override
    public boolean line(long number, long offset, byte[] bytes, int length, boolean terminated) {
        if (unparseableBytes != null) {
            // A later line exists, so the earlier non-JSON line was not a crash mid-append.
            return fail(unparseableLine, unparseableReason);
        }
        if (number == 1) {
            return acceptMetadata(bytes, length, terminated);
        }
        if (!terminated) {
            tornTail = new TornTail(number, offset, Arrays.copyOf(bytes, length), "no LF at the end of the last line");
            return false;
        }
        try {
            JournalEntry entry = codec.decodeEntry(bytes, 0, length);
            return acceptEntry(number, entry, bytes, length);
        } catch (LineProblem problem) {
            if (!problem.isNotJson()) {
                return fail(number, problem.getMessage());
            }
            unparseableLine = number;
            unparseableOffset = offset;
            unparseableBytes = Arrays.copyOf(bytes, length + 1);
            unparseableBytes[length] = '\n';
            unparseableReason = problem.getMessage();
            return true;
        }
    }

    private boolean acceptMetadata(byte[] bytes, int length, boolean terminated) {
        if (!terminated) {
            return fail(1, "the metadata line has no LF (the journal was never completely created)");
        }
        try {
            metadata = codec.decodeMetadata(bytes, 0, length);
        } catch (LineProblem problem) {
            return fail(1, "not a valid metadata line: " + problem.getMessage());
        }
        previousHash = hash.of(bytes, 0, length);
        return true;
    }

    private boolean acceptEntry(long number, JournalEntry entry, byte[] bytes, int length) {
        long expected = entryCount + 1;
        long sequence = entry.sequence();
        if (sequence < expected) {
            return fail(
                    number,
                    "entry_id " + entry.entryId() + " repeats or goes back (expected e" + expected
                            + "): a line was duplicated or lines were reordered");
        }
        if (sequence > expected) {
            return fail(number, "entry_id " + entry.entryId() + " skips e" + expected + ": an entry is missing");
        }
        if (!entry.prevSha256().equals(previousHash)) {
            return fail(
                    number,
                    "prev_sha256 does not match the SHA-256 of line " + (number - 1) + ": line " + (number - 1)
                            + " was changed after it was written, or a line was removed or inserted there");
        }
        if (previousAt != null && entry.at().isBefore(previousAt)) {
            return fail(
                    number,
                    "at " + UtcMillis.format(entry.at()) + " is earlier than line " + (number - 1) + "'s "
                            + UtcMillis.format(previousAt));
        }
        entryCount = expected;
        previousHash = hash.of(bytes, 0, length);
        previousAt = entry.at();
        sink.accept(entry);
        return true;
    }

    private boolean fail(long line, String reason) {
        failure = new Failure(line, reason);
        return false;
    }

    private Outcome finish() {
        if (failure == null && tornTail == null && unparseableBytes != null) {
            tornTail = new TornTail(unparseableLine, unparseableOffset, unparseableBytes, unparseableReason);
        }
        if (failure == null && metadata == null) {
            failure = new Failure(1, "the journal is empty: no metadata line");
        }
        return new Outcome(
                metadata,
                entryCount,
                previousHash,
                previousAt,
                Optional.ofNullable(tornTail),
                Optional.ofNullable(failure));
    }
}
