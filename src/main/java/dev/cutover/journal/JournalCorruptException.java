package dev.cutover.journal;

import java.nio.file.Path;

/**
 * A journal line before the last one (or the metadata line, or a complete last entry) breaks the format
 * or the hash chain: an edit, a lost line or a bug, which is never repaired automatically.
 */
public final class JournalCorruptException extends JournalIntegrityException {
    private final String reason;

    JournalCorruptException(Path path, long line, String reason) {
        super(
                path,
                line,
                path + ": line " + line + ": " + reason
                        + " — the journal is corrupt; run `cutover verify-journal` and restore it from a backup");
        this.reason = reason;
    }

    /** Why the line is bad, without the file and line prefix. */
    public String reason() {
        return reason;
    }
}
