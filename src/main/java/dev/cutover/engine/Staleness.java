package dev.cutover.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pre-flight check 5 (FORMATS.md §5): inputs captured more than 14 days ago are refused unless the
 * operator passed {@code --accept-stale}; more than 7 days old or dated in the future only warns.
 */
public final class Staleness {
    /** Older than this is refused without {@code --accept-stale}. */
    public static final Duration MAX_AGE = Duration.ofDays(14);
    /** Older than this warns. */
    public static final Duration WARN_AGE = Duration.ofDays(7);

    private final Clock clock;

    public Staleness(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Judges every input's capture time against now. */
    public StalenessResult evaluate(List<CapturedAt> inputs, boolean acceptStale) {
        Instant now = clock.instant();
        List<CapturedAt> oldestFirst = new ArrayList<>(inputs);
        oldestFirst.sort(Comparator.comparing(CapturedAt::capturedAt).thenComparing(CapturedAt::file));
        List<String> warnings = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        List<String> staleDescriptions = new ArrayList<>();
        for (CapturedAt input : oldestFirst) {
            Duration age = Duration.between(input.capturedAt(), now);
            if (age.compareTo(MAX_AGE) > 0) {
                stale.add(input.file());
                staleDescriptions.add(describe(input, age));
                if (acceptStale) {
                    warnings.add(describe(input, age) + ", beyond the " + MAX_AGE.toDays()
                            + "-day limit; proceeding because --accept-stale was given.");
                }
            } else if (age.compareTo(WARN_AGE) > 0) {
                warnings.add(describe(input, age) + "; inputs older than " + MAX_AGE.toDays()
                        + " days are refused, so consider re-running discovery.");
            } else if (age.isNegative()) {
                warnings.add(input.file() + " has captured_at " + input.capturedAt() + ", " + format(age.negated())
                        + " in the future; check the clock of the machine that produced it.");
            }
        }
        return new StalenessResult(refusal(staleDescriptions, acceptStale), warnings, stale);
    }

    private static Optional<String> refusal(List<String> staleDescriptions, boolean acceptStale) {
        if (staleDescriptions.isEmpty() || acceptStale) {
            return Optional.empty();
        }
        return Optional.of("Inputs are older than " + MAX_AGE.toDays() + " days: "
                + String.join("; ", staleDescriptions)
                + ". Re-run discovery to refresh them, or pass --accept-stale to cut over with old data.");
    }

    private static String describe(CapturedAt input, Duration age) {
        return input.file() + " is " + format(age) + " old (captured_at " + input.capturedAt() + ")";
    }

    /** Days and hours, so a file 14 days 5 hours old does not read as "14 days" in a refusal. */
    static String format(Duration age) {
        long days = age.toDays();
        int hours = age.toHoursPart();
        return days + (days == 1 ? " day " : " days ") + hours + (hours == 1 ? " hour" : " hours");
    }
}
