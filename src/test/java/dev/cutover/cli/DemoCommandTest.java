package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void theReadmeDemoCommandMigratesTheServiceAndCompletes() throws Exception {
        Path dir = tmp.resolve("demo");
        // The README's first command uses this file: it must keep completing the demo.
        Path answers = Path.of("examples", "demo-approve-all.txt");

        CliRunner.Result r = CliRunner.run("demo", "--dir", dir.toString(), "--answers", answers.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Demo run directory: " + dir).contains("Verdict: completed");
        assertThat(Files.readSymbolicLink(dir.resolve("service/live"))).isEqualTo(Path.of("target", "demo-data"));
        for (String f : new String[] {"orders.csv", "customers.csv", "inventory.csv"}) {
            assertThat(dir.resolve("service/target/demo-data/" + f))
                    .hasSameTextualContentAs(dir.resolve("service/source/demo-data/" + f));
        }
        assertThat(CliRunner.run("verify-journal", "--run-dir", dir.toString()).exit())
                .isZero();
        assertThat(Files.readString(dir.resolve("execution-summary.json"))).contains("\"verdict\": \"completed\"");
        assertThat(Files.readString(dir.resolve("execution-report.md")))
                .contains("## All steps")
                .contains("| `dp-phase4-030-switch-live` | succeeded | `arn:aws:s3:::demo-data` | platform |");
        assertThat(Files.readString(dir.resolve("cutover.yaml"))).contains("environment: sandbox");
        assertThat(Files.readString(dir.resolve("service/CHECKSUMS")))
                .contains("  service/target/demo-data/orders.csv\n");
        JsonNode steps =
                new ObjectMapper().readTree(dir.resolve("execution-steps.json").toFile());
        for (JsonNode s : steps) {
            boolean human = s.path("tool").asText().equals("human");
            assertThat(human)
                    .as(
                            "%s is automated unless it is a confirmation",
                            s.path("step_id").asText())
                    .isEqualTo(s.path("step_id").asText().matches(".*(confirm-reader|handoff|announce|release).*"));
        }
    }

    @Test
    void demoWithoutATerminalOrAnswersRefusesBeforeAnyStepRuns() throws Exception {
        Path dir = tmp.resolve("demo");

        CliRunner.Result r = CliRunner.run("demo", "--dir", dir.toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("no terminal");
        assertThat(dir.resolve("service/target")).doesNotExist();
        assertThat(dir.resolve("RUNNING.lock")).doesNotExist();
    }

    @Test
    void aPromptWithNoScriptedAnswerHaltsCleanlyNeverApproving() throws Exception {
        Path dir = tmp.resolve("demo");
        Path answers = Files.writeString(
                tmp.resolve("answers.txt"), "go-no-go * proceed\napprove cp-* approve\nhandoff * approve\n");

        CliRunner.Result r = CliRunner.run("demo", "--dir", dir.toString(), "--answers", answers.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("Verdict: halted");
        assertThat(dir.resolve("RUNNING.lock")).doesNotExist();
        assertThat(dir.resolve("service/target/demo-data/orders.csv")).doesNotExist();
        assertThat(Files.readString(dir.resolve("execution-summary.json")))
                .contains("\"halt_step_id\": \"cp-phase6-090-target-empty\"")
                .contains("no scripted answer for gate:platform on cp-phase6-090-target-empty");
        assertThat(CliRunner.run("verify-journal", "--run-dir", dir.toString()).exit())
                .isZero();
    }

    @Test
    void aDirThatIsAFileOrLiesUnderOneIsAUsageErrorNamingIt() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "mine");

        CliRunner.Result itself = CliRunner.run("demo", "--dir", file.toString());
        CliRunner.Result under =
                CliRunner.run("demo", "--dir", file.resolve("demo").toString());

        assertThat(itself.exit()).isEqualTo(2);
        assertThat(itself.err()).contains("--dir " + file + ": " + file + " exists and is not a folder");
        assertThat(under.exit()).isEqualTo(2);
        assertThat(under.err()).contains(file + " is not a folder, so nothing can be created under it");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void demoRefusesANonEmptyDirectory() throws Exception {
        Files.writeString(tmp.resolve("keep.txt"), "mine");

        CliRunner.Result r = CliRunner.run("demo", "--dir", tmp.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not empty");
        assertThat(Files.readString(tmp.resolve("keep.txt"))).isEqualTo("mine");
    }
}
