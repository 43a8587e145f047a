package dev.cutover.input;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** When pre-flight check 7 runs {@code terraform init}/{@code validate} ({@code cutover.yaml} {@code terraform_preflight}). */
public enum TerraformPreflight {
    /** Only when terraform is allowed and some step applies a module (FORMATS.md §5 check 7). */
    AUTO,
    /** Always, even when no step applies a module. */
    ALWAYS,
    /** Never; the banner and report note the skipped check. */
    NEVER;

    /** The spelling used in {@code cutover.yaml}, e.g. {@code auto}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TerraformPreflight> fromConfigName(String name) {
        return Arrays.stream(values()).filter(e -> e.configName().equals(name)).findFirst();
    }
}
