package dev.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program outside {@code allowed_programs} never runs. The compiler and the run-time pre-flight audit share one
 * lint and one allow-list (both read the same {@code cutover.yaml} in the same process), so a command the lint
 * refuses never reaches the audit as an automated command: the compiler has already made its step a human step
 * whose text the operator performs by hand. This proves that observable rule with a real {@code curl} trap on
 * PATH: the step is shown as a manual step and the program is never started.
 */
class AllowListProcessIT {
    private static final String DELTA_STEP = "dp-phase4-020-final-delta";

    @TempDir
    Path tmp;

    @Test
    void aCommandUsingAProgramOutsideTheAllowListBecomesAManualStepAndTheProgramNeverRuns() throws Exception {
        Path trap = tmp.resolve("curl-ran");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path curl = Files.writeString(bin.resolve("curl"), "#!/bin/sh\ntouch '" + trap + "'\n");
        Files.setPosixFilePermissions(curl, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dir = DemoFixture.write(tmp.resolve("run"));
        String command = "curl -fsS -o /dev/null http://127.0.0.1:9/final-delta"
                + " && cp -R service/source/demo-data/. service/target/demo-data/";
        DemoFixture.editJson(
                dir,
                DemoFixture.DP_JSON,
                root -> DemoFixture.dpItem(root, DELTA_STEP).put("command", command));
        Path answers = DemoFixture.answers(tmp, DemoFixture.APPROVE_ALL);
        String path = bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin");

        CutoverProcess.Result r;
        try (CutoverProcess.Running run = CutoverProcess.start(
                tmp,
                List.of(),
                Map.of("PATH", path),
                "execute",
                "--run-dir",
                dir.toString(),
                "--answers",
                answers.toString())) {
            r = run.awaitExit();
        }

        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(trap).as("curl was started").doesNotExist();
        CutoverProcess.assertJournalValid(dir);
        JsonNode step = null;
        for (JsonNode s :
                new ObjectMapper().readTree(dir.resolve("execution-steps.json").toFile())) {
            if (s.path("step_id").asText().equals(DELTA_STEP)) {
                step = s;
            }
        }
        assertThat(step).isNotNull();
        assertThat(step.path("tool").asText()).isEqualTo("human");
        assertThat(step.path("execute_cmd").asText()).isEqualTo("true");
        assertThat(step.path("notes").asText()).contains("MANUAL: " + command);
        String prompt = r.out().substring(r.out().indexOf("STEP " + DELTA_STEP));
        assertThat(prompt.substring(0, prompt.indexOf("> approve"))).contains("MANUAL STEP");
    }
}
