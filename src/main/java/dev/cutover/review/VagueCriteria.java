package dev.cutover.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a concrete go/no-go criterion from a vague one by the rules and word lists of {@code vague-criteria.txt}
 * (documented there and in docs/commands/review.md): too few words, or nothing left once vague phrases and
 * filler words are taken out.
 */
public final class VagueCriteria {
    static final int MIN_WORDS = 3;
    static final int MIN_REMAINING_WORDS = 2;
    static final String RESOURCE = "vague-criteria.txt";

    private final List<List<String>> phrases;
    private final Set<String> filler;

    VagueCriteria(List<List<String>> phrases, Set<String> filler) {
        // Longest first, so "ready to go" is taken out before "ready" would leave "to go" behind.
        List<List<String>> sorted = new ArrayList<>(phrases);
        sorted.sort((a, b) -> Integer.compare(b.size(), a.size()));
        this.phrases = List.copyOf(sorted);
        this.filler = Set.copyOf(filler);
    }

    /** The bundled rules. */
    public static VagueCriteria bundled() {
        try (InputStream in = VagueCriteria.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rules from the text of a {@code vague-criteria.txt}: {@code [phrases]} and {@code [filler]} sections. */
    static VagueCriteria parse(String text) {
        List<List<String>> phrases = new ArrayList<>();
        Set<String> filler = new HashSet<>();
        String section = "";
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line;
            } else if (section.equals("[phrases]")) {
                phrases.add(words(line));
            } else if (section.equals("[filler]")) {
                filler.addAll(words(line));
            } else {
                throw new IllegalArgumentException("entry outside [phrases] or [filler]: " + line);
            }
        }
        return new VagueCriteria(phrases, filler);
    }

    /** Why {@code criterion} is vague, or empty when it is concrete. */
    public Optional<String> vagueness(String criterion) {
        List<String> words = words(criterion == null ? "" : criterion);
        if (words.size() < MIN_WORDS) {
            return Optional.of("too short (" + words.size() + (words.size() == 1 ? " word" : " words") + ", at least "
                    + MIN_WORDS + ")");
        }
        List<String> rest = new ArrayList<>(words);
        List<String> found = new ArrayList<>();
        for (List<String> phrase : phrases) {
            while (removeFirst(rest, phrase)) {
                found.add(String.join(" ", phrase));
            }
        }
        rest.removeIf(filler::contains);
        if (rest.size() < MIN_REMAINING_WORDS) {
            return Optional.of(
                    found.isEmpty()
                            ? "says nothing that can be checked"
                            : "only vague wording ("
                                    + String.join(
                                            ", ", found.stream().distinct().toList())
                                    + "), nothing that can be checked");
        }
        return Optional.empty();
    }

    /** Lowercase runs of letters and digits. */
    static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    private static boolean removeFirst(List<String> words, List<String> phrase) {
        int at = Collections.indexOfSubList(words, phrase);
        if (at < 0) {
            return false;
        }
        words.subList(at, at + phrase.size()).clear();
        return true;
    }
}
