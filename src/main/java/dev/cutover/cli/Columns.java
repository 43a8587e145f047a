package dev.cutover.cli;

/** Left-aligned text columns for the terminal, without a formatter (see LocaleIndependentTextTest). */
final class Columns {
    private Columns() {}

    /** {@code String.format("%-<width>s", value)}: the value, then spaces up to {@code width} characters. */
    static String padRight(Object value, int width) {
        String text = String.valueOf(value);
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
