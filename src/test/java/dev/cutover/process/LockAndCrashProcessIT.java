package dev.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real processes on one run directory, and a real {@code kill -9} in the middle of a poll: the live lock
 * (exit 4), the stale lock without {@code --resume} (exit 3), {@code status} of a crashed run, and
 * {@code verify-journal} on an edited journal (exit 6).
 */
class LockAndCrashProcessIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** A demo run that polls its copy job forever, started with every approval scripted. */
    private CutoverProcess.Running startPollingForever(Path dir) throws Exception {
        DemoFixture.write(dir);
        DemoFixture.copyJobNeverFinishes(dir);
        Path answers = DemoFixture.answers(tmp, DemoFixture.APPROVE_ALL);
        CutoverProcess.Running run = CutoverProcess.start(
                tmp, List.of(), "execute", "--run-dir", dir.toString(), "--answers", answers.toString());
        CutoverProcess.awaitFile(
                run,
                dir.resolve("execution-log.jsonl"),
                j -> j.contains("\"event\":\"poll-tick\""),
                "the first poll-tick of " + DemoFixture.COPY_STEP);
        return run;
    }

    private static JsonNode lockFile(Path dir) throws Exception {
        return JSON.readTree(dir.resolve("RUNNING.lock").toFile());
    }

    @Test
    void secondExecuteOnALiveRunExitsFourNamingPidOperatorAndHostAndChangesNothing() throws Exception {
        Path dir = tmp.resolve("run");
        try (CutoverProcess.Running first = startPollingForever(dir)) {
            JsonNode holder = lockFile(dir);
            assertThat(holder.path("operator").asText()).isEqualTo("it-operator");
            long journalSize = Files.size(dir.resolve("execution-log.jsonl"));
            Path answers = DemoFixture.answers(tmp, DemoFixture.APPROVE_ALL);

            CutoverProcess.Result second =
                    CutoverProcess.run(tmp, "execute", "--run-dir", dir.toString(), "--answers", answers.toString());

            assertThat(second.exit()).as(second.both()).isEqualTo(4);
            assertThat(second.err())
                    .contains("live")
                    .contains("pid=" + holder.path("pid").asLong())
                    .contains("operator it-operator")
                    .contains("host " + holder.path("host").asText());
            assertThat(first.process().isAlive()).isTrue();
            assertThat(lockFile(dir)).isEqualTo(holder);
            assertThat(Files.size(dir.resolve("execution-log.jsonl"))).isGreaterThanOrEqualTo(journalSize);

            CutoverProcess.Result status = CutoverProcess.run(tmp, "status", "--run-dir", dir.toString(), "--json");
            assertThat(status.exit()).as(status.both()).isZero();
            JsonNode view = JSON.readTree(status.out());
            assertThat(view.path("activity").asText()).isEqualTo("running");
            assertThat(view.path("lock").path("live").asBoolean()).isTrue();
            assertThat(view.path("waiting_for").asText()).contains(DemoFixture.COPY_STEP);
        }
    }

    @Test
    void afterKillNineStatusSaysInterruptedAtThePolledStepAndARunWithoutResumeIsRefusedAsStale() throws Exception {
        Path dir = tmp.resolve("run");
        try (CutoverProcess.Running run = startPollingForever(dir)) {
            long pid = lockFile(dir).path("pid").asLong();
            assertThat(withDescendants(run)).contains(pid);
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            run.killNine();
        }
        assertThat(dir.resolve("RUNNING.lock")).exists();
        String resume = "cutover execute --run-dir " + dir + " --resume";

        CutoverProcess.Result json = CutoverProcess.run(tmp, "status", "--run-dir", dir.toString(), "--json");
        CutoverProcess.Result text = CutoverProcess.run(tmp, "status", "--run-dir", dir.toString());

        assertThat(json.exit()).as(json.both()).isZero();
        JsonNode view = JSON.readTree(json.out());
        assertThat(view.path("activity").asText()).isEqualTo("interrupted");
        assertThat(view.path("current_step_id").asText()).isEqualTo(DemoFixture.COPY_STEP);
        assertThat(view.path("waiting_for").asText())
                .contains("interrupted")
                .contains(DemoFixture.COPY_STEP)
                .contains(resume);
        assertThat(view.path("next_command").asText()).isEqualTo(resume);
        assertThat(view.path("lock").path("live").asBoolean()).isFalse();
        assertThat(text.exit()).as(text.both()).isZero();
        assertThat(text.out()).contains("State: interrupted").contains("Continue: " + resume);

        byte[] journal = Files.readAllBytes(dir.resolve("execution-log.jsonl"));
        Path answers = DemoFixture.answers(tmp, DemoFixture.APPROVE_ALL);
        CutoverProcess.Result again =
                CutoverProcess.run(tmp, "execute", "--run-dir", dir.toString(), "--answers", answers.toString());

        assertThat(again.exit()).as(again.both()).isEqualTo(3);
        assertThat(again.err()).contains("Stale lock").contains("--resume");
        assertThat(Files.readAllBytes(dir.resolve("execution-log.jsonl"))).isEqualTo(journal);
        CutoverProcess.assertJournalValid(dir); // fsync per line: even kill -9 mid-poll leaves a whole journal
    }

    @Test
    void afterKillNineReportSaysInterruptedAndResumeReattachesToThePolledJobWithoutAskingAgain() throws Exception {
        Path dir = tmp.resolve("run");
        try (CutoverProcess.Running run = startPollingForever(dir)) {
            run.killNine();
        }

        CutoverProcess.Result report = CutoverProcess.run(tmp, "report", "--run-dir", dir.toString());

        assertThat(report.exit()).as(report.both()).isZero();
        assertThat(report.out()).contains("Verdict: interrupted at " + DemoFixture.COPY_STEP);
        assertThat(Files.readString(dir.resolve("execution-report.md"))).contains("INTERRUPTED");
        assertThat(JSON.readTree(dir.resolve("execution-summary.json").toFile())
                        .path("verdict")
                        .asText())
                .isEqualTo("interrupted");

        // The job finishes while nobody watches; resume polls it once instead of starting it again.
        Files.writeString(dir.resolve("service/copy-job.state"), "SUCCESS\n");
        copyTree(dir.resolve("service/source/demo-data"), dir.resolve("service/target/demo-data"));
        Path answers = DemoFixture.answers(tmp, DemoFixture.APPROVE_ALL);
        CutoverProcess.Result resumed = CutoverProcess.run(
                tmp, "execute", "--run-dir", dir.toString(), "--answers", answers.toString(), "--resume");

        assertThat(resumed.exit()).as(resumed.both()).isZero();
        CutoverProcess.assertJournalValid(dir);
        List<JsonNode> copyEvents = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("execution-log.jsonl"))) {
            JsonNode e = JSON.readTree(line);
            if (DemoFixture.COPY_STEP.equals(e.path("step_id").asText())) {
                copyEvents.add(e);
            }
        }
        List<String> events =
                copyEvents.stream().map(e -> e.path("event").asText()).toList();
        assertThat(events)
                .containsOnlyOnce("approved", "executed")
                .endsWith("resume-reverified", "resume-reverified", "resume-marked-done");
        assertThat(resumed.out()).doesNotContain("STEP " + DemoFixture.COPY_STEP);
        assertThat(lockEvents(dir)).containsSubsequence("lock-acquired", "lock-taken-over-from-stale", "lock-released");
    }

    @Test
    void aCommandThatOutlivesItsKilledRunBlocksResumeUntilItEndsAndRunsOnce() throws Exception {
        Path dir = tmp.resolve("run");
        DemoFixture.write(dir);
        String step = "dp-phase3-010-copy-config";
        DemoFixture.editJson(
                dir,
                DemoFixture.DP_JSON,
                root -> DemoFixture.dpItem(root, step)
                        .put(
                                "command",
                                "bash -c 'sleep 4; echo ran >> service/count;"
                                        + " cp service/source/app.conf service/target/config/app.conf'"));
        Path answers = DemoFixture.answers(tmp, DemoFixture.APPROVE_ALL);
        Path marker = dir.resolve("execution/" + step + ".execute.running");
        long orphan;
        try (CutoverProcess.Running run = CutoverProcess.start(
                tmp, List.of(), "execute", "--run-dir", dir.toString(), "--answers", answers.toString())) {
            // The marker exists without a pid from just before the start; wait for its rewrite naming bash.
            String text = CutoverProcess.awaitFile(
                    run, marker, t -> t.startsWith("pid=") && !t.startsWith("pid=?"), "the marker of " + step);
            orphan = Long.parseLong(text.substring("pid=".length(), text.indexOf(' ')));
            run.killNine();
        }

        // kill -9 stops Cutover, not the bash it started: that command is still changing things.
        CutoverProcess.Result refused = CutoverProcess.run(
                tmp, "execute", "--run-dir", dir.toString(), "--answers", answers.toString(), "--resume");

        assertThat(refused.exit()).as(refused.both()).isEqualTo(4);
        assertThat(refused.err()).contains("execute command of " + step + " is still running (pid ");
        assertThat(ProcessHandle.of(orphan)).as("the orphaned bash").isPresent();
        ProcessHandle.of(orphan)
                .ifPresent(p -> p.onExit()
                        .orTimeout(60, java.util.concurrent.TimeUnit.SECONDS)
                        .join());

        CutoverProcess.Result resumed = CutoverProcess.run(
                tmp, "execute", "--run-dir", dir.toString(), "--answers", answers.toString(), "--resume");

        assertThat(resumed.exit()).as(resumed.both()).isZero();
        assertThat(Files.readAllLines(dir.resolve("service/count")))
                .as("the mutation ran once")
                .containsExactly("ran");
        assertThat(marker).doesNotExist();
        CutoverProcess.assertJournalValid(dir);
    }

    private static List<String> lockEvents(Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("execution-log.jsonl"))) {
            String event = JSON.readTree(line).path("event").asText();
            if (event.startsWith("lock-")) {
                out.add(event);
            }
        }
        return out;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void aStaleLockFromADeadPidOnThisHostIsRefusedWithoutResumeAndNothingRuns() throws Exception {
        Path dir = DemoFixture.write(tmp.resolve("run"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String lock = "{\"pid\":" + gone.pid() + ",\"started_at\":\"2026-11-21T10:00:00.000Z\",\"host\":\""
                + InetAddress.getLocalHost().getHostName()
                + "\",\"operator\":\"ghost\",\"command\":\"cutover execute\"}\n";
        Files.writeString(dir.resolve("RUNNING.lock"), lock);
        Path answers = DemoFixture.answers(tmp, DemoFixture.APPROVE_ALL);

        CutoverProcess.Result r =
                CutoverProcess.run(tmp, "execute", "--run-dir", dir.toString(), "--answers", answers.toString());

        assertThat(r.exit()).as(r.both()).isEqualTo(3);
        assertThat(r.err())
                .contains("Stale lock")
                .contains("pid=" + gone.pid())
                .contains("operator ghost")
                .contains("Re-run with --resume");
        assertThat(Files.readString(dir.resolve("RUNNING.lock"))).isEqualTo(lock);
        assertThat(dir.resolve("execution-log.jsonl")).doesNotExist();
        assertThat(dir.resolve("execution-steps.json")).doesNotExist();
        assertThat(dir.resolve("service/target")).doesNotExist();
    }

    @Test
    void verifyJournalExitsSixNamingAnEditedMiddleLine() throws Exception {
        Path dir = DemoFixture.write(tmp.resolve("run"));
        Path cancel = DemoFixture.answers(tmp, "go-no-go * cancel\n");
        assertThat(CutoverProcess.run(tmp, "execute", "--run-dir", dir.toString(), "--answers", cancel.toString())
                        .exit())
                .isEqualTo(5);
        Path journal = dir.resolve("execution-log.jsonl");
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        int middle = lines.size() / 2; // 0-based index; line number middle + 1
        assertThat(lines.get(middle)).contains("\"operator\":\"it-operator\"");
        CutoverProcess.Result intact = CutoverProcess.run(tmp, "verify-journal", "--run-dir", dir.toString());
        assertThat(intact.exit()).as(intact.both()).isZero();
        // Still valid JSON and schema-valid: only the hash chain can tell.
        lines.set(middle, lines.get(middle).replace("\"operator\":\"it-operator\"", "\"operator\":\"mallory\""));
        Files.write(journal, lines, StandardCharsets.UTF_8);

        CutoverProcess.Result r = CutoverProcess.run(tmp, "verify-journal", "--run-dir", dir.toString());

        assertThat(r.exit()).as(r.both()).isEqualTo(6);
        // The chain breaks at the next line, whose message names the edited one.
        assertThat(r.err())
                .contains("DAMAGED")
                .contains("line " + (middle + 2) + ": prev_sha256 does not match the SHA-256 of line " + (middle + 1))
                .contains("line " + (middle + 1) + " was changed");
    }

    private static List<Long> withDescendants(CutoverProcess.Running run) {
        List<Long> pids = new java.util.ArrayList<>(List.of(run.process().pid()));
        run.process().descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }
}
