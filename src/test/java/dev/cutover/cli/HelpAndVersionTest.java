package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpAndVersionTest {
    @Test
    void versionPrintsTheToolVersion() {
        CliRunner.Result r = CliRunner.run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("cutover ").doesNotContain("${");
    }

    @Test
    void topLevelHelpListsEveryCommand() {
        CliRunner.Result r = CliRunner.run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("compile")
                .contains("plan")
                .contains("preflight")
                .contains("execute")
                .contains("status")
                .contains("verify-journal")
                .contains("demo")
                .contains("Exit codes")
                .containsPattern("(?m)^ +4 +another live run holds the lock")
                .containsPattern("(?m)^ +70 +internal error \\(a bug\\)$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"compile", "plan", "preflight", "execute", "status", "verify-journal", "repair", "demo"})
    void everyCommandExplainsItselfAndItsExitCodes(String command) {
        CliRunner.Result r = CliRunner.run(command, "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: cutover " + command).contains("Exit codes:");
    }

    @Test
    void unknownFlagIsAUsageErrorWithExit2() {
        CliRunner.Result r = CliRunner.run("compile", "--no-such-flag");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--no-such-flag").contains("--help");
    }

    @Test
    void missingRunDirectoryIsAUsageError() {
        CliRunner.Result r = CliRunner.run("compile");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--run-dir");
    }
}
