package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.app.CompileService;
import dev.cutover.app.DemoRunDirectory;
import dev.cutover.input.RunDirectory;
import dev.cutover.testing.RunDirFixtures;
import dev.cutover.testing.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunTest {
    @TempDir
    Path tmp;

    @Test
    void dryRunOnTheDemoShowsEveryStepAndCommandAndWritesNoJournalNorAnythingElse() throws Exception {
        Path dir = new DemoRunDirectory(Clock.systemUTC()).write(tmp.resolve("demo"));
        List<String> before = RunDirFixtures.snapshot(dir);
        byte[] steps = new CompileService()
                .compileInMemory(new RunDirectory(dir), Optional.empty())
                .stepsJson();

        CliRunner.Result r = CliRunner.run("execute", "--dry-run", "--run-dir", dir.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("DRY RUN")
                .contains("GATE of data-plane phase 4 (Cutover), asked before the next step")
                .contains("IRREVERSIBLE");
        for (JsonNode s : new ObjectMapper().readTree(steps)) {
            assertThat(r.out()).contains(s.path("step_id").asText());
            if (!s.path("tool").asText().equals("human")) {
                assertThat(r.out())
                        .contains("execute:  " + s.path("execute_cmd").asText());
            }
        }
        assertThat(r.out()).contains("approval prompts");
        assertThat(RunDirFixtures.snapshot(dir).stream()
                        .filter(l -> !l.startsWith(".RUNNING.lock.flock "))
                        .toList())
                .as("no journal, lock file, steps file, logs or service change")
                .isEqualTo(before);
    }

    @Test
    void aDryRunSendsNoNotificationToTheConfiguredWebhooks() throws Exception {
        Path dir = new DemoRunDirectory(Clock.systemUTC()).write(tmp.resolve("demo"));
        try (WebhookReceiver receiver = WebhookReceiver.accepting()) {
            Files.writeString(
                    dir.resolve("cutover.yaml"),
                    "notifications:\n  - {name: audit, url: \"" + receiver.url("/hook") + "\"}\n",
                    StandardOpenOption.APPEND);

            CliRunner.Result r = CliRunner.run("execute", "--dry-run", "--run-dir", dir.toString());

            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("DRY RUN");
            assertThat(receiver.requests()).isEmpty();
        }
    }
}
