package dev.cutover.policy;

/**
 * Appends the options FORMATS.md §4.3 "Normalization" requires, at the end of each affected simple command
 * (before any {@code |} or {@code &&}), in this order. {@code aws}: the poll query as {@code --query Q}
 * (polls, if none), {@code --output text} (polls, if no {@code --output}), {@code --account-id
 * {target-acct}} (s3control polls, if absent), {@code --profile P} (read roles, if absent). {@code
 * terraform} {@code init|plan|apply|destroy}: {@code -input=false} if absent. Works on text that still
 * contains raw placeholder tokens.
 */
public final class CommandNormalizer {
    private CommandNormalizer() {}

    /**
     * @param role the command's role
     * @param poll whether the command is a poll command
     * @param pollQuery the query to add to polls without {@code --query}, already quoted as shell text
     *     (e.g. {@code 'Job.Status'}), or null
     * @param readProfile the profile word to add in read roles, e.g. {@code $MIGRATION_TARGET_PROFILE}
     */
    public record Options(CommandRole role, boolean poll, String pollQuery, String readProfile) {}

    public static String normalize(String command, Options options) {
        throw new UnsupportedOperationException("policy helper implements this");
    }
}
