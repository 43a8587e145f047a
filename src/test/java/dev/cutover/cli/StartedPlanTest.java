package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.app.DemoRunDirectory;
import dev.cutover.digest.Sha256;
import dev.cutover.testing.RunDirFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run is held to the plan it started with (docs/resume.md, "Same plan"): its lock entries record the SHA-256 of
 * {@code execution-steps.json}, so inputs edited and a steps file compiled from them elsewhere and copied in — which
 * the stored-plan check cannot see, and {@code cutover compile} would refuse to write — are refused by {@code execute
 * --resume}, {@code preflight --resume} and {@code cutover rollback} before anything runs.
 */
class StartedPlanTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path APPROVE_ALL = Path.of("examples", "demo-approve-all.txt");
    private static final Path ROLLBACK_ALL = Path.of("examples", "demo-rollback-all.txt");
    private static final String STEPS = "execution-steps.json";
    private static final String JOURNAL = "execution-log.jsonl";
    private static final String FREEZE = "\"command\": \"touch service/source/FROZEN\"";
    /** The freeze (aborted at its approval, so approved by nobody) edited to leave a mark when it runs. */
    private static final String EDITED_FREEZE = "\"command\": \"touch service/source/FROZEN service/unrehearsed\"";

    private static final String COPY_CONFIG_ROLLBACK = "\"rollback_command\": \"rm -f service/target/config/app.conf\"";
    /** The rollback of a step that ran (never approved: no rollback was offered yet) edited to leave a mark. */
    private static final String EDITED_COPY_CONFIG_ROLLBACK =
            "\"rollback_command\": \"rm -f service/target/config/app.conf service/unrehearsed.conf\"";

    @TempDir
    Path tmp;

    /** The demo run, stopped by the operator at the freeze's approval: three steps ran, the rest never did. */
    private Path haltedAtFreeze() throws IOException {
        Path dir = new DemoRunDirectory(Clock.systemUTC()).write(tmp.resolve("demo"));
        CliRunner.Result r = CliRunner.run(
                "execute", "--run-dir", dir.toString(), "--answers", stopAt("dp-phase4-010-freeze-source"));
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(5);
        return dir;
    }

    private String stopAt(String step) throws IOException {
        Path answers = tmp.resolve("stop-at-" + step + ".txt");
        Files.writeString(answers, "approve " + step + " abort\n" + Files.readString(APPROVE_ALL));
        return answers.toString();
    }

    /**
     * What the stored-plan check cannot see: the data-plane checklist edited, compiled in a copy of the run directory
     * (where {@code cutover compile} writes, as no run started there) and the steps file copied over the run's.
     */
    private void replacePlanTogetherWithInputs(Path dir, String from, String to) throws IOException {
        Path checklist = dir.resolve("cutover-checklist-data-plane.json");
        String text = Files.readString(checklist);
        assertThat(text).contains(from);
        Files.writeString(checklist, text.replace(from, to));
        Path copy = Files.createDirectories(tmp.resolve("copy"));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!name.startsWith("execution-") && !name.contains("RUNNING.lock")) {
                    Files.copy(f, copy.resolve(name));
                }
            }
        }
        CliRunner.Result compiled = CliRunner.run("compile", "--run-dir", copy.toString());
        assertThat(compiled.exit()).as(compiled.out() + compiled.err()).isZero();
        Files.copy(copy.resolve(STEPS), dir.resolve(STEPS), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.readString(dir.resolve(STEPS))).contains(to.substring(to.indexOf(": ") + 3));
    }

    private static List<String> contents(Path dir) {
        return RunDirFixtures.snapshot(dir).stream()
                .filter(line -> !line.startsWith(".RUNNING.lock.flock e3b0c442"))
                .toList();
    }

    private static void assertRefusedAsAnotherPlan(CliRunner.Result r, Path dir) throws IOException {
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(6);
        String now = Sha256.hex(Files.readAllBytes(dir.resolve(STEPS))).substring(0, 12);
        String started = recordedDigests(dir).get(0).substring(0, 12);
        assertThat(r.err())
                .contains(STEPS + " (sha256 " + now + ") matches the inputs, but it is not the plan this run started"
                        + " with (sha256 " + started + ", " + JOURNAL + " entry e1)")
                .contains("Restore the inputs and " + STEPS + " the run started with; a changed plan needs a new run"
                        + " directory.");
    }

    /** The digest each lock entry's notes record, in journal order. */
    private static List<String> recordedDigests(Path dir) throws IOException {
        List<String> digests = new ArrayList<>();
        for (JsonNode e : entries(dir)) {
            String event = e.path("event").asText();
            if (event.equals("lock-acquired") || event.equals("lock-taken-over-from-stale")) {
                String notes = e.path("notes").asText();
                int at = notes.indexOf("plan sha256=");
                digests.add(at < 0 ? "none" : notes.substring(at + "plan sha256=".length(), at + 76));
            }
        }
        return digests;
    }

    private static List<JsonNode> entries(Path dir) throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve(JOURNAL));
        for (String line : lines.subList(1, lines.size())) {
            entries.add(JSON.readTree(line));
        }
        return entries;
    }

    @Test
    void theRunRecordsTheDigestOfTheStepsFileItWalksAndAnUnchangedPlanResumes() throws Exception {
        Path dir = haltedAtFreeze();
        String digest = Sha256.hex(Files.readAllBytes(dir.resolve(STEPS)));
        assertThat(entries(dir).get(0).path("notes").asText()).isEqualTo("environment sandbox; plan sha256=" + digest);

        CliRunner.Result resumed =
                CliRunner.run("execute", "--run-dir", dir.toString(), "--resume", "--answers", APPROVE_ALL.toString());

        assertThat(resumed.exit()).as(resumed.out() + resumed.err()).isZero();
        assertThat(recordedDigests(dir)).containsExactly(digest, digest);
    }

    @Test
    void executeResumeRefusesInputsAndStepsFileReplacedTogetherAndRunsNothing() throws Exception {
        Path dir = haltedAtFreeze();
        replacePlanTogetherWithInputs(dir, FREEZE, EDITED_FREEZE);
        List<String> before = contents(dir);

        CliRunner.Result r =
                CliRunner.run("execute", "--run-dir", dir.toString(), "--resume", "--answers", APPROVE_ALL.toString());

        assertRefusedAsAnotherPlan(r, dir);
        assertThat(contents(dir)).as("nothing written, nothing run").isEqualTo(before);
        assertThat(dir.resolve("service/unrehearsed")).doesNotExist();
    }

    @Test
    void statusSaysWhetherTheStepsFileIsStillThePlanTheRunStartedWithBeforeAnyoneResumes() throws Exception {
        Path dir = haltedAtFreeze();
        String started = recordedDigests(dir).get(0).substring(0, 12);

        CliRunner.Result before = CliRunner.run("status", "--run-dir", dir.toString());
        replacePlanTogetherWithInputs(dir, FREEZE, EDITED_FREEZE);
        String now = Sha256.hex(Files.readAllBytes(dir.resolve(STEPS))).substring(0, 12);
        CliRunner.Result after = CliRunner.run("status", "--run-dir", dir.toString());
        CliRunner.Result json = CliRunner.run("status", "--run-dir", dir.toString(), "--json");

        assertThat(before.exit()).as(before.err()).isZero();
        assertThat(before.out())
                .contains("Plan: " + STEPS + " sha256 " + started + ", the plan the run started with (e1)");
        assertThat(after.exit()).as(after.err()).isZero();
        assertThat(after.out())
                .contains("Plan: " + STEPS + " (sha256 " + now + ") is NOT the plan the run started with (sha256 "
                        + started + ", entry e1): resume and rollback refuse (PLAN_DRIFT)");
        JsonNode plan = JSON.readTree(json.out()).path("plan");
        assertThat(plan.path("matches").asBoolean(true)).isFalse();
        assertThat(plan.path("started_with").asText()).startsWith(started);
        assertThat(plan.path("steps_file").asText()).startsWith(now);
    }

    @Test
    void preflightResumeRefusesWhatExecuteResumeWouldRefuse() throws Exception {
        Path dir = haltedAtFreeze();
        replacePlanTogetherWithInputs(dir, FREEZE, EDITED_FREEZE);
        List<String> before = contents(dir);

        CliRunner.Result r = CliRunner.run("preflight", "--run-dir", dir.toString(), "--resume");

        assertRefusedAsAnotherPlan(r, dir);
        assertThat(contents(dir)).isEqualTo(before);
    }

    @Test
    void rollbackRefusesInputsAndStepsFileReplacedTogetherAndRollsNothingBack() throws Exception {
        Path dir = haltedAtFreeze();
        replacePlanTogetherWithInputs(dir, COPY_CONFIG_ROLLBACK, EDITED_COPY_CONFIG_ROLLBACK);
        Files.writeString(dir.resolve("service/unrehearsed.conf"), "the edited rollback would delete this\n");
        List<String> before = contents(dir);

        CliRunner.Result r =
                CliRunner.run("rollback", "--run-dir", dir.toString(), "--answers", ROLLBACK_ALL.toString());

        assertRefusedAsAnotherPlan(r, dir);
        assertThat(contents(dir)).as("nothing written, nothing rolled back").isEqualTo(before);
    }

    /**
     * A journal written before Cutover recorded the digest resumes as before; the session that resumes it records
     * the plan it walks, and later sessions are held to that one.
     */
    @Test
    void aJournalWithoutADigestResumesAndIsHeldToThePlanItsFirstResumeRecorded() throws Exception {
        Path dir = haltedAtFreeze();
        withoutDigests(dir.resolve(JOURNAL));
        assertThat(recordedDigests(dir)).containsExactly("none");

        CliRunner.Result resumed = CliRunner.run(
                "execute", "--run-dir", dir.toString(), "--resume", "--answers", stopAt("dp-phase4-020-final-delta"));

        assertThat(resumed.exit()).as(resumed.out() + resumed.err()).isEqualTo(5);
        assertThat(dir.resolve("service/source/FROZEN"))
                .as("the freeze ran on resume")
                .exists();
        String digest = Sha256.hex(Files.readAllBytes(dir.resolve(STEPS)));
        assertThat(recordedDigests(dir)).containsExactly("none", digest);

        replacePlanTogetherWithInputs(
                dir,
                "\"command\": \"ln -sfn target/demo-data service/live\"",
                "\"command\": \"ln -sfn target/demo-data service/live-unrehearsed\"");
        CliRunner.Result edited =
                CliRunner.run("execute", "--run-dir", dir.toString(), "--resume", "--answers", APPROVE_ALL.toString());

        assertThat(edited.exit()).as(edited.out() + edited.err()).isEqualTo(6);
        assertThat(edited.err())
                .contains("not the plan this run started with (sha256 " + digest.substring(0, 12) + ", " + JOURNAL
                        + " entry e");
        assertThat(dir.resolve("service/live-unrehearsed")).doesNotExist();
    }

    /** Rewrites the journal as Cutover wrote it before recording the digest: no plan part, the hash chain intact. */
    private static void withoutDigests(Path journal) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(journal));
        for (int i = 1; i < lines.size(); i++) {
            ObjectNode entry = (ObjectNode) JSON.readTree(lines.get(i));
            String notes = entry.path("notes").asText(null);
            if (notes != null) {
                entry.put("notes", notes.replaceAll("; plan sha256=[0-9a-f]{64}", ""));
            }
            entry.put("prev_sha256", Sha256.hex(lines.get(i - 1)));
            lines.set(i, JSON.writeValueAsString(entry));
        }
        Files.writeString(journal, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
