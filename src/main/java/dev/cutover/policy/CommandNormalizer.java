package dev.cutover.policy;

import java.util.List;
import java.util.Set;

/**
 * Appends the options FORMATS.md §4.3 "Normalization" requires, at the end of each affected simple command
 * (before any {@code |} or {@code &&}), in this order. {@code aws}: the poll query as {@code --query Q}
 * (polls, if none), {@code --output text} (polls, if no {@code --output}), {@code --account-id
 * {target-acct}} (s3control polls, if absent), {@code --profile P} (read roles, if absent). {@code
 * terraform} {@code init|plan|apply|destroy}: {@code -input=false} if absent. Works on text that still
 * contains raw placeholder tokens.
 */
public final class CommandNormalizer {
    private static final Set<String> INPUT_SUBCOMMANDS = Set.of("init", "plan", "apply", "destroy");

    private CommandNormalizer() {}

    /**
     * @param role the command's role
     * @param poll whether the command is a poll command
     * @param pollQuery the query to add to polls without {@code --query}, already quoted as shell text
     *     (e.g. {@code 'Job.Status'}), or null
     * @param readProfile the profile word to add in read roles, e.g. {@code $MIGRATION_TARGET_PROFILE}
     */
    public record Options(CommandRole role, boolean poll, String pollQuery, String readProfile) {}

    /** The command with the required options appended; otherwise byte-identical, and idempotent. */
    public static String normalize(String command, Options options) {
        List<Stage> stages = CommandParser.parse(command).stages();
        StringBuilder out = new StringBuilder(command);
        // right to left, so earlier offsets stay valid
        for (int i = stages.size() - 1; i >= 0; i--) {
            Stage stage = stages.get(i);
            out.insert(stage.end(), additions(stage, options));
        }
        return out.toString();
    }

    private static String additions(Stage stage, Options options) {
        String program = stage.program().orElse("");
        if (program.equals("aws")) {
            return awsAdditions(stage, options);
        }
        if (program.equals("terraform")
                && stage.wordValue(1).filter(INPUT_SUBCOMMANDS::contains).isPresent()
                && !TerraformRules.hasFlag(stage, "input")) {
            return " -input=false";
        }
        return "";
    }

    private static String awsAdditions(Stage stage, Options options) {
        StringBuilder add = new StringBuilder();
        if (options.poll() && options.pollQuery() != null && !stage.hasOption("--query")) {
            add.append(" --query ").append(options.pollQuery());
        }
        if (options.poll() && !stage.hasOption("--output")) {
            add.append(" --output text");
        }
        if (options.poll()
                && stage.wordValue(1).filter("s3control"::equals).isPresent()
                && !stage.hasOption("--account-id")) {
            add.append(" --account-id {target-acct}");
        }
        if (options.role() == CommandRole.READ && options.readProfile() != null && !stage.hasOption("--profile")) {
            add.append(" --profile ").append(options.readProfile());
        }
        return add.toString();
    }
}
