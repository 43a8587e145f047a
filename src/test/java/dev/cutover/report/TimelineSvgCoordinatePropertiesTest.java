package dev.cutover.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** The SVG's coordinates are written exactly as {@code %.1f} writes them, without the formatter. */
class TimelineSvgCoordinatePropertiesTest {
    @Property(tries = 5000)
    void anyDouble(@ForAll double value) {
        assertSameAsFormat(value);
    }

    @Property(tries = 5000)
    void theChartsRange(@ForAll @DoubleRange(min = 0, max = 2000) double value) {
        assertSameAsFormat(value);
    }

    @Property(tries = 2000)
    void halvesAtTheSecondDecimal(@ForAll @DoubleRange(min = 0, max = 2000) double value) {
        // x.y5 is where half-up rounding of the decimal form and of the binary value part.
        assertSameAsFormat(Math.floor(value * 10) / 10 + 0.05);
    }

    @Example
    void edges() {
        for (double value : new double[] {
            0.0,
            -0.0,
            0.05,
            0.15,
            0.25,
            1.45,
            2.675,
            999.95,
            1e7,
            1.0e-5,
            123456789.05,
            -0.04,
            -3.25,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.MAX_VALUE,
            Double.MIN_VALUE
        }) {
            assertSameAsFormat(value);
        }
    }

    private static void assertSameAsFormat(double value) {
        assertThat(TimelineSvg.coordinate(value)).as("%s", value).isEqualTo(String.format(Locale.ROOT, "%.1f", value));
    }
}
