package dev.cutover.policy;

import java.util.Objects;

/**
 * Decides whether a command string is executable in a role (FORMATS.md §4.3 "Executable"): allowed
 * programs, {@code &&} and single {@code |} only, balanced quotes, no redirection, substitution, globbing,
 * elision or unknown variables, built-in read/write classes for {@code aws} and {@code terraform}, and
 * exactly one {@code --profile $MIGRATION_*_PROFILE} on every {@code aws} command.
 */
public final class CommandLint {
    private final AllowedPrograms allowed;

    public CommandLint(AllowedPrograms allowed) {
        this.allowed = Objects.requireNonNull(allowed, "allowed");
    }

    /** Lints {@code command}; open placeholders ({@code {name}}) count as plain words. */
    public LintResult check(String command, CommandRole role) {
        throw new UnsupportedOperationException("policy helper implements this" + allowed + role);
    }
}
