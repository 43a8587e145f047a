package dev.cutover.review;

import java.util.Objects;

/**
 * One result of one check.
 *
 * @param check the check's name, e.g. {@code rollback}
 * @param status PASS, WARN or FAIL
 * @param subject what it concerns: a step id, or {@code file#/json/pointer}
 * @param message what was found, in one line
 * @param fix what to do about a WARN or FAIL, in one line; null for PASS
 */
public record Finding(String check, Status status, String subject, String message, String fix) {
    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        if (status == Status.PASS) {
            fix = null;
        } else {
            Objects.requireNonNull(fix, "a " + status + " finding names its fix");
        }
    }

    static Finding pass(String check, String subject, String message) {
        return new Finding(check, Status.PASS, subject, message, null);
    }

    static Finding warn(String check, String subject, String message, String fix) {
        return new Finding(check, Status.WARN, subject, message, fix);
    }

    static Finding fail(String check, String subject, String message, String fix) {
        return new Finding(check, Status.FAIL, subject, message, fix);
    }
}
