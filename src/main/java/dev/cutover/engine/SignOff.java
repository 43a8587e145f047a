package dev.cutover.engine;

import dev.cutover.input.BlankText;
import dev.cutover.input.Plane;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the approver's sign-off line in a signed checklist (FORMATS.md §5, pre-flight check 4).
 *
 * <p>Only the first 50 lines count, the line may be a Markdown blockquote, the name must be real text and
 * the date a real calendar date, so the unfilled template {@code > APPROVED BY: ____  ON: ____-__-__} never
 * passes.
 */
public final class SignOff {
    /** How many lines from the top of the file are searched. */
    public static final int MAX_LINES = 50;

    static final String EXPECTED_FORM = "`> APPROVED BY: <name> ON: <YYYY-MM-DD>`";

    // [0-9] rather than \d would be equivalent here (Java's \d is ASCII unless UNICODE_CHARACTER_CLASS),
    // but spelling it out keeps a future flag change from letting Arabic-Indic digits sign a cutover.
    private static final Pattern LINE =
            Pattern.compile("^(?:>[ \\t]*)?APPROVED BY: (.+?) ON: ([0-9]{4}-[0-9]{2}-[0-9]{2})");

    private SignOff() {}

    /** The first line among lines 1..50 that is a valid sign-off, if any. */
    public static Optional<SignOffLine> find(String markdown) {
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
            Optional<SignOffLine> line = parse(stripCr(lines[i]), i + 1);
            if (line.isPresent()) {
                return line;
            }
        }
        return Optional.empty();
    }

    /**
     * Checks the control-plane checklist, then the data-plane one, and returns the refusal for the first
     * file without a valid sign-off (empty when both are signed).
     */
    public static Optional<String> check(String controlPlaneMarkdown, String dataPlaneMarkdown) {
        Optional<String> controlPlane = refusal(Plane.CP, controlPlaneMarkdown);
        return controlPlane.isPresent() ? controlPlane : refusal(Plane.DP, dataPlaneMarkdown);
    }

    /** The refusal for one plane's Markdown checklist, empty when it is signed. */
    public static Optional<String> refusal(Plane plane, String markdown) {
        if (find(markdown).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(plane.markdownFile() + " has no sign-off line in its first " + MAX_LINES
                + " lines (expected " + EXPECTED_FORM + ")" + hint(markdown)
                + ". Have the approver fill in the sign-off line at the top of the file, then run again.");
    }

    private static Optional<SignOffLine> parse(String line, int lineNumber) {
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group(1).trim();
        Optional<LocalDate> date = calendarDate(m.group(2));
        if (!hasVisibleCharacter(name) || date.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SignOffLine(name, date.get(), lineNumber));
    }

    /**
     * Whether the name holds something a reader sees besides {@code _} ({@link BlankText#draws}): a name of only
     * spaces, invisible characters and underscores is the unfilled template in disguise (FORMATS.md §5).
     */
    static boolean hasVisibleCharacter(String name) {
        return name.codePoints().anyMatch(cp -> cp != '_' && BlankText.draws(cp));
    }

    /** Points at a near miss, so an operator who did sign sees why the line was not accepted. */
    private static String hint(String markdown) {
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
            Matcher m = LINE.matcher(stripCr(lines[i]));
            if (m.find()) {
                String why = calendarDate(m.group(2)).isEmpty()
                        ? m.group(2) + " is not a calendar date"
                        : "the name is blank: only underscores, spaces or invisible characters";
                return "; line " + (i + 1) + " does not count: " + why;
            }
            if (LINE.matcher(stripCr(lines[i]).stripLeading()).find()) {
                // Indented Markdown is a code block, not the signed line; say so rather than "not filled in".
                return "; line " + (i + 1) + " is indented: the sign-off must start at the beginning of the line"
                        + " (remove the leading spaces)";
            }
            if (lines[i].contains("APPROVED BY:")) {
                return "; line " + (i + 1) + " mentions APPROVED BY: but is not filled in as expected";
            }
        }
        return "";
    }

    private static Optional<LocalDate> calendarDate(String text) {
        try {
            // ISO_LOCAL_DATE resolves strictly, so 2026-02-30 is rejected instead of becoming 2026-02-28.
            return Optional.of(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
