package dev.cutover.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The hand-written durations say exactly what the format patterns they replace say. */
class DurationTextPropertiesTest {
    @Property(tries = 3000)
    void twoDigitsIsPercentZeroTwoD(@ForAll long value) {
        assertThat(DurationText.twoDigits(value)).isEqualTo(String.format(Locale.ROOT, "%02d", value));
    }

    @Property(tries = 3000)
    void smallValuesToo(@ForAll @LongRange(min = -200, max = 200) long value) {
        assertThat(DurationText.twoDigits(value)).isEqualTo(String.format(Locale.ROOT, "%02d", value));
    }

    @Property(tries = 3000)
    void hoursMinutesIsTheHoursAndMinutesPattern(@ForAll @LongRange(min = -1_000_000, max = 100_000_000) long seconds) {
        assertThat(DurationText.hoursMinutes(seconds))
                .isEqualTo(String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, (seconds % 3600) / 60));
    }

    @Example
    void examples() {
        assertThat(DurationText.twoDigits(7)).isEqualTo("07");
        assertThat(DurationText.twoDigits(120)).isEqualTo("120");
        assertThat(DurationText.hoursMinutes(7_500)).isEqualTo("2h 05m");
        assertThat(DurationText.hoursMinutes(59)).isEqualTo("0h 00m");
    }
}
