package dev.cutover.journal;

import java.nio.file.Path;

/**
 * A journal that must not be resumed or appended to as it stands; the engine maps the two kinds to exit
 * code 6 (DESIGN.md §4).
 */
public abstract sealed class JournalIntegrityException extends RuntimeException
        permits JournalCorruptException, JournalTornTailException {
    private final transient Path path;
    private final long line;

    JournalIntegrityException(Path path, long line, String message) {
        super(message);
        this.path = path;
        this.line = line;
    }

    /** The journal file. */
    public Path path() {
        return path;
    }

    /** The 1-based number of the first bad line. */
    public long line() {
        return line;
    }
}
