package dev.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.journal.JournalSchema;
import dev.cutover.journal.JournalVerifier;
import dev.cutover.journal.VerificationResult;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged jar as a real child process for the engine's process-level tests: output goes to files next to
 * (never inside) the run directory, stdin is {@code /dev/null}, and waits are bounded.
 */
final class CutoverProcess {
    /** Only a hung child ever reaches it; the test then fails with the output so far. */
    static final long PATIENCE_SECONDS = 90;

    private CutoverProcess() {}

    record Result(int exit, String out, String err) {
        String both() {
            return out + err;
        }
    }

    /** A child started in the background; its output files can be polled while it runs. */
    record Running(Process process, Path out, Path err) implements AutoCloseable {
        String output() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
        }

        Result awaitExit() throws Exception {
            assertThat(process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS))
                    .as("cutover ended; output so far:\n%s", output())
                    .isTrue();
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }

        /** SIGKILL, like a crash: nothing in the JVM gets to clean up. */
        void killNine() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        }

        @Override
        public void close() {
            // Only this child and what it started.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** {@code java [jvmOptions] -jar target/cutover.jar args…}. */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    static Path jar() {
        return Path.of(System.getProperty("cutover.jar", "target/cutover.jar")).toAbsolutePath();
    }

    /**
     * Runs cutover detached from any controlling terminal ({@code setsid -w}), so a developer's terminal can
     * never answer a prompt, and waits for it.
     */
    static Result run(Path outputDir, String... args) throws Exception {
        return start(outputDir, List.of(), args).awaitExit();
    }

    static Running start(Path outputDir, List<String> jvmOptions, String... args) throws IOException {
        return start(outputDir, jvmOptions, Map.of(), args);
    }

    /** As {@link #start(Path, List, String...)}, with extra environment variables for cutover. */
    static Running start(Path outputDir, List<String> jvmOptions, Map<String, String> env, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of("setsid", "-w"));
        cmd.addAll(command(jvmOptions, args));
        return startRaw(outputDir, cmd, env);
    }

    static Running startRaw(Path outputDir, List<String> cmd, Map<String, String> env) throws IOException {
        Files.createDirectories(outputDir);
        Path out = Files.createTempFile(outputDir, "cutover-", ".out");
        Path err = Files.createTempFile(outputDir, "cutover-", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().put("USER", "it-operator");
        pb.environment().putAll(env);
        return new Running(pb.start(), out, err);
    }

    /** Polls {@code file} (bounded) until its text satisfies {@code ready}; fails if the child ends first. */
    static String awaitFile(Running child, Path file, Predicate<String> ready, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (ready.test(text)) {
                return text;
            }
            if (!child.process().isAlive()) {
                throw new AssertionError("cutover ended before " + what + " (exit "
                        + child.process().exitValue() + "):\n" + child.output());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + ":\n" + child.output());
    }

    /**
     * Every line of {@code dir}'s journal validates against the journal schema and the whole file passes the
     * same verification as {@code cutover verify-journal} (issue 3: every journal the tests write).
     */
    static void assertJournalValid(Path dir) throws IOException {
        Path journal = dir.resolve("execution-log.jsonl");
        JournalSchema schema = new JournalSchema();
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(schema.validateLine(json.readTree(lines.get(i))))
                    .as("%s line %d: %s", journal, i + 1, lines.get(i))
                    .isEmpty();
        }
        VerificationResult verified = new JournalVerifier().verify(journal);
        assertThat(verified.ok()).as(verified.describe()).isTrue();
    }

    /** Every regular file under {@code dir}, relative, sorted. */
    static List<String> files(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }
}
