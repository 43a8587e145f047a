package dev.cutover.approval;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.error.Problem;
import java.util.List;

/** The failures of this package and the catalogue codes they raise (cause and fix live in {@link ErrorCode}). */
enum ApprovalError {
    NO_TERMINAL(ErrorCode.NO_TERMINAL),
    OPERATOR_INPUT_CLOSED(ErrorCode.OPERATOR_INPUT_CLOSED),
    NO_SCRIPTED_ANSWER(ErrorCode.NO_SCRIPTED_ANSWER),
    ANSWERS_FILE_INVALID(ErrorCode.ANSWERS_FILE_INVALID);

    private final ErrorCode code;

    ApprovalError(ErrorCode code) {
        this.code = code;
    }

    ErrorCode errorCode() {
        return code;
    }

    CutoverException exception(String message) {
        return new CutoverException(code, message);
    }

    CutoverException exception(String message, Throwable cause) {
        return new CutoverException(code, message, cause);
    }

    CutoverException exception(String message, List<Problem> problems) {
        return new CutoverException(code, message, problems);
    }
}
