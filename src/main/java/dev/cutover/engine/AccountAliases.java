package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.shell.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Looks up the AWS account alias of the run's source and target accounts (read-only {@code aws iam
 * list-account-aliases} with each side's profile), so the organisation's {@code account_name_patterns} can
 * classify an account its file does not list by id (docs/environments.md). A lookup that fails (often: the role
 * may not call {@code iam:ListAccountAliases}) leaves the account unnamed and says so; it never fails the run by
 * itself — an account that is then neither listed nor named gets production's rules.
 */
final class AccountAliases {
    static final String SOURCE_LOOKUP = "aws iam list-account-aliases --output text --query 'AccountAliases[0]'"
            + " --profile $MIGRATION_SOURCE_PROFILE";
    static final String TARGET_LOOKUP = "aws iam list-account-aliases --output text --query 'AccountAliases[0]'"
            + " --profile $MIGRATION_TARGET_PROFILE";
    /** IAM's own rule for an alias: lowercase letters, digits and single hyphens, 3 to 63 characters. */
    private static final Pattern ALIAS = Pattern.compile("[a-z0-9](?:[a-z0-9]|-(?!-)){1,61}[a-z0-9]");

    private final StepCommands commands;
    private final List<String> notes = new ArrayList<>();

    AccountAliases(StepCommands commands) {
        this.commands = commands;
    }

    /** {@code sourceThenTarget} (the run's two accounts, in that order) with the aliases that could be read. */
    List<RunIdentity> named(List<RunIdentity> sourceThenTarget) {
        return List.of(named(sourceThenTarget.get(0), SOURCE_LOOKUP), named(sourceThenTarget.get(1), TARGET_LOOKUP));
    }

    /** Why an account stayed unnamed, one line each, for the pre-flight warnings. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    private RunIdentity named(RunIdentity account, String lookup) {
        CommandResult r = commands.run(ExecutionStep.RUN_LEVEL_STEP_ID, "probe", lookup);
        String first = r.stdoutHead().lines().map(String::strip).findFirst().orElse("");
        if (r.exitCode() == 0 && ALIAS.matcher(first).matches()) {
            return new RunIdentity(account.id(), Optional.of(first), account.role());
        }
        String why = r.exitCode() != 0
                ? "`" + lookup + "` exited " + r.exitCode()
                : "the account has no alias (`" + lookup + "` printed " + (first.isEmpty() ? "nothing" : first) + ")";
        notes.add("environment: account_name_patterns not applied to " + account.describe() + ": " + why);
        return account;
    }
}
