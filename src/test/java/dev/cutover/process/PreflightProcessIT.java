package dev.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pre-flight refusals of {@code cutover execute} as a real process (FORMATS.md §5): each exits with its code,
 * takes no lock, runs no step, and journals only what §5 prescribes.
 */
class PreflightProcessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNFILLED = "> APPROVED BY: ____  ON: ____-__-__";

    @TempDir
    Path tmp;

    private Path demo() {
        return DemoFixture.write(tmp.resolve("run"));
    }

    private CutoverProcess.Result execute(Path dir, String... more) throws Exception {
        Path answers = DemoFixture.answers(tmp, DemoFixture.APPROVE_ALL);
        List<String> args = new java.util.ArrayList<>(
                List.of("execute", "--run-dir", dir.toString(), "--answers", answers.toString()));
        args.addAll(List.of(more));
        return CutoverProcess.run(tmp, args.toArray(String[]::new));
    }

    private static void assertNothingRan(Path dir) {
        assertThat(dir.resolve("RUNNING.lock")).doesNotExist();
        assertThat(dir.resolve("service/target")).doesNotExist();
        assertThat(dir.resolve("execution")).doesNotExist();
        assertThat(dir.resolve("execution-steps.json")).doesNotExist();
    }

    private static List<JsonNode> journal(Path dir, String name) throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private static void signDataPlane(Path dir, String signOffLine) throws Exception {
        Path md = dir.resolve(DemoFixture.DP_MD);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(md));
        assertThat(lines.get(2)).startsWith("> APPROVED BY: ");
        lines.set(2, signOffLine);
        Files.write(md, lines);
    }

    @Test
    void unsignedDataPlaneChecklistExitsThreeJournalsCheckFourAndRunsNothing() throws Exception {
        Path dir = demo();
        String signed = Files.readAllLines(dir.resolve(DemoFixture.DP_MD)).get(2);
        signDataPlane(dir, UNFILLED);

        CutoverProcess.Result r = execute(dir);

        assertThat(r.exit()).as(r.both()).isEqualTo(3);
        assertThat(r.err()).contains("check 4").contains(DemoFixture.DP_MD);
        assertNothingRan(dir);
        List<JsonNode> lines = journal(dir, "execution-log.jsonl");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).has("run_id")).isTrue();
        assertThat(lines.get(1).path("event").asText()).isEqualTo("step-failed");
        assertThat(lines.get(1).path("step_id").asText()).isEqualTo("cp-phase0-000-run");
        assertThat(lines.get(1).path("notes").asText()).contains("check 4").contains(DemoFixture.DP_MD);
        assertThat(Files.readString(dir.resolve("execution-summary.json"))).contains("\"verdict\": \"failed\"");
        CutoverProcess.assertJournalValid(dir);

        CutoverProcess.Result status = CutoverProcess.run(tmp, "status", "--run-dir", dir.toString(), "--json");
        assertThat(status.exit()).as(status.both()).isZero();
        JsonNode view = JSON.readTree(status.out());
        assertThat(view.path("activity").asText()).isEqualTo("ended");
        assertThat(view.path("verdict").asText()).isEqualTo("failed");
        String advice = "cutover execute --run-dir " + dir + " --resume";
        assertThat(view.path("next_command").asText()).isEqualTo(advice);

        // The next run, once signed and run as advised (--resume), sets the failed pre-flight journal aside
        // byte for byte and starts fresh: nothing ran, so there is nothing to resume.
        byte[] failedJournal = Files.readAllBytes(dir.resolve("execution-log.jsonl"));
        signDataPlane(dir, signed);
        CutoverProcess.Result next = execute(dir, "--resume");

        assertThat(next.exit()).as(next.both()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("execution-log.preflight-1.jsonl")))
                .isEqualTo(failedJournal);
        List<JsonNode> fresh = journal(dir, "execution-log.jsonl");
        assertThat(fresh.get(1).path("event").asText()).isEqualTo("lock-acquired");
        assertThat(fresh.get(1).path("entry_id").asText()).isEqualTo("e1");
        assertThat(dir.resolve("service/target/demo-data/orders.csv")).exists();
        CutoverProcess.assertJournalValid(dir);
        assertThat(lines.get(0).path("plugin_version").asText())
                .as("the executor's own version")
                .isEqualTo(fresh.get(0).path("plugin_version").asText());
    }

    @Test
    void missingInputFileExitsTwoWithoutLockOrStepAndNamesTheFile() throws Exception {
        Path dir = demo();
        Files.delete(dir.resolve("dependency-graph.json"));

        CutoverProcess.Result r = execute(dir);

        assertThat(r.exit()).as(r.both()).isEqualTo(2);
        assertThat(r.err()).contains("dependency-graph.json");
        assertNothingRan(dir);
        List<JsonNode> lines = journal(dir, "execution-log.jsonl");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).path("event").asText()).isEqualTo("step-failed");
        assertThat(lines.get(1).path("notes").asText()).contains("check 3").contains("dependency-graph.json");
        // Account ids come from the inputs that still parse (FORMATS.md §5), not 000000000000.
        assertThat(lines.get(0).path("source_account_id").asText()).isEqualTo("000000000001");
        assertThat(lines.get(0).path("target_account_id").asText()).isEqualTo("000000000002");
        assertThat(lines.get(0).path("plugin_version").asText()).isNotEqualTo("cutover");
        CutoverProcess.assertJournalValid(dir);

        // Restored, the next run (without --resume) sets the failed journal aside and reaches go/no-go.
        DemoFixture.write(tmp.resolve("pristine"));
        Files.copy(tmp.resolve("pristine/dependency-graph.json"), dir.resolve("dependency-graph.json"));
        Path cancel = DemoFixture.answers(tmp, "go-no-go * cancel\n");
        CutoverProcess.Result next =
                CutoverProcess.run(tmp, "execute", "--run-dir", dir.toString(), "--answers", cancel.toString());
        assertThat(next.exit()).as(next.both()).isEqualTo(5);
        assertThat(dir.resolve("execution-log.preflight-1.jsonl")).exists();
        assertThat(journal(dir, "execution-log.jsonl").get(1).path("event").asText())
                .isEqualTo("lock-acquired");
        CutoverProcess.assertJournalValid(dir);
    }

    @Test
    void answersFileIsRefusedInProductionNamingTheEnvironmentBeforeAnythingRuns() throws Exception {
        Path dir = demo();
        Path yaml = dir.resolve("cutover.yaml");
        // production also needs polls of at least 10 s, else cutover.yaml itself is invalid (exit 2)
        Files.writeString(
                yaml,
                Files.readString(yaml)
                        .replace("environment: sandbox", "environment: production")
                        .replace("poll_interval_seconds: 1", "poll_interval_seconds: 10"));

        CutoverProcess.Result r = execute(dir);

        assertThat(r.exit()).as(r.both()).isEqualTo(3);
        assertThat(r.err()).contains("--answers").contains("production");
        assertNothingRan(dir);
    }

    @Test
    void answersFileIsRefusedWhenCutoverYamlIsAbsentBecauseAbsentMeansProduction() throws Exception {
        Path dir = demo();
        Files.delete(dir.resolve("cutover.yaml"));

        CutoverProcess.Result r = execute(dir);

        assertThat(r.exit()).as(r.both()).isEqualTo(3);
        assertThat(r.err()).contains("--answers").contains("production");
        assertNothingRan(dir);
    }

    @Test
    void resumeWithoutAJournalExitsTwoAndWritesNothing() throws Exception {
        Path dir = demo();
        List<String> before = CutoverProcess.files(dir);

        CutoverProcess.Result r = execute(dir, "--resume");

        assertThat(r.exit()).as(r.both()).isEqualTo(2);
        assertThat(r.err()).contains("--resume");
        // Check 1 ran first: only its permanent, empty OS lock file may appear.
        assertThat(CutoverProcess.files(dir)).containsExactlyInAnyOrderElementsOf(withFlock(before));
    }

    private static List<String> withFlock(List<String> files) {
        List<String> out = new java.util.ArrayList<>(files);
        out.add(".RUNNING.lock.flock");
        return out;
    }

    @Test
    void aJournalPresentWithoutResumeExitsThreeAndLeavesItUntouched() throws Exception {
        Path dir = demo();
        Path answers = DemoFixture.answers(tmp, "go-no-go * cancel\n");
        CutoverProcess.Result cancelled =
                CutoverProcess.run(tmp, "execute", "--run-dir", dir.toString(), "--answers", answers.toString());
        assertThat(cancelled.exit()).as(cancelled.both()).isEqualTo(5);
        byte[] journal = Files.readAllBytes(dir.resolve("execution-log.jsonl"));

        CutoverProcess.Result r = execute(dir);

        assertThat(r.exit()).as(r.both()).isEqualTo(3);
        assertThat(r.err()).contains("execution-log.jsonl").contains("--resume");
        assertThat(Files.readAllBytes(dir.resolve("execution-log.jsonl"))).isEqualTo(journal);
        assertThat(dir.resolve("RUNNING.lock")).doesNotExist();
        assertThat(dir.resolve("service/target")).doesNotExist();
    }

    @Test
    void withoutATerminalAndWithoutAnswersTheDemoRefusesWithExitThreeBeforeAnyStep() throws Exception {
        Path dir = tmp.resolve("demo");

        CutoverProcess.Result r = CutoverProcess.run(tmp, "demo", "--dir", dir.toString());

        assertThat(r.exit()).as(r.both()).isEqualTo(3);
        assertThat(r.err()).contains("no terminal");
        assertThat(dir.resolve("RUNNING.lock")).doesNotExist();
        assertThat(dir.resolve("service/target")).doesNotExist();
        assertThat(dir.resolve("execution")).doesNotExist();
    }
}
