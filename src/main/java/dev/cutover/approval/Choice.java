package dev.cutover.approval;

import java.util.Arrays;
import java.util.Optional;

/**
 * The closed set of answers an operator can give to a choice question, with wire names (answers file,
 * journal notes), a human label and a one-character shortcut.
 *
 * <p>Shortcuts are fixed per choice, not per position, so "5" always means abort without rollback even
 * when the rollback options are hidden; only {@link #RETRY} differs: it is "1" in the failure dialog (the
 * five options are numbered there) and "r" elsewhere.
 */
public enum Choice {
    APPROVE("approve", "approve", "a"),
    SKIP("skip", "skip this step (its dependents stay blocked)", "s"),
    // "x", not "a": an approval must never be one typo away from an abort or vice versa.
    ABORT("abort", "abort the run", "x"),
    RETRY("retry", "retry the step", "r"),
    ROLLBACK_CONTINUE("rollback-continue", "run rollback and continue", "2"),
    ROLLBACK_STOP("rollback-stop", "run rollback and stop", "3"),
    SKIP_ROLLBACK_STOP("skip-rollback-stop", "skip rollback and stop", "4"),
    ABORT_NO_ROLLBACK("abort-no-rollback", "abort without rollback", "5"),
    PROCEED("proceed", "proceed with the cutover", "p"),
    CANCEL("cancel", "cancel the run", "c");

    private final String wireName;
    private final String label;
    private final String shortcut;

    Choice(String wireName, String label, String shortcut) {
        this.wireName = wireName;
        this.label = label;
        this.shortcut = shortcut;
    }

    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }

    /** The single-character shortcut shown and accepted for this choice in a question of {@code kind}. */
    public String shortcutIn(PromptKind kind) {
        return this == RETRY && kind == PromptKind.FAILURE ? "1" : shortcut;
    }

    /** The choice whose wire name is exactly {@code text} (case-sensitive). */
    public static Optional<Choice> fromWireName(String text) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(text)).findFirst();
    }
}
