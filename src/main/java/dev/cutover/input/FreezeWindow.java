package dev.cutover.input;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A write freeze on one datastore, begun by one checklist item and released by another. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FreezeWindow(
        String datastoreArn,
        int durationMinutes,
        String beginsAtStepId,
        String enforcementCommand,
        String releaseStepId) {}
