package dev.cutover.journal;

import java.nio.file.Path;

/** Appending was refused because the journal ends in a torn line that must first be moved aside. */
public final class JournalTornTailException extends JournalIntegrityException {
    private final transient TornTail tornTail;

    JournalTornTailException(Path path, TornTail tornTail) {
        super(
                path,
                tornTail.lineNumber(),
                path + ": line " + tornTail.lineNumber() + " is torn ("
                        + tornTail.reason() + ", " + tornTail.bytes().length + " bytes at offset "
                        + tornTail.byteOffset()
                        + "); run `cutover repair --run-dir DIR` to move it aside, then resume");
        this.tornTail = tornTail;
    }

    /** The torn bytes and where they start. */
    public TornTail tornTail() {
        return tornTail;
    }
}
