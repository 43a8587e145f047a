package dev.cutover.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildEnvironmentTest {
    static final Map<String, String> BASE = Map.of(
            "PATH", "/usr/bin:/bin",
            "HOME", "/home/op",
            "BASH_ENV", "/tmp/evil.sh",
            "ENV", "/tmp/evil-posix.sh",
            "AWS_PAGER", "less");

    @Test
    void plainCommandGetsBaseProfilesAndEmptyPagerWithoutStartupFiles() {
        Map<String, String> env = ChildEnvironment.from(BASE)
                .withSourceProfile("src-admin")
                .withTargetProfile("tgt-admin")
                .forCommand();

        assertThat(env)
                .containsOnly(
                        entry("PATH", "/usr/bin:/bin"),
                        entry("HOME", "/home/op"),
                        entry("MIGRATION_SOURCE_PROFILE", "src-admin"),
                        entry("MIGRATION_TARGET_PROFILE", "tgt-admin"),
                        entry("AWS_PAGER", ""));
    }

    @Test
    void terraformCommandAlsoGetsTargetProfileVariableAndAutomationFlag() {
        Map<String, String> env = ChildEnvironment.from(BASE)
                .withSourceProfile("src-admin")
                .withTargetProfile("tgt-admin")
                .forTerraformCommand();

        assertThat(env)
                .contains(entry("TF_VAR_aws_profile", "tgt-admin"), entry("TF_IN_AUTOMATION", "1"))
                .doesNotContainKeys("BASH_ENV", "ENV");
    }

    @Test
    void unknownProfilesAreNotInventedAndBaseValuesStay() {
        Map<String, String> base = Map.of("PATH", "/bin", "MIGRATION_SOURCE_PROFILE", "from-env");

        Map<String, String> env =
                ChildEnvironment.from(base).withTargetProfile("  ").forTerraformCommand();

        assertThat(env)
                .containsOnly(
                        entry("PATH", "/bin"),
                        entry("MIGRATION_SOURCE_PROFILE", "from-env"),
                        entry("AWS_PAGER", ""),
                        entry("TF_IN_AUTOMATION", "1"));
    }

    @Test
    void plainCommandGetsNoTerraformVariables() {
        Map<String, String> env =
                ChildEnvironment.from(BASE).withTargetProfile("tgt").forCommand();

        assertThat(env).doesNotContainKeys("TF_VAR_aws_profile", "TF_IN_AUTOMATION");
    }
}
