package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What {@code cutover <verb> --help} promises and what {@code docs/commands/<verb>.md} says must not drift apart:
 * the page names every option and exactly the exit codes of the help (the code is the contract; a page that
 * disagrees is the one to fix). And the command list of {@code cutover --help} shows each verb's header, one
 * whole sentence, never a description cut mid-way.
 */
class HelpMatchesDocsTest {
    private static final int HEADER_MAX = 80;
    private static final Set<String> STANDARD_OPTIONS = Set.of("--help", "--version");
    // A sentence ends inside the text when . ! or ? is followed by a space ("execution-steps.json." does not).
    private static final Pattern INNER_SENTENCE_END = Pattern.compile("[.!?]\\s");

    static Stream<String> verbs() {
        return CutoverCli.VERBS.stream()
                .filter(verb -> verb != CommandLine.HelpCommand.class)
                .map(verb -> verb.getAnnotation(CommandLine.Command.class).name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void thePageNamesEveryLongOption(String verb) throws IOException {
        CommandPage page = page(verb);
        List<String> missing = new ArrayList<>();
        for (OptionSpec option : spec(verb).options()) {
            for (String name : option.names()) {
                if (name.startsWith("--") && !STANDARD_OPTIONS.contains(name) && !mentions(page.text(), name)) {
                    missing.add(name);
                }
            }
        }
        assertThat(missing)
                .as("options of `cutover %s --help` that %s does not name", verb, page.file())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void thePageNamesExactlyTheExitCodesOfTheHelp(String verb) throws IOException {
        CommandPage page = page(verb);
        Set<Integer> help = new TreeSet<>();
        for (String code : spec(verb).usageMessage().exitCodeList().keySet()) {
            help.add(Integer.parseInt(code.strip()));
        }
        assertThat(help).as("exit codes of `cutover %s --help`", verb).isNotEmpty();
        assertThat(page.exitCodes())
                .as(
                        "exit codes %s names (its Exit: line or exit table) against those of `cutover %s --help`",
                        page.file(), verb)
                .containsExactlyInAnyOrderElementsOf(help);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void theHeaderIsOneShortSentence(String verb) {
        String[] header = spec(verb).usageMessage().header();
        assertThat(header).as("header of `cutover %s`", verb).hasSize(1);
        assertThat(header[0])
                .as("header of `cutover %s`", verb)
                .endsWith(".")
                .hasSizeLessThanOrEqualTo(HEADER_MAX)
                .doesNotContainPattern(INNER_SENTENCE_END);
    }

    @Test
    void theCommandListShowsWholeSentences() {
        CliRunner.Result r = CliRunner.run("--help");
        assertThat(r.exit()).isZero();
        List<String> list = commandList(r.out());
        assertThat(list).as("the command list of `cutover --help`").hasSizeGreaterThan(1);
        assertThat(list)
                .as("command-list lines of `cutover --help` that end in a cut sentence")
                .noneMatch(line -> line.stripTrailing().endsWith(","));
        verbs().forEach(verb -> assertThat(list)
                .as("the line of `%s` in `cutover --help`: its whole header on one line (a longer one wraps)", verb)
                .anyMatch(line -> line.matches(" +" + Pattern.quote(verb) + " +" + Pattern.quote(header(verb)))));
    }

    @Test
    void exitCodesAreReadFromTheExitLineAndFromExitColumnsOutsideCodeFences() {
        String page = String.join(
                "\n",
                "Exit: 0 shown · 2 invalid input, compile error · 70 bug.",
                "",
                "| the run is | exit |",
                "|---|---|",
                "| live, a \\| b | 4 |",
                "",
                "| exit | meaning |",
                "|---|---|",
                "| 6 | damaged |",
                "",
                "| step | state |",
                "|---|---|",
                "| 9 | ignored: no exit column |",
                "```",
                "Exit: 99 sample output",
                "```");
        assertThat(CommandPage.exitCodes(page)).containsExactly(0, 2, 4, 6, 70);
    }

    private static CommandPage page(String verb) throws IOException {
        Path file = CommandPage.of(verb);
        assertThat(file).as("the page of `cutover %s`", verb).exists();
        return CommandPage.read(file);
    }

    /** Whether the text names the option as a whole word: "--answers-file" does not name "--answers". */
    private static boolean mentions(String text, String option) {
        return Pattern.compile("(?<![\\w-])" + Pattern.quote(option) + "(?![\\w-])")
                .matcher(text)
                .find();
    }

    private static CommandSpec spec(String verb) {
        return CutoverCli.commandLine().getSubcommands().get(verb).getCommandSpec();
    }

    private static String header(String verb) {
        return spec(verb).usageMessage().header()[0];
    }

    /** The lines between "Commands:" and the blank line that ends the list. */
    private static List<String> commandList(String help) {
        List<String> list = new ArrayList<>();
        boolean in = false;
        for (String line : help.split("\\R")) {
            if (line.equals("Commands:")) {
                in = true;
            } else if (in && line.isBlank()) {
                break;
            } else if (in) {
                list.add(line);
            }
        }
        return list;
    }
}
