package dev.cutover.approval;

import java.util.Objects;

/**
 * One answer to one {@link Question}: exactly one of a choice or a parameter value, where it came from,
 * and the notes the engine journals with it.
 *
 * @param choice the chosen option, null for a parameter answer
 * @param value the parameter value, null for a choice answer
 * @param source who answered
 * @param notes for the journal, e.g. {@code answers file /tmp/answers.txt line 7}; null from the terminal
 */
public record Answer(Choice choice, String value, AnswerSource source, String notes) {
    public Answer {
        Objects.requireNonNull(source, "source");
        if ((choice == null) == (value == null)) {
            throw new IllegalArgumentException("an answer holds exactly one of a choice or a value");
        }
    }

    public static Answer of(Choice choice, AnswerSource source, String notes) {
        return new Answer(Objects.requireNonNull(choice, "choice"), null, source, notes);
    }

    public static Answer ofValue(String value, AnswerSource source, String notes) {
        return new Answer(null, Objects.requireNonNull(value, "value"), source, notes);
    }
}
