package dev.cutover.input;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How much of a run's step approval a human gives (docs/environments.md), from loosest to strictest. Every mode
 * still journals one {@code approved} entry per step; the looser modes only decide who answers it.
 */
public enum ApprovalMode {
    /** No step approval is asked: each step is approved automatically, journaled naming the rule. */
    UNATTENDED,
    /** Only destructive steps (irreversible, high risk, without rollback, manual, …) are asked. */
    DESTRUCTIVE_ONLY,
    /** Every step is asked: the default, and the only mode production allows. */
    PER_STEP;

    /** The spelling used in {@code environments.yaml} and {@code --approval}, e.g. {@code destructive-only}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ApprovalMode> fromConfigName(String name) {
        return Arrays.stream(values()).filter(e -> e.configName().equals(name)).findFirst();
    }

    /** Whether this mode asks a human for fewer steps than {@code other}. */
    public boolean looserThan(ApprovalMode other) {
        return ordinal() < other.ordinal();
    }
}
