package dev.cutover.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryResolverTest {
    @TempDir
    Path home;

    private Path runUnderHome(String name) throws Exception {
        return Files.createDirectories(home.resolve(".aws-migration/runs").resolve(name));
    }

    @Test
    void runDirWinsOverRunId() throws Exception {
        Path explicit = Files.createDirectories(home.resolve("elsewhere"));
        RunDirectoryResolver resolver = new RunDirectoryResolver(Map.of(), home);

        RunDirectory dir = resolver.resolve(new RunDirectoryRequest(explicit, "r1", "src", "tgt"));

        assertThat(dir.root()).isEqualTo(explicit);
    }

    @Test
    void runDirMustExist() {
        RunDirectoryResolver resolver = new RunDirectoryResolver(Map.of(), home);

        CutoverException e = failure(resolver, RunDirectoryRequest.ofRunDir(home.resolve("nope")));

        assertThat(e.code()).isEqualTo(ErrorCode.RUN_DIR_NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("run directory " + home.resolve("nope") + " does not exist");
    }

    @Test
    void runDirMustBeADirectory() throws Exception {
        Path file = Files.writeString(home.resolve("file"), "x");

        CutoverException e = failure(new RunDirectoryResolver(Map.of(), home), RunDirectoryRequest.ofRunDir(file));

        assertThat(e.code()).isEqualTo(ErrorCode.RUN_DIR_NOT_FOUND);
        assertThat(e.getMessage()).endsWith(" is not a directory");
    }

    @Test
    void runIdWithProfileFlagsResolvesUnderTheHomeDefault() throws Exception {
        Path expected = runUnderHome("src-to-tgt-r1");
        RunDirectoryResolver resolver = new RunDirectoryResolver(Map.of(), home);

        assertThat(resolver.resolve(new RunDirectoryRequest(null, "r1", "src", "tgt"))
                        .root())
                .isEqualTo(expected);
    }

    @Test
    void runIdTakesProfilesFromTheEnvironment() throws Exception {
        Path expected = runUnderHome("prod-old-to-prod-new-r2");
        RunDirectoryResolver resolver = new RunDirectoryResolver(
                Map.of("MIGRATION_SOURCE_PROFILE", "prod-old", "MIGRATION_TARGET_PROFILE", "prod-new"), home);

        assertThat(resolver.resolve(RunDirectoryRequest.ofRunId("r2")).root()).isEqualTo(expected);
    }

    @Test
    void profileFlagsOverrideTheEnvironment() throws Exception {
        Path expected = runUnderHome("flag-src-to-env-tgt-r3");
        RunDirectoryResolver resolver = new RunDirectoryResolver(
                Map.of("MIGRATION_SOURCE_PROFILE", "env-src", "MIGRATION_TARGET_PROFILE", "env-tgt"), home);

        RunDirectory dir = resolver.resolve(new RunDirectoryRequest(null, "r3", "flag-src", null));

        assertThat(dir.root()).isEqualTo(expected);
    }

    @Test
    void awsMigrationRootReplacesTheHomeDefault() throws Exception {
        Path root = home.resolve("custom-root");
        Path expected = Files.createDirectories(root.resolve("runs/a-to-b-r4"));
        RunDirectoryResolver resolver = new RunDirectoryResolver(Map.of("AWS_MIGRATION_ROOT", root.toString()), home);

        assertThat(resolver.resolve(new RunDirectoryRequest(null, "r4", "a", "b"))
                        .root())
                .isEqualTo(expected);
    }

    @Test
    void anEmptyAwsMigrationRootMeansTheDefaultAsInTheShell() throws Exception {
        Path expected = runUnderHome("a-to-b-r5");
        RunDirectoryResolver resolver = new RunDirectoryResolver(Map.of("AWS_MIGRATION_ROOT", ""), home);

        assertThat(resolver.resolve(new RunDirectoryRequest(null, "r5", "a", "b"))
                        .root())
                .isEqualTo(expected);
    }

    @Test
    void missingSourceProfileIsNamed() {
        RunDirectoryResolver resolver = new RunDirectoryResolver(Map.of("MIGRATION_TARGET_PROFILE", "t"), home);

        CutoverException e = failure(resolver, RunDirectoryRequest.ofRunId("r1"));

        assertThat(e.code()).isEqualTo(ErrorCode.PROFILES_REQUIRED);
        assertThat(e.getMessage())
                .isEqualTo(
                        "--run-id needs the source profile (--source-profile or MIGRATION_SOURCE_PROFILE) to find the run directory");
    }

    @Test
    void missingTargetProfileIsNamedAndBlankCountsAsMissing() {
        RunDirectoryResolver resolver = new RunDirectoryResolver(Map.of("MIGRATION_TARGET_PROFILE", " "), home);

        CutoverException e = failure(resolver, new RunDirectoryRequest(null, "r1", "s", null));

        assertThat(e.code()).isEqualTo(ErrorCode.PROFILES_REQUIRED);
        assertThat(e.getMessage()).contains("the target profile").doesNotContain("source profile");
    }

    @Test
    void bothMissingProfilesAreNamed() {
        CutoverException e = failure(new RunDirectoryResolver(Map.of(), home), RunDirectoryRequest.ofRunId("r1"));

        assertThat(e.getMessage()).contains("the source profile").contains("and the target profile");
    }

    @Test
    void neitherFlagIsAUsageError() {
        CutoverException e =
                failure(new RunDirectoryResolver(Map.of(), home), new RunDirectoryRequest(null, null, "s", "t"));

        assertThat(e.code()).isEqualTo(ErrorCode.USAGE);
        assertThat(e.getMessage()).contains("--run-dir").contains("--run-id");
    }

    @Test
    void aRunIdCannotClimbOutOfTheRunsFolder() {
        CutoverException e =
                failure(new RunDirectoryResolver(Map.of(), home), new RunDirectoryRequest(null, "../../etc", "s", "t"));

        assertThat(e.code()).isEqualTo(ErrorCode.USAGE);
        assertThat(e.getMessage()).startsWith("--run-id `../../etc`");
    }

    @Test
    void aResolvedDirectoryThatDoesNotExistIsNamedWithItsOrigin() {
        CutoverException e =
                failure(new RunDirectoryResolver(Map.of(), home), new RunDirectoryRequest(null, "r9", "s", "t"));

        assertThat(e.code()).isEqualTo(ErrorCode.RUN_DIR_NOT_FOUND);
        assertThat(e.getMessage())
                .isEqualTo("run directory " + home.resolve(".aws-migration/runs/s-to-t-r9")
                        + " (from --run-id r9) does not exist");
    }

    @Test
    void resolvedProfilesAreAvailableToTheCaller() {
        RunDirectoryResolver resolver = new RunDirectoryResolver(Map.of("MIGRATION_SOURCE_PROFILE", "env-src"), home);
        RunDirectoryRequest request = new RunDirectoryRequest(null, "r1", null, "flag-tgt");

        assertThat(resolver.sourceProfile(request)).contains("env-src");
        assertThat(resolver.targetProfile(request)).contains("flag-tgt");
    }

    private static CutoverException failure(RunDirectoryResolver resolver, RunDirectoryRequest request) {
        CutoverException e = catchThrowableOfType(CutoverException.class, () -> resolver.resolve(request));
        assertThat(e).as("resolving %s should fail", request).isNotNull();
        return e;
    }
}
