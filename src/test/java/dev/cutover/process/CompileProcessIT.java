package dev.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.testing.RunDirFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar and the repo's ./cutover launcher as real processes (DESIGN.md §6 tier 3). */
class CompileProcessIT {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    static Run run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path out = Files.createTempFile("cutover-out", ".txt");
        Path err = Files.createTempFile("cutover-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
        return new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static List<String> jar(String... args) {
        List<String> cmd =
                new ArrayList<>(List.of("java", "-jar", System.getProperty("cutover.jar", "target/cutover.jar")));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void upstreamExampleCompilesToASchemaValidStableStepsFile() throws Exception {
        Optional<Path> upstream = RunDirFixtures.upstreamExample();
        assumeTrue(upstream.isPresent(), "../shared fixtures not present");
        Path dir = tmp.resolve("example-run");
        copyFlat(upstream.get(), dir);

        Run first = run(jar("compile", "--run-dir", dir.toString()));
        byte[] bytes = Files.readAllBytes(dir.resolve("execution-steps.json"));
        Files.delete(dir.resolve("execution-steps.json"));
        Run second = run(jar("compile", "--run-dir", dir.toString()));
        Run plan = run(jar("plan", "--run-dir", dir.toString()));

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("execution-steps.json"))).isEqualTo(bytes);
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("handoff=1").contains("(current)");
    }

    @Test
    void launcherScriptRunsTheBuiltJar() throws Exception {
        Path dir = RunDirFixtures.copy("complete", tmp.resolve("run"));

        // Without its class-data sharing archive: making one would write to the user's cache (LauncherProcessIT
        // covers the archive with a cache of its own).
        Run r = run(List.of("env", "CUTOVER_CDS=off", "bash", "cutover", "compile", "--run-dir", dir.toString()));

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode steps =
                new ObjectMapper().readTree(dir.resolve("execution-steps.json").toFile());
        assertThat(steps.get(0).path("step_id").asText()).startsWith("cp-phase0-");
    }

    @Test
    void malformedInputExitsTwoFromARealProcessAndWritesNothing() throws Exception {
        Path dir = RunDirFixtures.copy("complete", tmp.resolve("run"));
        Files.writeString(dir.resolve("dependency-graph.json"), "{ \"edges\": [ ");
        List<String> before = RunDirFixtures.snapshot(dir);

        Run r = run(jar("compile", "--run-dir", dir.toString()));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("dependency-graph.json");
        assertThat(RunDirFixtures.snapshot(dir)).isEqualTo(before);
    }

    @Test
    void planGraphReachesStdoutOfARealProcess() throws Exception {
        Path dir = RunDirFixtures.copy("complete", tmp.resolve("run"));

        Run r = run(jar("plan", "--run-dir", dir.toString(), "--graph", "mermaid"));

        // The graph is printed without a final println: it used to be lost when the process exited unflushed.
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("flowchart").contains("cp-phase0-");
    }

    @Test
    void planRefusesJsonAndGraphTogetherBeforeCompiling() throws Exception {
        Path dir = RunDirFixtures.copy("complete", tmp.resolve("run"));

        Run r = run(jar("plan", "--run-dir", dir.toString(), "--json", "--graph", "mermaid"));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("--json").contains("--graph");
    }

    private static void copyFlat(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
