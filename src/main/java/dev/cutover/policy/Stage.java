package dev.cutover.policy;

import java.util.List;
import java.util.Optional;

/**
 * One pipe stage: a program and its arguments.
 *
 * @param words the words in order; the first is the program
 * @param start offset of the stage's first word in the command text
 * @param end offset just past its last word
 */
public record Stage(List<Word> words, int start, int end) {
    public Stage {
        words = List.copyOf(words);
    }

    /** The program: the first word's value, if any. */
    public Optional<String> program() {
        return words.isEmpty() ? Optional.empty() : Optional.of(words.get(0).value());
    }

    /** The value following {@code --name} (as {@code --name v} or {@code --name=v}), quote-removed. */
    public Optional<String> optionValue(String name) {
        for (int i = 0; i < words.size(); i++) {
            String value = words.get(i).value();
            if (value.equals(name)) {
                return i + 1 < words.size() ? Optional.of(words.get(i + 1).value()) : Optional.empty();
            }
            if (value.startsWith(name + "=")) {
                return Optional.of(value.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }

    /** How many words are {@code name} or start with {@code name=}. */
    public int optionCount(String name) {
        return (int) words.stream()
                .filter(w -> w.value().equals(name) || w.value().startsWith(name + "="))
                .count();
    }

    /** The word at {@code index} quote-removed, or empty when the stage is shorter. */
    public Optional<String> wordValue(int index) {
        return index < words.size() ? Optional.of(words.get(index).value()) : Optional.empty();
    }

    /** Whether any word's value is {@code name} or starts with {@code name=}. */
    public boolean hasOption(String name) {
        return optionCount(name) > 0;
    }
}
