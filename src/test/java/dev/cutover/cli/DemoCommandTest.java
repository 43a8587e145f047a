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
    void demoWritesACompilableSandboxRunDirectoryWithItsLocalService() throws Exception {
        Path dir = tmp.resolve("demo");

        CliRunner.Result r = CliRunner.run("demo", "--dir", dir.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Demo run directory: " + dir).contains("Warnings: 0");
        assertThat(Files.readSymbolicLink(dir.resolve("service/live"))).isEqualTo(Path.of("source", "demo-data"));
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
    void demoRefusesANonEmptyDirectory() throws Exception {
        Files.writeString(tmp.resolve("keep.txt"), "mine");

        CliRunner.Result r = CliRunner.run("demo", "--dir", tmp.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not empty");
        assertThat(Files.readString(tmp.resolve("keep.txt"))).isEqualTo("mine");
    }
}
