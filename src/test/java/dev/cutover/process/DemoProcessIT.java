package dev.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.journal.JournalSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, {@code cutover demo}, as a real process (issue 3 "Acceptance"). */
class DemoProcessIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void demoWithApproveAllAnswersCompletesMigratesTheServiceAndLeavesAVerifiableSchemaValidJournal() throws Exception {
        Path dir = tmp.resolve("demo");
        Path answers = DemoFixture.answers(tmp, DemoFixture.APPROVE_ALL);

        CutoverProcess.Result r =
                CutoverProcess.run(tmp, "demo", "--dir", dir.toString(), "--answers", answers.toString());

        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(r.out()).contains("Verdict: completed");
        Path source = dir.resolve("service/source/demo-data");
        Path target = dir.resolve("service/target/demo-data");
        assertThat(CutoverProcess.files(target))
                .isEqualTo(CutoverProcess.files(source))
                .isNotEmpty();
        for (String f : CutoverProcess.files(source)) {
            assertThat(Files.readAllBytes(target.resolve(f))).as(f).isEqualTo(Files.readAllBytes(source.resolve(f)));
        }
        assertThat(Files.readSymbolicLink(dir.resolve("service/live"))).isEqualTo(Path.of("target", "demo-data"));
        assertThat(dir.resolve("RUNNING.lock")).doesNotExist();

        CutoverProcess.Result verify = CutoverProcess.run(tmp, "verify-journal", "--run-dir", dir.toString());
        assertThat(verify.exit()).as(verify.both()).isZero();
        assertThat(verify.out()).contains("chain intact");

        List<String> lines = Files.readAllLines(dir.resolve("execution-log.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).hasSizeGreaterThan(20);
        JournalSchema schema = new JournalSchema();
        for (int i = 0; i < lines.size(); i++) {
            assertThat(schema.validateLine(JSON.readTree(lines.get(i))))
                    .as("journal line %d: %s", i + 1, lines.get(i))
                    .isEmpty();
        }

        CutoverProcess.Result status = CutoverProcess.run(tmp, "status", "--run-dir", dir.toString(), "--json");
        assertThat(status.exit()).as(status.both()).isZero();
        JsonNode view = JSON.readTree(status.out());
        assertThat(view.path("activity").asText()).isEqualTo("ended");
        assertThat(view.path("verdict").asText()).isEqualTo("completed");
        assertThat(view.path("counts").path("succeeded").asInt())
                .isEqualTo(view.path("steps").size());
    }
}
