package dev.cutover.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Draws an {@link ExecutionTimeline} as an inline SVG Gantt chart: one row per step, a light bar for its planned
 * time box behind a bar for its actual duration, coloured by state and outlined when it overran, on an axis of
 * elapsed time since the run started. Coordinates come only from journal times, so the picture is deterministic.
 */
final class TimelineSvg {
    static final int LABEL_WIDTH = 420;
    static final int CHART_WIDTH = 740;
    static final int ROW_HEIGHT = 18;
    static final int TOP = 28;
    private static final long[] TICK_SECONDS = {
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400
    };
    private static final int MAX_TICKS = 8;

    private final ExecutionTimeline timeline;
    private final HtmlWriter html;

    private TimelineSvg(ExecutionTimeline timeline, HtmlWriter html) {
        this.timeline = timeline;
        this.html = html;
    }

    static void write(ExecutionTimeline timeline, HtmlWriter html) {
        new TimelineSvg(timeline, html).svg();
    }

    private void svg() {
        int width = LABEL_WIDTH + CHART_WIDTH + 20;
        int height = TOP + timeline.rows().size() * ROW_HEIGHT + 8;
        html.open(
                "svg",
                "xmlns",
                "http://www.w3.org/2000/svg",
                "viewBox",
                "0 0 " + width + " " + height,
                "width",
                String.valueOf(width),
                "role",
                "img",
                "aria-label",
                "Timeline of actual step durations against their planned time boxes");
        axis(height);
        for (int i = 0; i < timeline.rows().size(); i++) {
            row(timeline.rows().get(i), TOP + i * ROW_HEIGHT);
        }
        html.close("svg");
    }

    private void axis(int height) {
        long stepSeconds = tickSeconds(timeline.spanMillis());
        for (long s = 0; s * 1000 <= timeline.spanMillis(); s += stepSeconds) {
            String x = coordinate(x(s * 1000));
            html.empty("line", "class", "axis", "x1", x, "y1", "16", "x2", x, "y2", String.valueOf(height - 4));
            html.element("text", ReportTime.duration(s), "x", x, "y", "12");
        }
    }

    private void row(ExecutionTimeline.Row row, int y) {
        String id = row.step().stepId();
        String state = row.outcome().state().wireName();
        html.open("g", "id", "row-" + id, "class", "row " + state);
        html.element("text", id, "x", "4", "y", String.valueOf(y + 12));
        if (!row.ran()) {
            html.element(
                    "text",
                    "not started (" + state + ")",
                    "class",
                    "none",
                    "x",
                    coordinate(x(0) + 4),
                    "y",
                    String.valueOf(y + 12));
            html.close("g");
            return;
        }
        long start = row.startMillis().orElseThrow();
        if (row.plannedMillis() > 0) {
            rect("plan", start, row.plannedMillis(), y + 2, ROW_HEIGHT - 4);
        }
        html.open(
                "rect",
                rectangle(
                        "bar " + state + (row.overran() ? " over" : ""),
                        start,
                        row.actualMillis().orElseThrow(),
                        y + 5,
                        ROW_HEIGHT - 10));
        html.element("title", tooltip(row)).close("rect").close("g");
    }

    private void rect(String cssClass, long startMillis, long lengthMillis, int y, int height) {
        html.empty("rect", rectangle(cssClass, startMillis, lengthMillis, y, height));
    }

    private String[] rectangle(String cssClass, long startMillis, long lengthMillis, int y, int height) {
        // At least one pixel wide, so a step that took milliseconds is still visible.
        double width = Math.max(1.0, x(startMillis + lengthMillis) - x(startMillis));
        return new String[] {
            "class",
            cssClass,
            "x",
            coordinate(x(startMillis)),
            "y",
            String.valueOf(y),
            "width",
            coordinate(width),
            "height",
            String.valueOf(height)
        };
    }

    private static String tooltip(ExecutionTimeline.Row row) {
        long actual = row.actualMillis().orElseThrow();
        return row.step().stepId() + ": " + row.outcome().state().wireName() + ", took "
                + ExecutionTimeline.took(actual)
                + (row.plannedMillis() == 0 ? ", no time box" : " of " + Runbook.timeBox(row.step()) + " planned")
                + (row.overran() ? " (overran)" : "");
    }

    private double x(long millis) {
        return LABEL_WIDTH + (double) millis * CHART_WIDTH / timeline.spanMillis();
    }

    /**
     * {@code String.format(Locale.ROOT, "%.1f", value)}, which rounds the shortest decimal form of the double half
     * up, as BigDecimal does here without the formatter's first-use cost (10–30 ms at the end of every run).
     * Negative, infinite and NaN values, which BigDecimal writes differently or not at all, still go through the
     * formatter ({@code TimelineSvgCoordinatePropertiesTest}).
     */
    static String coordinate(double value) {
        if (!(value >= 0) || Double.isInfinite(value) || value == 0 && 1 / value < 0) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return new BigDecimal(Double.toString(value))
                .setScale(1, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** The smallest round tick interval that puts at most {@value #MAX_TICKS} ticks after zero on the axis. */
    static long tickSeconds(long spanMillis) {
        for (long candidate : TICK_SECONDS) {
            if (spanMillis / 1000 / candidate <= MAX_TICKS) {
                return candidate;
            }
        }
        long days = TICK_SECONDS[TICK_SECONDS.length - 1];
        return days * (spanMillis / 1000 / days / MAX_TICKS + 1);
    }
}
