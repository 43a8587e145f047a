package dev.cutover.input;

import dev.cutover.error.Problem;
import java.util.Comparator;
import java.util.List;

/**
 * The deterministic order problems are reported in: input files in {@link InputFile} order (other files
 * after them, by name), then JSON pointer with array indexes compared as numbers, then message.
 */
public final class ProblemOrder implements Comparator<Problem> {
    private static final int NOT_AN_INPUT = InputFile.values().length;

    /** Returns {@code problems} sorted and with exact duplicates removed. */
    public static List<Problem> sorted(List<Problem> problems) {
        return problems.stream().distinct().sorted(new ProblemOrder()).toList();
    }

    @Override
    public int compare(Problem a, Problem b) {
        int byFile = Integer.compare(fileRank(a.file()), fileRank(b.file()));
        if (byFile != 0) {
            return byFile;
        }
        int byName = a.file().compareTo(b.file());
        if (byName != 0) {
            return byName;
        }
        int byPointer = comparePointers(a.pointer(), b.pointer());
        return byPointer != 0 ? byPointer : a.message().compareTo(b.message());
    }

    private static int fileRank(String file) {
        return InputFile.byFileName(file).map(Enum::ordinal).orElse(NOT_AN_INPUT);
    }

    /** Compares pointers segment by segment so that {@code /phases/2} sorts before {@code /phases/10}. */
    static int comparePointers(String a, String b) {
        String[] left = a.isEmpty() ? new String[0] : a.substring(1).split("/", -1);
        String[] right = b.isEmpty() ? new String[0] : b.substring(1).split("/", -1);
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int c = compareSegments(left[i], right[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static int compareSegments(String a, String b) {
        boolean numeric = isIndex(a) && isIndex(b);
        if (numeric && a.length() != b.length()) {
            return Integer.compare(a.length(), b.length());
        }
        return a.compareTo(b);
    }

    private static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
    }
}
