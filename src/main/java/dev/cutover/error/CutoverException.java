package dev.cutover.error;

import java.util.List;
import java.util.Objects;

/**
 * The only exception domain code throws on purpose: an {@link ErrorCode} (which fixes the exit code)
 * plus an operator-facing message and, for input and compile failures, every problem found in one pass.
 */
public final class CutoverException extends RuntimeException {
    private final ErrorCode code;
    private final List<Problem> problems;

    public CutoverException(ErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    public CutoverException(ErrorCode code, String message, Throwable cause) {
        this(code, message, List.of(), cause);
    }

    public CutoverException(ErrorCode code, String message, List<Problem> problems) {
        this(code, message, problems, null);
    }

    private CutoverException(ErrorCode code, String message, List<Problem> problems, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.problems = List.copyOf(problems);
    }

    public ErrorCode code() {
        return code;
    }

    public int exitCode() {
        return code.exitCode();
    }

    public List<Problem> problems() {
        return problems;
    }
}
