package dev.cutover.compile;

import java.util.List;

/**
 * A step's rollback (FORMATS.md §4.7).
 *
 * @param command the rollback command, {@code ""} for none
 * @param source where it came from, e.g. {@code migration-plan.phases[number=3].rollback.steps[0]}, or {@code none}
 * @param windowMinutes the plan phase's rollback window, null without a plan phase
 * @param notes further plan rollback steps and rollback text not offered here
 */
record Rollback(String command, String source, Integer windowMinutes, List<String> notes) {
    static final String NONE = "none";

    Rollback {
        notes = List.copyOf(notes);
    }

    static Rollback none() {
        return new Rollback("", NONE, null, List.of());
    }
}
