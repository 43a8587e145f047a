package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.testing.BashWords;
import dev.cutover.testing.RunDirFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CompileCommandTest {
    @TempDir
    Path tmp;

    @Test
    void compileWritesTheStepsFileAndASecondRunLeavesItByteIdentical() throws Exception {
        Path dir = RunDirFixtures.copy("complete", tmp.resolve("run"));

        CliRunner.Result first = CliRunner.run("compile", "--run-dir", dir.toString());
        byte[] written = Files.readAllBytes(dir.resolve("execution-steps.json"));
        CliRunner.Result second = CliRunner.run("compile", "--run-dir", dir.toString());

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("wrote ");
        assertThat(second.exit()).isZero();
        assertThat(second.out()).startsWith("unchanged ");
        assertThat(Files.readAllBytes(dir.resolve("execution-steps.json"))).isEqualTo(written);
        JsonNode steps = new ObjectMapper().readTree(written);
        assertThat(steps.isArray()).isTrue();
        assertThat(steps.size()).isGreaterThan(20);
    }

    @Test
    void theNextLineNamesTheRunDirectoryAsOneShellWordWhenPasted() throws Exception {
        Path dir = RunDirFixtures.copy("complete", tmp.resolve("run $HOME it's"));

        CliRunner.Result r = CliRunner.run("compile", "--run-dir", dir.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        String next = r.out()
                .lines()
                .filter(l -> l.startsWith("next: cutover plan --run-dir "))
                .findFirst()
                .orElseThrow();
        String word = next.substring("next: cutover plan --run-dir ".length());
        // What a shell makes of the pasted word: one argument, the folder itself, with nothing expanded.
        assertThat(BashWords.of(word)).containsExactly(dir.toString());
    }

    @Test
    void aTimeBoxBeyondAYearIsAnInputProblemNotAnOverflow() throws Exception {
        Path dir = RunDirFixtures.copy("complete", tmp.resolve("run"));
        Path checklist = dir.resolve("cutover-checklist-data-plane.json");
        // 35,791,395 minutes is 2^31 seconds and a few: the seconds used to wrap to a negative estimate (exit 70).
        Files.writeString(
                checklist,
                Files.readString(checklist)
                        .replaceFirst("\"time_box_minutes\": \\d+", "\"time_box_minutes\": 35791395"));

        CliRunner.Result r = CliRunner.run("compile", "--run-dir", dir.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err())
                .contains("cutover-checklist-data-plane.json: /phases/")
                .contains("/time_box_minutes");
        assertThat(dir.resolve("execution-steps.json")).doesNotExist();
    }

    @Test
    void compileWithAMatchingRunIdSucceedsAndAMismatchedOneIsRefused() throws Exception {
        Path dir = RunDirFixtures.copy("complete", tmp.resolve("run"));

        CliRunner.Result ok = CliRunner.run("compile", "--run-dir", dir.toString(), "--run-id", "nw-shipments-2026");
        Files.delete(dir.resolve("execution-steps.json"));
        CliRunner.Result refused = CliRunner.run("compile", "--run-dir", dir.toString(), "--run-id", "other-run");

        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("run_id");
        assertThat(dir.resolve("execution-steps.json")).doesNotExist();
    }

    @Test
    void compileRefusesToReplaceAStoredPlanOnceARunHasStarted() throws Exception {
        Path dir = RunDirFixtures.copy("complete", tmp.resolve("run"));
        assertThat(CliRunner.run("compile", "--run-dir", dir.toString()).exit()).isZero();
        Files.writeString(dir.resolve("execution-steps.json"), "[]\n");
        Files.writeString(dir.resolve("execution-log.jsonl"), "{}\n");

        CliRunner.Result refused = CliRunner.run("compile", "--run-dir", dir.toString());

        assertThat(refused.exit()).isEqualTo(6);
        assertThat(refused.err()).contains("the stored plan has 0 steps");
        assertThat(Files.readString(dir.resolve("execution-steps.json"))).isEqualTo("[]\n");
    }

    static List<String> invalidCases() {
        return RunDirFixtures.invalidCases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCases")
    void invalidRunDirectoryIsRefusedNamingFileAndPointerAndNothingIsWritten(String name) {
        JsonNode expect = RunDirFixtures.invalidCase(name).path("expect");
        Path dir = RunDirFixtures.materialiseInvalid(name, tmp.resolve(name));
        List<String> before = RunDirFixtures.snapshot(dir);

        CliRunner.Result result = CliRunner.run("compile", "--run-dir", dir.toString());

        assertThat(result.exit()).as(result.err()).isEqualTo(expect.path("exit").asInt(2));
        String location = expect.path("file").asText()
                + (expect.path("pointer").asText().isEmpty()
                        ? ""
                        : ": " + expect.path("pointer").asText());
        assertThat(result.err())
                .contains(location)
                .contains(expect.path("contains").asText());
        assertThat(result.err()).contains("fix: ");
        assertThat(RunDirFixtures.snapshot(dir)).isEqualTo(before);
    }
}
