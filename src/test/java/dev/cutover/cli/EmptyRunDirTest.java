package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --run-dir ""} (an unset variable in a wrapper script) used to be read as the current directory, so a
 * command acted on whatever run the shell was in, even with a {@code --run-id} naming another one. It is a usage
 * error for every command that takes the flag, as {@code --run-id ""} is.
 */
class EmptyRunDirTest {
    static Stream<Arguments> commandsTakingRunDir() {
        List<List<String>> commands = List.of(
                List.of("compile"),
                List.of("plan"),
                List.of("review"),
                List.of("runbook"),
                List.of("preflight"),
                List.of("execute"),
                List.of("execute", "--dry-run"),
                List.of("rehearse"),
                List.of("rollback"),
                List.of("status"),
                List.of("report"),
                List.of("repair"),
                List.of("verify-journal"),
                List.of("prepare-pipeline", "--repo", "."));
        List<Arguments> cases = new ArrayList<>();
        for (List<String> command : commands) {
            for (String blank : List.of("", "  ")) {
                cases.add(Arguments.of(String.join(" ", command), blank));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} --run-dir \"{1}\"")
    @MethodSource("commandsTakingRunDir")
    void anEmptyRunDirIsAUsageErrorNotTheCurrentDirectory(String command, String blank) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--run-dir", blank, "--run-id", "r1", "--source-profile", "s", "--target-profile", "t"));

        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));

        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("--run-dir is empty");
    }
}
