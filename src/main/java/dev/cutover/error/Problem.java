package dev.cutover.error;

import java.util.Objects;

/**
 * One thing wrong with the operator's input, located precisely enough to fix without guessing.
 *
 * @param file the file name relative to the run directory (e.g. {@code migration-plan.json})
 * @param pointer an RFC 6901 JSON pointer into that file, {@code ""} for the whole file
 * @param message what is wrong
 * @param fix one line telling the operator what to change
 */
public record Problem(String file, String pointer, String message, String fix) {
    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    /** Renders as {@code file: /pointer: message} followed by an indented fix line. */
    public String render() {
        String where = pointer.isEmpty() ? file : file + ": " + pointer;
        return where + ": " + message + System.lineSeparator() + "    fix: " + fix;
    }
}
