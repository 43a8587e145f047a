package dev.cutover.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandParserTest {

    static Stream<Arguments> forbiddenConstructs() {
        return Stream.of(
                Arguments.of("aws s3 ls; rm -rf x", "`;` outside quotes"),
                Arguments.of("aws s3 ls & true", "lone `&`"),
                Arguments.of("aws s3 ls || true", "`||` is not allowed"),
                Arguments.of("aws s3 ls > out.txt", "redirection `>`"),
                Arguments.of("aws s3 ls 2>&1", "redirection `>`"),
                Arguments.of("aws s3 ls < in.txt", "redirection `<`"),
                Arguments.of("grep x <<EOF", "redirection `<`"),
                Arguments.of("(aws s3 ls)", "`(` outside quotes"),
                Arguments.of("aws s3 ls x)", "`)` outside quotes"),
                Arguments.of("aws s3 ls # note", "`#` outside quotes"),
                Arguments.of("aws s3 ls\naws s3 ls", "newline"),
                Arguments.of("aws s3control create-job ...", "`...` marks elided arguments"),
                Arguments.of("aws dynamodb import-table …", "`…` marks elided arguments"),
                Arguments.of("aws s3 cp a... b", "`...` marks elided arguments"),
                Arguments.of("echo {a,b}", "`{` outside quotes"),
                Arguments.of("echo a}", "`}` outside quotes"),
                Arguments.of("ls *.txt", "glob character `*`"),
                Arguments.of("ls file?.txt", "glob character `?`"),
                Arguments.of("ls file[12]", "glob character `[`"),
                Arguments.of("cat ~/.aws/credentials", "word starting with `~`"),
                Arguments.of("cp x --to=~/y", "word starting with `~`"),
                Arguments.of("echo a\\ b", "backslash outside single quotes"),
                Arguments.of("echo \"a\\\"b\"", "backslash outside single quotes"),
                Arguments.of("echo `id`", "command substitution with a backtick"),
                Arguments.of("echo \"`id`\"", "command substitution with a backtick"),
                Arguments.of("echo $(id)", "command substitution `$(`"),
                Arguments.of("echo \"$(id)\"", "command substitution `$(`"),
                Arguments.of("echo $HOME", "variable `$HOME` (only $MIGRATION_SOURCE_PROFILE"),
                Arguments.of("echo \"$HOME\"", "variable `$HOME`"),
                Arguments.of("echo ${HOME}", "variable `${`"),
                Arguments.of("echo $MIGRATION_SOURCE_PROFILEX", "variable `$MIGRATION_SOURCE_PROFILEX`"),
                Arguments.of("echo $1", "`$` outside single quotes"),
                Arguments.of("echo $'\\x41'", "`$` outside single quotes"),
                Arguments.of("echo 'unterminated", "unbalanced single quote"),
                Arguments.of("echo \"unterminated", "unbalanced double quote"),
                Arguments.of("", "empty command"),
                Arguments.of("   ", "empty command"),
                Arguments.of("aws s3 ls &&", "empty command after `&&` or `|`"),
                Arguments.of("&& aws s3 ls", "empty command before `&&`"),
                Arguments.of("aws s3 ls | | grep x", "empty command before `|`"),
                Arguments.of("echo \"$MIGRATION_TARGET_PROFILE{x}\"", "placeholder directly after"),
                Arguments.of("echo a\u0007b", "control character U+0007"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("forbiddenConstructs")
    void parserReportsConstructOutsideTheExecutableSubset(String command, String problem) {
        assertThat(CommandParser.parse(command).syntaxProblems())
                .anySatisfy(p -> assertThat(p).contains(problem));
    }

    static Stream<String> acceptedConstructs() {
        return Stream.of(
                "aws s3 ls --profile $MIGRATION_TARGET_PROFILE",
                "aws s3 ls --profile \"$MIGRATION_SOURCE_PROFILE\"",
                "echo ';' '>' '(x)' '#' '*' '?' '[' '~' '$HOME' '`id`' '$(id)' '\\' '...' '{' '}'",
                "echo \";\" \">\" \"(x)\" \"#\" \"*\" \"[\" \"~\" \"...\" \"{a,b}\" \"a\nb\"",
                "aws s3control describe-job --job-id <id> --account-id {target-acct}",
                "a && b | c && d",
                "a&&b|c",
                "echo x~y a]b 100% x=y,z a.b..c",
                "dig +short @8.8.8.8 api.example.com",
                "aws ec2 modify-image-attribute --launch-permission \"Add=[{UserId={target-acct}}]\"",
                "echo 'a\tb'\tc",
                "echo ünïcödé");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("acceptedConstructs")
    void parserAcceptsConstructsInsideTheSubset(String command) {
        assertThat(CommandParser.parse(command).syntaxProblems()).isEmpty();
    }

    @Test
    void parserSplitsOnAndAndSinglePipe() {
        ParsedCommand parsed = CommandParser.parse("terraform init && terraform plan | tail -2 && true");

        assertThat(parsed.commands()).hasSize(3);
        assertThat(parsed.commands().get(1).stages()).hasSize(2);
        assertThat(parsed.stages())
                .extracting(s -> s.program().orElseThrow())
                .containsExactly("terraform", "terraform", "tail", "true");
        assertThat(parsed.firstProgram()).contains("terraform");
    }

    @Test
    void parserRemovesQuotesAndKeepsRawWordsAndOffsets() {
        String text = "grep -E 'a b'\"c d\"e  \"$MIGRATION_TARGET_PROFILE\"";
        List<Word> words = CommandParser.parse(text).stages().get(0).words();

        assertThat(words).extracting(Word::value).containsExactly("grep", "-E", "a bc de", "$MIGRATION_TARGET_PROFILE");
        assertThat(words)
                .extracting(Word::raw)
                .containsExactly("grep", "-E", "'a b'\"c d\"e", "\"$MIGRATION_TARGET_PROFILE\"");
        assertThat(words)
                .allSatisfy(w -> assertThat(text.substring(w.start(), w.end())).isEqualTo(w.raw()));
    }

    @Test
    void parserTreatsPlaceholderTokensAsWordCharacters() {
        ParsedCommand parsed = CommandParser.parse("aws s3control describe-job --job-id <id>x{y}");

        assertThat(parsed.syntaxProblems()).isEmpty();
        assertThat(parsed.stages().get(0).words())
                .last()
                .extracting(Word::value)
                .isEqualTo("<id>x{y}");
    }

    @Test
    void parserReportsBracketsThatDoNotFormAPlaceholder() {
        assertThat(CommandParser.parse("echo <id}").syntaxProblems())
                .contains("redirection `<`")
                .anySatisfy(p -> assertThat(p).startsWith("`}` outside quotes"));
        assertThat(CommandParser.parse("echo {1x}").syntaxProblems())
                .anySatisfy(p -> assertThat(p).startsWith("`{` outside quotes"));
    }

    @Test
    void stageEndsAtItsLastWord() {
        String text = "aws s3 ls  |  grep x";
        Stage first = CommandParser.parse(text).stages().get(0);

        assertThat(first.start()).isZero();
        assertThat(text.substring(first.start(), first.end())).isEqualTo("aws s3 ls");
    }

    @Test
    void stageOptionValueReadsSpaceAndEqualsForms() {
        Stage stage = CommandParser.parse("aws x y --job-id 'j 1' --query=Job.Status --flag")
                .stages()
                .get(0);

        assertThat(stage.optionValue("--job-id")).contains("j 1");
        assertThat(stage.optionValue("--query")).contains("Job.Status");
        assertThat(stage.optionValue("--flag")).isEmpty();
        assertThat(stage.optionValue("--missing")).isEmpty();
        assertThat(stage.hasOption("--query")).isTrue();
        assertThat(stage.hasOption("--flag")).isTrue();
        assertThat(stage.hasOption("--que")).isFalse();
        assertThat(stage.hasOption("--job")).isFalse();
    }

    @Test
    void parserAcceptsNullAsEmpty() {
        ParsedCommand parsed = CommandParser.parse(null);

        assertThat(parsed.commands()).isEmpty();
        assertThat(parsed.syntaxProblems()).containsExactly("empty command");
        assertThat(parsed.firstProgram()).isEmpty();
    }
}
