package dev.cutover.input;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Which known name a misspelt one most likely meant, for "did you mean" hints: a name that differs only in case
 * or in {@code -} for {@code _}, else the single nearest by edit distance (insertions, deletions, substitutions
 * and swaps of neighbours) within one edit per four letters, at least one and at most two. A tie is no hint: a
 * wrong guess at 2 a.m. costs more than none.
 */
public final class Spelling {
    private Spelling() {}

    /** The known name {@code word} most likely meant, if one stands out. */
    public static Optional<String> closest(String word, Collection<String> known) {
        String normalised = normalise(word);
        for (String candidate : known) {
            if (normalise(candidate).equals(normalised) && !candidate.equals(word)) {
                return Optional.of(candidate);
            }
        }
        int limit = Math.min(2, Math.max(1, word.length() / 4));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String candidate : known) {
            int d = distance(word, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance) {
                tie = true;
            }
        }
        return best != null && !tie && bestDistance > 0 && bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** Optimal string alignment distance: Levenshtein plus the swap of two neighbouring letters as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
