package dev.cutover.bench;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints one line per figure, {@code name value  # what it is}, so the output is easy to read and to grep:
 * names are {@code <benchmark>.<figure>}, times end in {@code _ms}, ratios are plain numbers with two decimals.
 */
final class Figures {
    private final PrintWriter out;

    Figures(PrintWriter out) {
        this.out = out;
    }

    void millis(String name, long value, String note) {
        line(name, Long.toString(value), note);
    }

    void count(String name, long value, String note) {
        line(name, Long.toString(value), note);
    }

    void ratio(String name, double value, String note) {
        line(name, String.format(Locale.ROOT, "%.2f", value), note);
    }

    void text(String name, String value, String note) {
        line(name, value, note);
    }

    /** A comment line (starts with {@code #}): context, not a figure. */
    void comment(String text) {
        out.println("# " + text);
        out.flush();
    }

    private void line(String name, String value, String note) {
        out.printf(Locale.ROOT, "%-42s %-12s # %s%n", name, value, note);
        out.flush();
    }
}
