package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.error.CutoverException;
import dev.cutover.policy.CommandParser;
import dev.cutover.policy.ParsedCommand;
import dev.cutover.policy.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A hostile compile-time value either fails compile naming its field, or changes no command's shape: every
 * command parses to the same programs, stages and word counts as with the fixture's benign value.
 */
class HostileValuePropertiesTest {
    private static final String DB_ARN_FIELD = "/phases/1/during_cutover/2/datastore_arn";
    private static final String DB = "arn:aws:rds:eu-west-1:123456789012:db:";

    @Property(tries = 40)
    void hostileDatastoreSegmentFailsOrKeepsCommandStructure(@ForAll("hostile") String segment) throws IOException {
        check(Compiles.DP, DB_ARN_FIELD, DB + segment);
    }

    @Property(tries = 40)
    void hostileRegionFailsOrKeepsCommandStructure(@ForAll("hostile") String region) throws IOException {
        check("migration-plan.json", "/metadata/target_region", region);
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> meta = Arbitraries.of(
                ";",
                "&",
                "|",
                "$(",
                ")",
                "`",
                "'",
                "\"",
                " ",
                "\n",
                "*",
                "?",
                "[",
                "{",
                "}",
                "<",
                ">",
                "\\",
                "#",
                "~",
                "--",
                "$MIGRATION_TARGET_PROFILE",
                "&&");
        Arbitrary<String> plain =
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6);
        return Arbitraries.oneOf(plain, meta).list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("", l));
    }

    private void check(String file, String pointer, String value) throws IOException {
        Path dir = Files.createTempDirectory("hostile");
        try {
            String json = TestInputs.JSON.writeValueAsString(value);
            Plan result = Compiles.compileEdited(dir, Compiles.Edit.replace(file, pointer, json));
            assertThat(shapes(result)).isEqualTo(shapes(Compiles.complete()));
        } catch (CutoverException e) {
            assertThat(e.problems())
                    .anyMatch(p -> p.file().equals(file) && p.pointer().equals(pointer));
        } finally {
            deleteTree(dir);
        }
    }

    /** Programs and word counts of every stage of every command, in plan order. */
    private static List<String> shapes(Plan plan) {
        List<String> shapes = new ArrayList<>();
        for (ExecutionStep s : plan.steps()) {
            for (String command : new String[] {s.previewCmd(), s.executeCmd(), s.verifyCmd(), s.pollCmd()}) {
                if (command == null) {
                    continue;
                }
                ParsedCommand parsed = CommandParser.parse(command);
                StringBuilder shape = new StringBuilder(s.stepId()).append(':');
                for (Stage stage : parsed.stages()) {
                    shape.append(stage.program().orElse("?"))
                            .append('/')
                            .append(stage.words().size())
                            .append(' ');
                }
                shapes.add(shape.append(parsed.syntaxProblems().isEmpty() ? "ok" : "problems")
                        .toString());
            }
        }
        return shapes;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
