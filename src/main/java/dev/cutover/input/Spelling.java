package dev.cutover.input;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which known name a misspelt one most likely meant, for "did you mean" hints: a name that differs only in case,
 * {@code -} for {@code _} or {@code _} left out or added, else the single nearest by edit distance (insertions,
 * deletions, substitutions and swaps of neighbours) within one edit per four letters, at least one and at most two.
 * A tie is no hint: a wrong guess at 2 a.m. costs more than none.
 */
public final class Spelling {
    private Spelling() {}

    /** The known name {@code word} most likely meant, if one stands out. */
    public static Optional<String> closest(String word, Collection<String> known) {
        List<String> same = sameLetters(word, known);
        if (!same.isEmpty()) {
            return same.size() == 1 ? Optional.of(same.get(0)) : Optional.empty();
        }
        List<String> nearest = nearest(word, known);
        return nearest.size() == 1 ? Optional.of(nearest.get(0)) : Optional.empty();
    }

    /**
     * Every known name {@code word} may have been meant as, best first: those with the same letters (case,
     * {@code -} and {@code _} aside), else those at the smallest edit distance within {@link #closest}'s limit
     * (all of them when tied), else those that continue {@code word} with one more short {@code _}-separated word
     * of at most three letters ({@code release_step} for {@code release_step_id}, {@code poll} for {@code
     * poll_cmd}; a longer word left out, as in {@code rollback} for {@code rollback_command}, may well be a field
     * of its own). For checks that must not stay silent when two names are equally near; empty when none is near.
     */
    public static List<String> nearMisses(String word, Collection<String> known) {
        List<String> same = sameLetters(word, known);
        if (!same.isEmpty()) {
            return same;
        }
        List<String> nearest = nearest(word, known);
        if (!nearest.isEmpty()) {
            return nearest;
        }
        List<String> longer = new ArrayList<>();
        String stem = word.toLowerCase(Locale.ROOT) + "_";
        for (String candidate : known) {
            String lower = candidate.toLowerCase(Locale.ROOT);
            String rest = lower.startsWith(stem) ? lower.substring(stem.length()) : "";
            if (!word.isEmpty()
                    && !word.endsWith("_")
                    && !rest.isEmpty()
                    && rest.length() <= 3
                    && !rest.contains("_")) {
                longer.add(candidate);
            }
        }
        return longer;
    }

    private static List<String> sameLetters(String word, Collection<String> known) {
        String normalised = normalise(word);
        List<String> same = new ArrayList<>();
        for (String candidate : known) {
            if (normalise(candidate).equals(normalised) && !candidate.equals(word)) {
                same.add(candidate);
            }
        }
        return same;
    }

    /** The known names at the smallest edit distance from {@code word}, if that distance is within the limit. */
    private static List<String> nearest(String word, Collection<String> known) {
        int limit = Math.min(2, Math.max(1, word.length() / 4));
        List<String> best = new ArrayList<>();
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            if (Math.abs(word.length() - candidate.length()) > limit) {
                continue; // at least that many edits apart; also keeps a huge unknown key from costing its square
            }
            int d = distance(word, candidate);
            if (d < bestDistance) {
                best.clear();
                bestDistance = d;
            }
            if (d == bestDistance) {
                best.add(candidate);
            }
        }
        return bestDistance > 0 && bestDistance <= limit ? best : List.of();
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
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
