package dev.cutover.report;

import java.time.Instant;
import java.util.Objects;

/**
 * The verdict and end time found in an existing {@code execution-summary.json}; status trusts it only when
 * no run took the lock after {@code endedAt} (a resumed run leaves the earlier summary behind).
 *
 * @param verdict the summary's {@code verdict}
 * @param endedAt the summary's {@code ended_at}
 */
public record RecordedVerdict(String verdict, Instant endedAt) {
    public RecordedVerdict {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(endedAt, "endedAt");
    }
}
