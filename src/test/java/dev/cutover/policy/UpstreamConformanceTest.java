package dev.cutover.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.testing.RunDirFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lints every command string of the upstream example checklists (skipped when ../shared is absent). */
class UpstreamConformanceTest {
    private static final Map<String, CommandRole> FIELDS = Map.of(
            "command", CommandRole.WRITE,
            "enforcement_command", CommandRole.WRITE,
            "verification_command", CommandRole.READ,
            "poll_cmd", CommandRole.READ);
    private static final CommandLint LINT = new CommandLint(AllowedPrograms.upstreamDefault());

    record Found(String text, CommandRole role) {}

    @Test
    void upstreamCommandsWithElisionsOrSubshellsAreNeverExecutable() throws IOException {
        List<Found> commands = upstreamCommands();

        assertThat(commands).hasSizeGreaterThan(10);
        for (Found found : commands) {
            LintResult result = LINT.check(found.text(), found.role());
            if (found.text().contains("...")
                    || found.text().contains("(")
                    || found.text().contains("#")) {
                assertThat(result.executable()).as(found.text()).isFalse();
            }
            assertThat(result.executable()).isEqualTo(result.reasons().isEmpty());
        }
        assertThat(commands)
                .anySatisfy(f ->
                        assertThat(LINT.check(f.text(), f.role()).executable()).isTrue());
    }

    @Test
    void substitutingSafeValuesIntoUpstreamCommandsKeepsTheirWords() throws IOException {
        for (Found found : upstreamCommands()) {
            Map<String, String> values = new HashMap<>();
            Placeholders.find(found.text(), true).forEach(p -> values.put(p.canonical(), "v-1"));
            String substituted =
                    Placeholders.substitute(found.text(), values, true).text();

            assertThat(wordCounts(substituted)).as(found.text()).isEqualTo(wordCounts(found.text()));
            assertThat(Placeholders.find(substituted, true)).isEmpty();
        }
    }

    private static List<Integer> wordCounts(String text) {
        return CommandParser.parse(text).stages().stream()
                .map(s -> s.words().size())
                .toList();
    }

    private static List<Found> upstreamCommands() throws IOException {
        Optional<Path> example = RunDirFixtures.upstreamExample();
        assumeTrue(example.isPresent(), "upstream example not present");
        List<Found> found = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String plane : List.of("control", "data")) {
            Path file = example.get().resolve("cutover-checklist-" + plane + "-plane.json");
            collect(json.readTree(file.toFile()), found);
        }
        return found;
    }

    private static void collect(JsonNode node, List<Found> found) {
        node.fields().forEachRemaining(field -> {
            CommandRole role = FIELDS.get(field.getKey());
            if (role != null && field.getValue().isTextual()) {
                found.add(new Found(field.getValue().asText(), role));
            }
        });
        node.elements().forEachRemaining(child -> collect(child, found));
    }
}
