package dev.cutover.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Real bash proves that a substituted value never splits a word, starts a command or expands. */
class BashSubstitutionPropertyTest {
    private static final String TEMPLATE =
            "printf '%s\\n' A {x} \"B{x}\" 'C{x}' D=<x> \"<x>:{x}\" --x={x}" + " && printf '%s\\n' E{x}F | grep E";

    @Provide
    Arbitrary<String> values() {
        return ValueArbitraries.any();
    }

    @Test
    void templateIsInsideTheExecutableSubset() {
        CommandLint lint = new CommandLint(AllowedPrograms.flat(List.of("printf", "grep")));

        assertThat(lint.check(TEMPLATE, CommandRole.READ).reasons()).isEmpty();
    }

    @Property(tries = 300)
    void bashPrintsSubstitutedValuesAsSingleLiteralWords(@ForAll("values") String value)
            throws IOException, InterruptedException {
        if (!SafeValue.isSafe(value)) {
            assertThatThrownBy(() -> Placeholders.substitute(TEMPLATE, Map.of("x", value), false))
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }
        String command =
                Placeholders.substitute(TEMPLATE, Map.of("x", value), false).text();

        List<String> lines = runBash(command);

        assertThat(lines)
                .containsExactly(
                        "A",
                        value,
                        "B" + value,
                        "C" + value,
                        "D=" + value,
                        value + ":" + value,
                        "--x=" + value,
                        "E" + value + "F");
    }

    @Test
    void bashRunsTheTemplateWithOpenPlaceholdersLiterally() throws IOException, InterruptedException {
        String command = Placeholders.substitute(TEMPLATE, Map.of(), false).text();

        assertThat(runBash(command))
                .containsExactly("A", "{x}", "B{x}", "C{x}", "D={x}", "{x}:{x}", "--x={x}", "E{x}F");
    }

    /** Runs like the engine does (FORMATS.md §6.2): no profile, no rc files, pipefail, noglob, stdin closed. */
    static List<String> runBash(String command) throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder("bash", "--noprofile", "--norc", "-o", "pipefail", "-o", "noglob", "-c", command);
        builder.environment().remove("BASH_ENV");
        builder.environment().remove("ENV");
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }
}
