package dev.cutover.input;

import java.util.Objects;

/**
 * One row of the permission matrix (docs/environments.md): what a run of an environment class may do.
 *
 * @param approval the loosest approval mode a run may ask for with {@code --approval}; runs are per-step unless
 *     they ask
 * @param directMutation whether {@code cutover execute} may change the environment directly
 * @param answersFile whether {@code --answers FILE} may replace the terminal
 * @param rehearsalRequired whether a run needs evidence of a completed rehearsal (documented here, enforced by
 *     the rehearsal check)
 */
public record Permissions(
        ApprovalMode approval, DirectMutation directMutation, AnswersFiles answersFile, boolean rehearsalRequired) {
    public Permissions {
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(directMutation, "directMutation");
        Objects.requireNonNull(answersFile, "answersFile");
    }

    /** The safe defaults of issue 6, used for every class and key the organisation's file does not set. */
    public static Permissions builtIn(Environment environment) {
        return switch (environment) {
            case SANDBOX ->
                new Permissions(ApprovalMode.UNATTENDED, DirectMutation.ALLOWED, AnswersFiles.ALLOWED, false);
            case DEVELOPMENT, TEST ->
                new Permissions(ApprovalMode.DESTRUCTIVE_ONLY, DirectMutation.ALLOWED, AnswersFiles.ALLOWED, false);
            case STAGING ->
                new Permissions(ApprovalMode.PER_STEP, DirectMutation.DISCOURAGED, AnswersFiles.REFUSED, false);
            case PRODUCTION ->
                new Permissions(ApprovalMode.PER_STEP, DirectMutation.DISCOURAGED, AnswersFiles.REFUSED, true);
        };
    }

    /**
     * The loosest settings any configuration may give {@code environment}: production's rules cannot be lowered
     * (per-step approval, no answers file, rehearsal evidence, direct mutation at least discouraged); the other
     * classes have no floor.
     */
    public static Permissions floor(Environment environment) {
        return environment == Environment.PRODUCTION
                ? builtIn(Environment.PRODUCTION)
                : new Permissions(ApprovalMode.UNATTENDED, DirectMutation.ALLOWED, AnswersFiles.ALLOWED, false);
    }

    /** Setting by setting, the stricter of this and {@code other}: stricter settings always win. */
    public Permissions stricter(Permissions other) {
        return new Permissions(
                approval.looserThan(other.approval) ? other.approval : approval,
                directMutation.compareTo(other.directMutation) >= 0 ? directMutation : other.directMutation,
                answersFile.compareTo(other.answersFile) >= 0 ? answersFile : other.answersFile,
                rehearsalRequired || other.rehearsalRequired);
    }

    /** One line for pre-flight, dry runs and prompts, e.g. {@code approval per-step, direct mutation discouraged}. */
    public String describe() {
        return "approval up to " + approval.configName() + ", direct mutation " + directMutation.configName()
                + ", answers file " + answersFile.configName() + (rehearsalRequired ? ", rehearsal required" : "");
    }
}
