package dev.cutover.input;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether a run may take its answers from {@code --answers FILE} instead of the operator's terminal. */
public enum AnswersFiles {
    ALLOWED,
    REFUSED;

    /** The spelling used in {@code environments.yaml}, e.g. {@code refused}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AnswersFiles> fromConfigName(String name) {
        return Arrays.stream(values()).filter(e -> e.configName().equals(name)).findFirst();
    }
}
