package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.app.DemoRunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unknown field one slip from a field that changes nothing safety-related is named by compile, plan, preflight. */
class NearMissWarningsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DP = "cutover-checklist-data-plane.json";

    @TempDir
    Path tmp;

    @Test
    void compilePlanAndPreflightEachPrintTheNearMissAsAWarningAndStillSucceed() throws Exception {
        Path dir = new DemoRunDirectory(Clock.systemUTC()).write(tmp.resolve("demo"));
        JsonNode root = JSON.readTree(dir.resolve(DP).toFile());
        ObjectNode item = (ObjectNode) root.at("/phases/2/during_cutover/0");
        item.put("owner_tema", "storage");
        item.remove("owner_team");
        Files.writeString(dir.resolve(DP), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        String warning = DP + ": /phases/2/during_cutover/0/owner_tema: unknown field `owner_tema` (did you mean"
                + " `owner_team`?) is ignored; rename it to `owner_team`, or remove it";

        CliRunner.Result compile = CliRunner.run("compile", "--run-dir", dir.toString());
        CliRunner.Result plan = CliRunner.run("plan", "--run-dir", dir.toString());
        CliRunner.Result preflight = CliRunner.run("preflight", "--run-dir", dir.toString());

        assertThat(compile.exit()).as(compile.err()).isZero();
        assertThat(compile.out()).contains("warning: " + warning);
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains(warning);
        assertThat(preflight.exit()).as(preflight.err()).isZero();
        assertThat(preflight.out()).contains(warning);
    }
}
