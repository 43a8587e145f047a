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
        throw new UnsupportedOperationException("policy helper implements this");
    }

    /** Whether any word's value is {@code name} or starts with {@code name=}. */
    public boolean hasOption(String name) {
        throw new UnsupportedOperationException("policy helper implements this");
    }
}
