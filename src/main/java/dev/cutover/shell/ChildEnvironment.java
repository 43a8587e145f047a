package dev.cutover.shell;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds a child command's complete environment per FORMATS.md §1: the executor's environment, the
 * resolved {@code MIGRATION_*_PROFILE} values when known, {@code AWS_PAGER=""}, for terraform also
 * {@code TF_VAR_aws_profile} and {@code TF_IN_AUTOMATION=1}, and never {@code BASH_ENV} or {@code ENV}.
 *
 * @param base the executor's own environment, passed in explicitly (never read here)
 * @param sourceProfile the resolved source profile, or {@code null} when unknown
 * @param targetProfile the resolved target profile, or {@code null} when unknown
 */
public record ChildEnvironment(Map<String, String> base, String sourceProfile, String targetProfile) {

    public ChildEnvironment {
        base = Map.copyOf(Objects.requireNonNull(base, "base"));
        sourceProfile = blankToNull(sourceProfile);
        targetProfile = blankToNull(targetProfile);
    }

    /** An environment from {@code base} with no resolved profiles yet. */
    public static ChildEnvironment from(Map<String, String> base) {
        return new ChildEnvironment(base, null, null);
    }

    /** A copy with the resolved source profile ({@code null} or blank = unknown). */
    public ChildEnvironment withSourceProfile(String profile) {
        return new ChildEnvironment(base, profile, targetProfile);
    }

    /** A copy with the resolved target profile ({@code null} or blank = unknown). */
    public ChildEnvironment withTargetProfile(String profile) {
        return new ChildEnvironment(base, sourceProfile, profile);
    }

    /** The environment for any command whose first program is not terraform. */
    public Map<String, String> forCommand() {
        return Collections.unmodifiableMap(common());
    }

    /** The environment for a command whose first program is terraform. */
    public Map<String, String> forTerraformCommand() {
        Map<String, String> env = common();
        if (targetProfile != null) {
            env.put("TF_VAR_aws_profile", targetProfile);
        }
        env.put("TF_IN_AUTOMATION", "1");
        return Collections.unmodifiableMap(env);
    }

    private Map<String, String> common() {
        // Sorted so the environment is reproducible when shown or compared in tests.
        Map<String, String> env = new TreeMap<>(base);
        if (sourceProfile != null) {
            env.put("MIGRATION_SOURCE_PROFILE", sourceProfile);
        }
        if (targetProfile != null) {
            env.put("MIGRATION_TARGET_PROFILE", targetProfile);
        }
        // An empty pager stops the AWS CLI from waiting on `less` with stdin closed.
        env.put("AWS_PAGER", "");
        CommandRunner.STARTUP_FILE_VARIABLES.forEach(env::remove);
        return env;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
