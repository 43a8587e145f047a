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
    void aJvmInAnArabicLocaleWritesTheSameAsciiDigits() throws Exception {
        Path dir = tmp.resolve("demo");
        Path answers = DemoFixture.answers(tmp, DemoFixture.APPROVE_ALL);

        CutoverProcess.Result r = CutoverProcess.start(
                        tmp,
                        List.of("-Duser.language=ar", "-Duser.country=EG"),
                        "demo",
                        "--dir",
                        dir.toString(),
                        "--answers",
                        answers.toString())
                .awaitExit();

        assertThat(r.exit()).as(r.both()).isZero();
        // Formatted with the default locale, these numbers would be Arabic-Indic digits (U+0660..U+0669).
        assertThat(r.out())
                .containsPattern("Cutover plan: [0-9]+ steps, estimated [0-9]+h [0-9]{2}m")
                .containsPattern("Long-running jobs \\(polled\\):")
                .containsPattern("Human steps [^:]*: [0-9]+");
        for (String file : List.of("execution-report.md", "execution-report.html", "execution-summary.json")) {
            assertThat(Files.readString(dir.resolve(file)) + r.out())
                    .as(file)
                    .doesNotContainPattern("[\\u0660-\\u0669\\u06F0-\\u06F9]");
        }
    }

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
