package dev.cutover.report;

import java.time.Instant;

/**
 * An active freeze as status shows it.
 *
 * @param datastoreArn the frozen datastore
 * @param beginsAtStepId the step that froze it
 * @param releaseStepId the step that will release it, or null
 * @param startedAt when it began
 * @param durationMinutes planned length
 * @param elapsedMinutes minutes so far
 * @param remainingMinutes planned minus elapsed; negative when overrun
 * @param overrun true past the planned length
 */
public record FreezeRow(
        String datastoreArn,
        String beginsAtStepId,
        String releaseStepId,
        Instant startedAt,
        int durationMinutes,
        long elapsedMinutes,
        long remainingMinutes,
        boolean overrun) {

    static FreezeRow of(ActiveFreeze f) {
        return new FreezeRow(
                f.spec().datastoreArn(),
                f.spec().beginsAtStepId(),
                f.spec().releaseStepId(),
                f.startedAt(),
                f.spec().durationMinutes(),
                f.elapsedMinutes(),
                f.remainingMinutes(),
                f.overrun());
    }
}
