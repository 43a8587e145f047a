package dev.cutover.approval;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.error.Problem;
import java.util.Arrays;
import java.util.List;

/**
 * The failures of this package, each with the error code it proposes for {@link ErrorCode}, the exit code
 * that code should have and the interim code used until it exists.
 *
 * <p>Resolved by name, so once {@code dev.cutover.error.ErrorCode} gains a constant of the same name it is
 * used with no change here; until then the interim code (USAGE, exit 2) stands in.
 */
enum ApprovalError {
    NO_TERMINAL(
            3,
            "There is no controlling terminal to ask the operator.",
            "Run cutover from a terminal or, outside production, pass --answers FILE."),
    OPERATOR_INPUT_CLOSED(
            1,
            "The operator's terminal closed (end of input) while a question was open.",
            "Nothing was decided for the operator; run `cutover execute --resume` from a terminal."),
    NO_SCRIPTED_ANSWER(
            1,
            "The answers file has no usable rule for a question the run asked.",
            "Add or correct the rule for the prompt and step named in the message, then resume."),
    ANSWERS_FILE_INVALID(
            2,
            "The answers file is unreadable or has malformed rules.",
            "Fix every line listed (see docs/approvals.md) and run the command again.");

    private static final ErrorCode INTERIM = ErrorCode.USAGE;

    private final int proposedExitCode;
    private final String cause;
    private final String fix;

    ApprovalError(int proposedExitCode, String cause, String fix) {
        this.proposedExitCode = proposedExitCode;
        this.cause = cause;
        this.fix = fix;
    }

    int proposedExitCode() {
        return proposedExitCode;
    }

    String cause() {
        return cause;
    }

    String fix() {
        return fix;
    }

    /** The catalogue code of the same name when it exists, else the interim stand-in. */
    ErrorCode errorCode() {
        return Arrays.stream(ErrorCode.values())
                .filter(code -> code.name().equals(name()))
                .findFirst()
                .orElse(INTERIM);
    }

    CutoverException exception(String message) {
        return new CutoverException(errorCode(), message);
    }

    CutoverException exception(String message, Throwable cause) {
        return new CutoverException(errorCode(), message, cause);
    }

    CutoverException exception(String message, List<Problem> problems) {
        return new CutoverException(errorCode(), message, problems);
    }
}
