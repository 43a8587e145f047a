package dev.cutover.report;

import java.time.Instant;
import java.util.Objects;

/**
 * A freeze that has started and not been released, measured at one instant.
 *
 * @param spec the planned window
 * @param startedAt the {@code at} of the begins step's first {@code executed} with exit code 0
 * @param elapsedMinutes whole minutes from {@code startedAt} to the measuring instant (rounded down)
 */
public record ActiveFreeze(FreezeSpec spec, Instant startedAt, long elapsedMinutes) {
    public ActiveFreeze {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** Planned duration minus elapsed; negative once the freeze overruns its window. */
    public long remainingMinutes() {
        return spec.durationMinutes() - elapsedMinutes;
    }

    /** True when the freeze has lasted longer than planned (FORMATS.md §6.6 warns past the duration). */
    public boolean overrun() {
        return remainingMinutes() < 0;
    }
}
