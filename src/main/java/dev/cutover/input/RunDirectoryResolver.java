package dev.cutover.input;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the run directory (FORMATS.md §1): {@code --run-dir} wins; otherwise {@code --run-id} names
 * {@code ${AWS_MIGRATION_ROOT:-~/.aws-migration}/runs/<source>-to-<target>-<run-id>/}, with each profile
 * taken from its flag, else from {@code MIGRATION_SOURCE_PROFILE}/{@code MIGRATION_TARGET_PROFILE}.
 *
 * <p>The environment and home directory are constructor parameters so that resolution is testable and never
 * depends on the JVM's own environment.
 */
public final class RunDirectoryResolver {
    public static final String ROOT_VARIABLE = "AWS_MIGRATION_ROOT";
    public static final String SOURCE_PROFILE_VARIABLE = "MIGRATION_SOURCE_PROFILE";
    public static final String TARGET_PROFILE_VARIABLE = "MIGRATION_TARGET_PROFILE";

    private final Map<String, String> environment;
    private final Path homeDirectory;

    public RunDirectoryResolver(Map<String, String> environment, Path homeDirectory) {
        this.environment = Map.copyOf(environment);
        this.homeDirectory = homeDirectory;
    }

    /**
     * Resolves {@code request} to an existing directory.
     *
     * @throws CutoverException {@link ErrorCode#USAGE} when neither flag is given or a name is unusable,
     *     {@link ErrorCode#PROFILES_REQUIRED} when {@code --run-id} lacks a profile,
     *     {@link ErrorCode#RUN_DIR_NOT_FOUND} when the directory does not exist
     */
    public RunDirectory resolve(RunDirectoryRequest request) {
        if (request.runDir() != null) {
            return fromRunDirFlag(request.runDir());
        }
        if (request.runId() == null) {
            throw new CutoverException(
                    ErrorCode.USAGE, "say which run to use: pass --run-dir DIR, or --run-id ID with both AWS profiles");
        }
        String runId = segment("--run-id", request.runId());
        Optional<String> source = sourceProfile(request);
        Optional<String> target = targetProfile(request);
        requireProfiles(source, target);
        String name = segment("--source-profile", source.get()) + "-to-" + segment("--target-profile", target.get())
                + "-" + runId;
        return existing(migrationRoot().resolve("runs").resolve(name), " (from --run-id " + runId + ")");
    }

    /** The source profile: the flag, else {@code MIGRATION_SOURCE_PROFILE}; blank counts as absent. */
    public Optional<String> sourceProfile(RunDirectoryRequest request) {
        return flagOrVariable(request.sourceProfile(), SOURCE_PROFILE_VARIABLE);
    }

    /** The target profile: the flag, else {@code MIGRATION_TARGET_PROFILE}; blank counts as absent. */
    public Optional<String> targetProfile(RunDirectoryRequest request) {
        return flagOrVariable(request.targetProfile(), TARGET_PROFILE_VARIABLE);
    }

    private Optional<String> flagOrVariable(String flag, String variable) {
        if (flag != null && !flag.isBlank()) {
            return Optional.of(flag);
        }
        return Optional.ofNullable(environment.get(variable)).filter(v -> !v.isBlank());
    }

    private static void requireProfiles(Optional<String> source, Optional<String> target) {
        List<String> missing = new ArrayList<>();
        if (source.isEmpty()) {
            missing.add("the source profile (--source-profile or " + SOURCE_PROFILE_VARIABLE + ")");
        }
        if (target.isEmpty()) {
            missing.add("the target profile (--target-profile or " + TARGET_PROFILE_VARIABLE + ")");
        }
        if (!missing.isEmpty()) {
            throw new CutoverException(
                    ErrorCode.PROFILES_REQUIRED,
                    "--run-id needs " + String.join(" and ", missing) + " to find the run directory");
        }
    }

    /** Shell semantics of {@code ${AWS_MIGRATION_ROOT:-~/.aws-migration}}: unset or empty means the default. */
    private Path migrationRoot() {
        String root = environment.get(ROOT_VARIABLE);
        return root == null || root.isEmpty() ? homeDirectory.resolve(".aws-migration") : Path.of(root);
    }

    /** A value that becomes part of one directory name, so it must not climb out of {@code runs/}. */
    private static String segment(String flag, String value) {
        if (value.isBlank() || value.contains("/") || value.chars().anyMatch(Character::isISOControl)) {
            throw new CutoverException(
                    ErrorCode.USAGE,
                    flag + " `" + value + "` cannot be part of a directory name; drop slashes and blanks");
        }
        return value;
    }

    /**
     * The directory {@code --run-dir DIR} names. An empty or blank DIR (typically an unset variable in a wrapper
     * script) is refused rather than read as the current directory, which would act on whatever run the shell
     * happens to be in.
     *
     * @throws CutoverException {@link ErrorCode#USAGE} when DIR is blank, {@link ErrorCode#RUN_DIR_NOT_FOUND} when
     *     it does not exist or is not a directory
     */
    public static RunDirectory fromRunDirFlag(Path dir) {
        if (dir.toString().isBlank()) {
            throw new CutoverException(
                    ErrorCode.USAGE, "--run-dir is empty; pass the run directory's path (is a variable unset?)");
        }
        return existing(dir, "");
    }

    private static RunDirectory existing(Path dir, String origin) {
        requireDirectory(dir, origin);
        return new RunDirectory(dir);
    }

    /** The one check of a run directory's existence, so every command names the same problem for the same path. */
    static void requireDirectory(Path dir, String origin) {
        if (!Files.isDirectory(dir)) {
            String what = Files.exists(dir) ? " is not a directory" : " does not exist";
            throw new CutoverException(ErrorCode.RUN_DIR_NOT_FOUND, "run directory " + dir + origin + what);
        }
    }
}
