package dev.cutover.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * One event to tell stakeholders about, with the facts every body carries.
 *
 * @param run which cutover
 * @param kind what happened
 * @param stepId the step it concerns, or null for the run as a whole
 * @param operator who was operating the run
 * @param at when it happened (not when it was delivered)
 * @param verdict the run's verdict for {@link NotificationKind#RUN_ENDED}, else null
 * @param message one line a person reads; line breaks and runs of spaces are collapsed here
 */
public record Notification(
        RunIdentity run,
        NotificationKind kind,
        String stepId,
        String operator,
        Instant at,
        String verdict,
        String message) {
    public Notification {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(at, "at");
        message = Objects.requireNonNull(message, "message").strip().replaceAll("\\s+", " ");
    }
}
