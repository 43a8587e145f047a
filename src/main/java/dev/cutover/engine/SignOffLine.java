package dev.cutover.engine;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A sign-off line that counts: who approved a checklist, on which day, and where the line is.
 *
 * @param name the approver, trimmed, never blank and never only underscores
 * @param date the approval date, a real calendar date
 * @param lineNumber 1-based line number in the Markdown file (1..50)
 */
public record SignOffLine(String name, LocalDate date, int lineNumber) {
    public SignOffLine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(date, "date");
        if (lineNumber < 1) {
            throw new IllegalArgumentException("lineNumber must be >= 1: " + lineNumber);
        }
    }
}
