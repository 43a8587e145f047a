package dev.cutover.policy;

import static dev.cutover.policy.CommandRole.READ;
import static dev.cutover.policy.CommandRole.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedProgramsTest {

    @Test
    void upstreamDefaultAllowsItsFourProgramsInBothRolesWithoutWarnings() {
        AllowedPrograms programs = AllowedPrograms.upstreamDefault();

        for (String program : List.of("aws", "terraform", "dig", "true")) {
            assertThat(programs.allows(program, READ)).isTrue();
            assertThat(programs.allows(program, WRITE)).isTrue();
        }
        assertThat(programs.allows("curl", READ)).isFalse();
        assertThat(programs.allowsAws()).isTrue();
        assertThat(programs.allowsTerraform()).isTrue();
        assertThat(programs.warnings()).isEmpty();
    }

    @Test
    void structuredListSplitsRolesAndLetsReadEntriesServeAsPipeStages() {
        AllowedPrograms programs = AllowedPrograms.structured(List.of("jq", "aws"), List.of("cp"));

        assertThat(programs.allows("jq", READ)).isTrue();
        assertThat(programs.allows("jq", WRITE)).isFalse();
        assertThat(programs.allowsStage("jq", WRITE, true)).isTrue();
        assertThat(programs.allows("cp", WRITE)).isTrue();
        assertThat(programs.allows("cp", READ)).isFalse();
        assertThat(programs.allowsStage("cp", READ, true)).isFalse();
        assertThat(programs.allows("aws", WRITE)).isTrue();
        assertThat(programs.allows("terraform", READ)).isFalse();
        assertThat(programs.allowsAws()).isTrue();
        assertThat(programs.allowsTerraform()).isFalse();
        assertThat(programs.warnings()).isEmpty();
    }

    @Test
    void allowsAwsIsFalseWhenAwsIsNotListed() {
        assertThat(AllowedPrograms.flat(List.of("cp")).allowsAws()).isFalse();
        assertThat(AllowedPrograms.structured(List.of(), List.of("terraform")).allowsAws())
                .isFalse();
    }

    @Test
    void flatListBeyondTheUpstreamSetWarnsThatRolesAreNotEnforced() {
        assertThat(AllowedPrograms.flat(List.of("aws", "cp")).warnings())
                .containsExactly(
                        "roles are not enforced for a flat allowed_programs list; use {read, write} to restrict");
        assertThat(AllowedPrograms.flat(List.of("aws", "dig")).warnings()).isEmpty();
    }

    @Test
    void shellLikeProgramsWarnThatTheLintCannotSeeInside() {
        List<String> opaque = List.of(
                "bash", "sh", "dash", "zsh", "ksh", "find", "source", "awk", "perl", "python", "python3", "ruby",
                "node", "ssh");

        assertThat(AllowedPrograms.structured(opaque, List.of()).warnings())
                .hasSize(opaque.size())
                .allSatisfy(w -> assertThat(w).endsWith("is allowed: the lint cannot see into its arguments"))
                .contains("`ssh` is allowed: the lint cannot see into its arguments");
        assertThat(AllowedPrograms.flat(List.of("bash")).warnings()).hasSize(2);
        assertThat(AllowedPrograms.structured(List.of(), List.of("perl")).warnings())
                .containsExactly("`perl` is allowed: the lint cannot see into its arguments");
    }

    @Test
    void listedWrappersWarnThatStagesStartingWithThemAreRefused() {
        List<String> wrappers = List.of(
                "timeout", "nice", "nohup", "command", "exec", "eval", "setsid", "stdbuf", "ionice", "env", "xargs",
                "sudo", "doas", "time");

        assertThat(AllowedPrograms.structured(wrappers, List.of()).warnings())
                .hasSize(wrappers.size())
                .contains("`timeout` is listed, but a stage that starts with it is refused: it runs another program,"
                        + " which Cutover cannot check; run the program directly");
        assertThat(AllowedPrograms.structured(List.of(), List.of("xargs")).warnings())
                .containsExactly("`xargs` is listed, but a stage that starts with it is refused: it runs another"
                        + " program, which Cutover cannot check; run the program directly");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/usr/bin/aws", "-x", ".hidden", "a b", "a;b", "$X", "ä"})
    void programNamesMustBeBare(String name) {
        assertThatThrownBy(() -> AllowedPrograms.flat(List.of("aws", name)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("`" + name + "`");
        assertThatThrownBy(() -> AllowedPrograms.structured(List.of(), List.of(name)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesWithDotsPlusAndDigitsAreAccepted() {
        assertThat(AllowedPrograms.flat(List.of("python3.12", "g++", "7z", "x_y-z"))
                        .allows("g++", READ))
                .isTrue();
    }

    @Test
    void mixingFlatAndStructuredFormsIsRefused() {
        assertThatThrownBy(() -> new AllowedPrograms(
                        java.util.Set.of("aws"), java.util.Set.of("dig"), java.util.Set.of(), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
