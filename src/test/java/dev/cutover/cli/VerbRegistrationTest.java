package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Main builds only the verb its arguments name (a faster cold start); whatever the arguments, what the operator
 * sees must be exactly what the full command tree prints.
 */
class VerbRegistrationTest {
    static Stream<String> verbs() {
        return CutoverCli.commandLine().getSubcommands().keySet().stream().filter(v -> !v.equals("help"));
    }

    @ParameterizedTest
    @MethodSource("verbs")
    void eachVerbAloneShowsTheSameHelpAsTheFullTree(String verb) {
        assertThat(run(CutoverCli.commandLine(verb, "--help"), verb, "--help"))
                .isEqualTo(run(CutoverCli.commandLine(), verb, "--help"));
    }

    @ParameterizedTest
    @MethodSource("verbs")
    void eachVerbAloneRejectsABadOptionAsTheFullTreeDoes(String verb) {
        assertThat(run(CutoverCli.commandLine(verb, "--no-such-option"), verb, "--no-such-option"))
                .isEqualTo(run(CutoverCli.commandLine(), verb, "--no-such-option"));
    }

    @Test
    void aNamedVerbBuildsOnlyThatVerb() {
        assertThat(CutoverCli.commandLine("status", "--run-dir", "x").getSubcommands())
                .containsOnlyKeys("status");
    }

    @Test
    void everyOtherFirstArgumentGetsTheFullTree() {
        int all = CutoverCli.VERBS.size();
        for (List<String> args : List.of(
                List.<String>of(),
                List.of("--help"),
                List.of("--version"),
                List.of("help", "execute"),
                List.of("exec"))) {
            assertThat(CutoverCli.commandLine(args.toArray(String[]::new)).getSubcommands())
                    .as("%s", args)
                    .hasSize(all);
        }
    }

    @Test
    void anUnknownVerbIsRefusedAsByTheFullTree() {
        String shown = run(CutoverCli.commandLine("exectue"), "exectue");
        assertThat(shown)
                .startsWith("exit 2")
                .contains("'exectue'")
                .isEqualTo(run(CutoverCli.commandLine(), "exectue"));
    }

    private static String run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return "exit " + exit + "\n" + out + "\n--- stderr\n" + err;
    }
}
