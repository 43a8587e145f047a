package dev.cutover.input;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether {@code cutover execute} may change an environment from an operator's machine, loosest first. */
public enum DirectMutation {
    /** Execute runs. */
    ALLOWED,
    /** Execute runs, with a warning that the pipeline path ({@code prepare-pipeline}) is preferred. */
    DISCOURAGED,
    /** Execute refuses; changes go through {@code cutover prepare-pipeline} and the CI system's approval gate. */
    PIPELINE_ONLY;

    /** The spelling used in {@code environments.yaml}, e.g. {@code pipeline-only}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<DirectMutation> fromConfigName(String name) {
        return Arrays.stream(values()).filter(e -> e.configName().equals(name)).findFirst();
    }
}
