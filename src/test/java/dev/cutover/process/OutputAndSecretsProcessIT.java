package dev.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a step's command writes, and what it must never make the run write, with the real jar. */
class OutputAndSecretsProcessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG_STEP = "dp-phase3-010-copy-config";
    private static final long GIB = 1L << 30;

    @TempDir
    Path tmp;

    @Test
    void aGibibyteOfCommandOutputRunsInA128MegabyteHeapWithA2KilobyteJournalTail() throws Exception {
        Path dir = DemoFixture.write(tmp.resolve("run"));
        DemoFixture.allowAlso(dir, "head");
        DemoFixture.editJson(
                dir,
                DemoFixture.DP_JSON,
                root -> DemoFixture.dpItem(root, CONFIG_STEP)
                        .put(
                                "command",
                                "head -c " + GIB
                                        + " /dev/zero && cp service/source/app.conf service/target/config/app.conf"));
        Path answers = DemoFixture.answers(tmp, DemoFixture.APPROVE_ALL);

        long started = System.nanoTime();
        long peakKb;
        CutoverProcess.Result r;
        try (CutoverProcess.Running run = CutoverProcess.start(
                tmp, List.of("-Xmx128m"), "execute", "--run-dir", dir.toString(), "--answers", answers.toString())) {
            peakKb = peakRssKb(run.process());
            r = run.awaitExit();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(r.out()).contains("Verdict: completed");
        Path log = dir.resolve("execution/" + CONFIG_STEP + ".stdout.log");
        assertThat(Files.size(log)).isGreaterThanOrEqualTo(GIB);
        CutoverProcess.assertJournalValid(dir);
        JsonNode executed = entries(dir).stream()
                .filter(e -> e.path("step_id").asText().equals(CONFIG_STEP))
                .filter(e -> e.path("event").asText().equals("executed"))
                .findFirst()
                .orElseThrow();
        byte[] tail = executed.path("stdout_tail").asText().getBytes(StandardCharsets.UTF_8);
        assertThat(tail.length).isPositive().isLessThanOrEqualTo(2048);
        assertThat(executed.path("exit_code").asInt()).isZero();
        // Measured, not asserted (DESIGN.md §6: no timed tests); the report quotes these figures.
        System.out.printf("1 GiB run: %d ms wall, peak RSS %d kB (VmHWM, last read)%n", millis, peakKb);
    }

    @Test
    void aSecretFilesContentsNeverAppearInAnyFileTheRunWritesOnlyItsPath() throws Exception {
        String marker = "S3CR3T-" + Long.toHexString(System.nanoTime()) + "-MARKER";
        Path outside = Files.createDirectories(tmp.resolve("operator"));
        Path secret = Files.writeString(outside.resolve("db-password.txt"), "password=" + marker + "\n");
        Path store = Files.createDirectories(tmp.resolve("secret-store"));
        Path dir = DemoFixture.write(tmp.resolve("run"));
        DemoFixture.editJson(
                dir,
                DemoFixture.DP_JSON,
                root -> DemoFixture.dpItem(root, CONFIG_STEP)
                        .put("operation_type", "secret-put-value")
                        .put("command", "cp {secret-file} " + store.resolve("db-password"))
                        .put("verification_command", "test -s " + store.resolve("db-password")));
        Path answers = DemoFixture.answers(tmp, "param:secret-file * " + secret + "\n" + DemoFixture.APPROVE_ALL);
        Path output = Files.createDirectories(tmp.resolve("output"));

        CutoverProcess.Result r =
                CutoverProcess.run(output, "execute", "--run-dir", dir.toString(), "--answers", answers.toString());

        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(Files.readString(store.resolve("db-password"))).contains(marker); // the step really used it
        List<String> leaks = new ArrayList<>();
        for (Path base : List.of(dir, output)) {
            for (String f : CutoverProcess.files(base)) {
                if (contains(base.resolve(f), marker)) {
                    leaks.add(base.resolve(f).toString());
                }
            }
        }
        assertThat(leaks).as("files holding the secret").isEmpty();
        CutoverProcess.assertJournalValid(dir);
        String journal = Files.readString(dir.resolve("execution-log.jsonl"));
        assertThat(journal).contains(secret.toString()); // the path is recorded, the contents are not
    }

    @Test
    void controlSequencesInChecklistTextAndCommandOutputNeverReachTheConsoleRaw() throws Exception {
        String hideLine = "\u001b[1A\u001b[2K"; // cursor up, erase the line: could hide the command being approved
        Path dir = DemoFixture.write(tmp.resolve("run"));
        DemoFixture.editJson(
                dir,
                DemoFixture.DP_JSON,
                root -> DemoFixture.dpItem(root, CONFIG_STEP)
                        .put("description", "Copy the config." + hideLine + "Nothing to see \u202eeno")
                        // The demo allows bash, so the lint lets it write to stderr and fail.
                        .put("verification_command", "bash -c 'printf \"broken\\033]0;owned\\007\\n\" >&2; exit 1'"));
        Path answers = DemoFixture.answers(tmp, DemoFixture.APPROVE_ALL + "failure * skip-rollback-stop\n");

        CutoverProcess.Result r =
                CutoverProcess.run(tmp, "execute", "--run-dir", dir.toString(), "--answers", answers.toString());

        assertThat(r.exit()).as(r.both()).isEqualTo(1);
        assertThat(r.out()).contains("Copy the config.\\x1b[1A\\x1b[2KNothing to see \\u202eeno");
        assertThat(r.both()).contains("broken\\x1b]0;owned\\x07");
        assertThat(r.both()).doesNotContain("\u001b", "\u0007", "\u202e");
        // The journal keeps the exact bytes (escaped by JSON); only what is shown is made visible.
        assertThat(Files.readString(dir.resolve("execution-log.jsonl"))).contains("\\u001B]0;owned");
    }

    private static boolean contains(Path file, String marker) throws IOException {
        if (Files.size(file) > 64L * 1024 * 1024) {
            throw new AssertionError(file + " is unexpectedly large");
        }
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(marker);
    }

    private static List<JsonNode> entries(Path dir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("execution-log.jsonl"), StandardCharsets.UTF_8)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    /** The JVM's high-water RSS from /proc (polled until it exits); 0 where /proc is not readable. */
    private static long peakRssKb(Process p) throws InterruptedException {
        Pattern hwm = Pattern.compile("VmHWM:\\s+(\\d+) kB");
        long peak = 0;
        long deadline =
                System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(CutoverProcess.PATIENCE_SECONDS);
        while (p.isAlive() && System.nanoTime() < deadline) {
            for (long pid : pids(p)) {
                try {
                    Matcher m = hwm.matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
                    if (m.find() && isJava(pid)) {
                        peak = Math.max(peak, Long.parseLong(m.group(1)));
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended between listing and reading
                }
            }
            Thread.sleep(100);
        }
        return peak;
    }

    private static List<Long> pids(Process p) {
        List<Long> out = new ArrayList<>(List.of(p.pid()));
        p.descendants().forEach(d -> out.add(d.pid()));
        return out;
    }

    private static boolean isJava(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(h -> h.info().command())
                .map(c -> c.endsWith("/java"))
                .orElse(false);
    }
}
