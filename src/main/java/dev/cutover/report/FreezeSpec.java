package dev.cutover.report;

import java.util.Objects;

/**
 * One write-freeze window of the plan as the caller supplies it (the data-plane checklist's
 * {@code freeze_windows[]}, FORMATS.md §2), with step ids already resolved to compiled step ids.
 *
 * @param datastoreArn the frozen datastore
 * @param durationMinutes the planned length of the freeze
 * @param beginsAtStepId the step whose successful execute starts the freeze
 * @param releaseStepId the step whose success ends it, or null when nothing releases it
 */
public record FreezeSpec(String datastoreArn, int durationMinutes, String beginsAtStepId, String releaseStepId) {
    public FreezeSpec {
        Objects.requireNonNull(datastoreArn, "datastoreArn");
        Objects.requireNonNull(beginsAtStepId, "beginsAtStepId");
        if (durationMinutes < 0) {
            throw new IllegalArgumentException("durationMinutes must not be negative: " + durationMinutes);
        }
    }
}
