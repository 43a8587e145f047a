package dev.cutover.journal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The notes convention for values a step's execute produced (job ids, ARNs) that resume needs to
 * re-attach polling: {@code captured: name=value; name2=value2} on the {@code executed} entry.
 */
public final class CapturedValues {
    static final String MARKER = "captured:";

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_.-]+$");

    private CapturedValues() {}

    /** Formats values as notes text; names must match {@code [A-Za-z0-9_.-]+}, values hold no {@code ;} or LF. */
    public static String toNotes(Map<String, String> values) {
        StringBuilder notes = new StringBuilder(MARKER);
        String separator = " ";
        for (Map.Entry<String, String> e : values.entrySet()) {
            String value = Objects.requireNonNull(e.getValue(), "value");
            if (!NAME.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("captured value name must match [A-Za-z0-9_.-]+: " + e.getKey());
            }
            if (value.indexOf(';') >= 0
                    || value.indexOf('\n') >= 0
                    || !value.strip().equals(value)) {
                throw new IllegalArgumentException(
                        "captured value for " + e.getKey() + " must not contain ';', " + "LF or edge whitespace");
            }
            notes.append(separator).append(e.getKey()).append('=').append(value);
            separator = "; ";
        }
        return notes.toString();
    }

    /**
     * Reads the pairs after {@code captured:} (at the start of the notes or after whitespace or {@code ;})
     * up to the end of that line; malformed pairs are ignored, a later pair wins over an earlier one.
     */
    public static Map<String, String> parse(String notes) {
        Map<String, String> values = new LinkedHashMap<>();
        int marker = markerIndex(notes);
        if (marker < 0) {
            return values;
        }
        int end = notes.indexOf('\n', marker);
        String pairs = notes.substring(marker + MARKER.length(), end < 0 ? notes.length() : end);
        for (String pair : pairs.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).strip();
            if (NAME.matcher(name).matches()) {
                values.put(name, pair.substring(eq + 1).strip());
            }
        }
        return values;
    }

    private static int markerIndex(String notes) {
        if (notes == null) {
            return -1;
        }
        int from = 0;
        int index;
        while ((index = notes.indexOf(MARKER, from)) >= 0) {
            if (index == 0 || Character.isWhitespace(notes.charAt(index - 1)) || notes.charAt(index - 1) == ';') {
                return index;
            }
            from = index + 1;
        }
        return -1;
    }
}
