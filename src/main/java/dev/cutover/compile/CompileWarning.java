package dev.cutover.compile;

import java.util.Objects;

/**
 * A compile finding that does not stop the run but the operator must see at go/no-go and in the report.
 *
 * @param stepId the step it concerns, or null for the whole plan
 * @param message what the operator should know
 */
public record CompileWarning(String stepId, String message) {
    public CompileWarning {
        Objects.requireNonNull(message, "message");
    }

    public String render() {
        return stepId == null ? message : stepId + ": " + message;
    }
}
