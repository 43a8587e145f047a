package dev.cutover.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The hand-written layout says exactly what the pattern it replaces says, for every instant. */
class UtcMillisPropertiesTest {
    private static final DateTimeFormatter PATTERN =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Property(tries = 5000)
    void fourDigitYearsMatchThePattern(
            // 0000-01-01T00:00:00Z .. 9999-12-31T23:59:59Z
            @ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long epochSecond,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nano) {
        assertSameAsPattern(Instant.ofEpochSecond(epochSecond, nano));
    }

    @Property(tries = 500)
    void anyYearMatchesThePattern(
            @ForAll @LongRange(min = -400_000_000_000L, max = 400_000_000_000L) long epochSecond,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nano) {
        assertSameAsPattern(Instant.ofEpochSecond(epochSecond, nano));
    }

    private static void assertSameAsPattern(Instant instant) {
        assertThat(UtcMillis.format(instant)).as("%s", instant).isEqualTo(PATTERN.format(instant));
    }

    @Example
    void edgesOfTheLayout() {
        assertThat(UtcMillis.format(Instant.parse("2026-11-21T13:45:01.123999Z")))
                .isEqualTo("2026-11-21T13:45:01.123Z");
        assertThat(UtcMillis.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(UtcMillis.format(Instant.parse("1969-12-31T23:59:59.999Z"))).isEqualTo("1969-12-31T23:59:59.999Z");
        assertThat(UtcMillis.format(Instant.parse("2024-02-29T23:59:59.001Z"))).isEqualTo("2024-02-29T23:59:59.001Z");
        assertThat(UtcMillis.format(Instant.parse("0000-01-01T00:00:00Z"))).isEqualTo("0000-01-01T00:00:00.000Z");
        assertThat(UtcMillis.format(Instant.parse("9999-12-31T23:59:59.999Z"))).isEqualTo("9999-12-31T23:59:59.999Z");
        assertThat(UtcMillis.format(Instant.parse("+10000-01-01T00:00:00Z"))).isEqualTo("+10000-01-01T00:00:00.000Z");
    }
}
