package dev.cutover.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Substituting any value either fails loudly or leaves the parsed structure of the command unchanged. */
class SubstitutionPropertiesTest {
    static final List<String> TEMPLATES = List.of(
            "aws s3 ls s3://{x} --profile $MIGRATION_TARGET_PROFILE",
            "aws rds describe-db-instances --db-instance-identifier \"{x}\" --profile \"$MIGRATION_SOURCE_PROFILE\""
                    + " | grep '{x}'",
            "printf '%s\\n' A {x} \"B{x}\" 'C{x}' && true",
            "aws x y --a=<x> --b=\"pre-<x>-post\" | tail -2",
            "grep -e {x}<x> \"{x}<x>\" '<x>{x}' x{x}y",
            "dig +short @8.8.8.8 {x}.example.com",
            "aws ec2 modify-image-attribute --launch-permission \"Add=[{UserId={x}}]\"",
            "terraform apply -target=module.{x} -auto-approve && wc -l",
            "aws secretsmanager put-secret-value --secret-string file://<x> --profile $MIGRATION_TARGET_PROFILE");

    @Provide
    Arbitrary<String> values() {
        return ValueArbitraries.any();
    }

    @Provide
    Arbitrary<String> templates() {
        return Arbitraries.of(TEMPLATES);
    }

    @Property(tries = 2000)
    void substitutedValueNeverChangesStructureOrIsRefused(
            @ForAll("templates") String template, @ForAll("values") String value) {
        Map<String, String> values = Map.of("x", value);
        if (!SafeValue.isSafe(value)) {
            assertThatThrownBy(() -> Placeholders.substitute(template, values, false))
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }
        ParsedCommand before = CommandParser.parse(template);
        ParsedCommand after = CommandParser.parse(
                Placeholders.substitute(template, values, false).text());

        assertThat(before.syntaxProblems()).isEmpty();
        assertThat(after.syntaxProblems()).isEmpty();
        assertThat(shape(after)).isEqualTo(shape(before));
        List<Word> beforeWords = words(before);
        List<Word> afterWords = words(after);
        for (int i = 0; i < beforeWords.size(); i++) {
            String expected = beforeWords.get(i).value().replace("{x}", value).replace("<x>", value);
            assertThat(afterWords.get(i).value()).isEqualTo(expected);
        }
    }

    @Property(tries = 300)
    void substitutedSafeValueKeepsTheLintVerdict(@ForAll("templates") String template, @ForAll("values") String value) {
        if (!SafeValue.isSafe(value)) {
            return;
        }
        CommandLint lint = new CommandLint(AllowedPrograms.flat(List.of("aws", "terraform", "dig", "printf")));
        String substituted =
                Placeholders.substitute(template, Map.of("x", value), false).text();

        for (CommandRole role : CommandRole.values()) {
            LintResult before = lint.check(template, role);
            LintResult after = lint.check(substituted, role);
            assertThat(after.programs()).isEqualTo(before.programs());
            // a value may turn module.{x} into an invalid target, never the other way round
            if (!before.executable()) {
                assertThat(after.executable()).isFalse();
            }
        }
    }

    @Property(tries = 3000)
    void parserAndLintNeverThrowOnArbitraryText(@ForAll("commandText") String text) {
        ParsedCommand parsed = CommandParser.parse(text);

        for (Word word : words(parsed)) {
            assertThat(text.substring(word.start(), word.end())).isEqualTo(word.raw());
        }
        assertThat(new CommandLint(AllowedPrograms.upstreamDefault()).check(text, CommandRole.READ))
                .isNotNull();
        String normalized = CommandNormalizer.normalize(
                text, new CommandNormalizer.Options(CommandRole.READ, true, "'Q'", "$MIGRATION_TARGET_PROFILE"));
        assertThat(normalized).startsWith(text.isEmpty() ? "" : text.substring(0, 1));
        assertThat(Placeholders.substitute(text, Map.of(), true).text()).isNotNull();
    }

    @Provide
    Arbitrary<String> commandText() {
        Arbitrary<String> pieces = Arbitraries.of(
                "aws",
                "terraform",
                "s3",
                "ls",
                "--profile",
                "$MIGRATION_TARGET_PROFILE",
                " ",
                "  ",
                "|",
                "||",
                "&",
                "&&",
                " && ",
                " | ",
                "'",
                "\"",
                "\\",
                "$",
                "$(",
                "`",
                "{x}",
                "<id>",
                "{",
                "}",
                "<",
                ">",
                "...",
                "~",
                "#",
                ";",
                "(",
                ")",
                "*",
                "\n",
                "-target=module.a",
                "apply",
                "-auto-approve",
                "describe-x",
                "=");
        Arbitrary<String> joined = pieces.list().ofMaxSize(14).map(list -> String.join("", list));
        return Arbitraries.oneOf(joined, Arbitraries.strings().all().ofMaxLength(30), ValueArbitraries.hostile());
    }

    private static List<Word> words(ParsedCommand parsed) {
        return parsed.stages().stream().flatMap(s -> s.words().stream()).toList();
    }

    /** Number of words in each stage of each simple command, plus the programs. */
    private static List<Object> shape(ParsedCommand parsed) {
        return List.of(
                parsed.commands().stream()
                        .map(c -> c.stages().stream().map(s -> s.words().size()).toList())
                        .toList(),
                parsed.stages().stream().map(s -> s.program().orElse("")).toList());
    }
}
