package dev.cutover.input;

import java.util.Locale;

/** Matches account names against {@code environments.yaml} globs: {@code *} any run, {@code ?} one character. */
final class NameGlob {
    private NameGlob() {}

    /** Whether the whole of {@code name} matches {@code glob}, ignoring case (aliases are case-insensitive). */
    static boolean matches(String glob, String name) {
        return matches(glob.toLowerCase(Locale.ROOT), 0, name.toLowerCase(Locale.ROOT), 0);
    }

    private static boolean matches(String g, int gi, String n, int ni) {
        // Iterative with one backtrack point per star: linear enough for short names, never exponential.
        int star = -1;
        int mark = 0;
        while (ni < n.length()) {
            if (gi < g.length() && (g.charAt(gi) == '?' || g.charAt(gi) == n.charAt(ni))) {
                gi++;
                ni++;
            } else if (gi < g.length() && g.charAt(gi) == '*') {
                star = gi++;
                mark = ni;
            } else if (star >= 0) {
                gi = star + 1;
                ni = ++mark;
            } else {
                return false;
            }
        }
        while (gi < g.length() && g.charAt(gi) == '*') {
            gi++;
        }
        return gi == g.length();
    }
}
