package dev.cutover.input;

/** A write freeze on one datastore, begun by one checklist item and released by another. */
public record FreezeWindow(
        String datastoreArn,
        int durationMinutes,
        String beginsAtStepId,
        String enforcementCommand,
        String releaseStepId) {}
