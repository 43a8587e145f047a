package dev.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * N real {@code cutover execute} processes started at once on one fresh run directory: the OS lock lets
 * exactly one run, every other exits 4 naming the live holder, and nothing but the winner reaches the journal.
 *
 * <p>The winner cannot finish before the losers have tried: the demo's copy job waits (bounded) until the
 * test creates {@code service/release}, which it does only after every other process has exited.
 */
class ConcurrentExecuteIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RELEASE = "service/release";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} processes")
    @ValueSource(ints = {2, 5, 8})
    void exactlyOneOfNConcurrentExecutesRunsAndEveryOtherExitsFourNamingTheLiveHolder(int n) throws Exception {
        Path dir = DemoFixture.write(tmp.resolve("run"));
        copyJobWaitsForRelease(dir);
        Path answers = DemoFixture.answers(tmp, DemoFixture.APPROVE_ALL);
        List<CutoverProcess.Running> runs = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                runs.add(CutoverProcess.start(
                        tmp.resolve("out-" + i),
                        List.of(),
                        Map.of("USER", operator(i)),
                        "execute",
                        "--run-dir",
                        dir.toString(),
                        "--answers",
                        answers.toString()));
            }
            awaitExited(runs, n - 1);
            int w = alive(runs);
            long winnerPid = runs.get(w).process().pid();
            // Deterministic: a latecomer arrives while the winner is certainly past pre-flight (it journaled
            // lock-acquired and waits in its copy job), so RUNNING.lock names it.
            CutoverProcess.awaitFile(
                    runs.get(w),
                    dir.resolve("execution-log.jsonl"),
                    j -> j.contains("\"event\":\"poll-tick\""),
                    "the winner polling its copy job");
            JsonNode holder = JSON.readTree(dir.resolve("RUNNING.lock").toFile());
            assertThat(holder.path("pid").asLong()).isEqualTo(winnerPid);
            assertThat(holder.path("operator").asText()).isEqualTo(operator(w));
            String host = holder.path("host").asText();
            CutoverProcess.Result late = CutoverProcess.start(
                            tmp.resolve("out-late"),
                            List.of(),
                            Map.of("USER", "it-operator-late"),
                            "execute",
                            "--run-dir",
                            dir.toString(),
                            "--answers",
                            answers.toString())
                    .awaitExit();
            assertThat(late.exit()).as(late.both()).isEqualTo(4);
            assertNamesHolder(late, winnerPid, operator(w), host);

            Files.writeString(dir.resolve(RELEASE), "go\n");
            List<CutoverProcess.Result> results = new ArrayList<>();
            for (CutoverProcess.Running run : runs) {
                results.add(run.awaitExit());
            }

            assertThat(results.get(w).exit())
                    .as("the winner, process %d: %s", w, describe(results))
                    .isZero();
            assertThat(results.get(w).out()).contains("Verdict: completed");
            JsonNode summary =
                    JSON.readTree(dir.resolve("execution-summary.json").toFile());
            assertThat(summary.path("verdict").asText()).isEqualTo("completed");
            int namedHolder = 0;
            for (int i = 0; i < n; i++) {
                if (i == w) {
                    continue;
                }
                CutoverProcess.Result loser = results.get(i);
                assertThat(loser.exit()).as("process %d: %s", i, loser.both()).isEqualTo(4);
                if (loser.err().contains("Another cutover run is live")) {
                    assertNamesHolder(loser, winnerPid, operator(w), host);
                    namedHolder++;
                } else {
                    // It probed while the winner was still in pre-flight: the winner held the OS lock but had
                    // not written RUNNING.lock yet (docs/preflight.md), so there is no holder to name.
                    assertThat(loser.err())
                            .as("process %d: %s", i, loser.both())
                            .contains("Another cutover process on this host holds the OS lock on "
                                    + dir.resolve(".RUNNING.lock.flock"))
                            .contains("still in pre-flight");
                }
            }
            System.out.printf(
                    "concurrent execute n=%d: winner process %d; %d of %d losers named the holder, the rest"
                            + " probed during its pre-flight%n",
                    n, w, namedHolder, n - 1);

            CutoverProcess.assertJournalValid(dir);
            List<JsonNode> entries = FaultPlan.entries(dir);
            assertThat(entries.stream().filter(e -> e.path("event").asText().equals("lock-acquired")))
                    .hasSize(1);
            assertThat(entries.stream().filter(e -> e.path("event").asText().equals("lock-released")))
                    .hasSize(1);
            assertThat(entries)
                    .as("every journal entry is the winner's")
                    .allSatisfy(e -> assertThat(e.path("operator").asText()).isEqualTo(operator(w)));
            assertThat(entries.stream().filter(e -> e.path("event").asText().equals("step-started")))
                    .as("each step started once")
                    .hasSize(summary.path("steps_total").asInt());
            assertThat(dir.resolve("RUNNING.lock")).doesNotExist();
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .as("no other journal (a pre-flight failure would write execution-log.preflight-*.jsonl)")
                        .filteredOn(name -> name.startsWith("execution-log"))
                        .containsExactly("execution-log.jsonl");
            }
        } finally {
            Files.writeString(dir.resolve(RELEASE), "go\n");
            runs.forEach(CutoverProcess.Running::close);
            awaitCopyJobEnded(dir);
        }
    }

    private static void assertNamesHolder(CutoverProcess.Result loser, long pid, String operator, String host) {
        assertThat(loser.err())
                .as("names the live holder: %s", loser.both())
                .contains("Another cutover run is live in this run directory")
                .contains("pid=" + pid)
                .contains("operator " + operator)
                .contains("host " + host);
    }

    /** The index of the only process of {@code runs} still running. */
    private static int alive(List<CutoverProcess.Running> runs) throws Exception {
        List<Integer> alive = new ArrayList<>();
        StringBuilder ended = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).process().isAlive()) {
                alive.add(i);
            } else {
                ended.append("\n--- process ")
                        .append(i)
                        .append(" exit ")
                        .append(runs.get(i).process().exitValue());
                ended.append('\n').append(runs.get(i).output());
            }
        }
        assertThat(alive).as("processes still running; the others:%s", ended).hasSize(1);
        return alive.get(0);
    }

    private static String operator(int i) {
        return "it-operator-" + i;
    }

    /**
     * The demo's copy job, but it copies only once {@code service/release} exists (polling for at most 120 s,
     * so a failed test never leaves it behind for long).
     */
    private static void copyJobWaitsForRelease(Path dir) throws Exception {
        DemoFixture.editJson(
                dir,
                DemoFixture.DP_JSON,
                root -> DemoFixture.dpItem(root, DemoFixture.COPY_STEP)
                        .put(
                                "command",
                                "bash -c 'echo RUNNING > service/copy-job.state; nohup bash -c \"n=0; while [ ! -e "
                                        + RELEASE + " ] && [ \\$n -lt 1200 ]; do sleep 0.1; n=\\$((n+1)); done;"
                                        + " cp -R service/source/demo-data/. service/target/demo-data/"
                                        + " && echo SUCCESS > service/copy-job.state"
                                        + " || echo ERROR > service/copy-job.state\" > /dev/null 2>&1 &'"));
        DemoFixture.allowAlso(dir, "sleep");
    }

    /**
     * After a failure the copy job may outlive its killed run: released, it ends within a poll; wait (at most
     * 10 s) so it does not write into the temporary directory while JUnit deletes it.
     */
    private static void awaitCopyJobEnded(Path dir) throws Exception {
        Path state = dir.resolve("service/copy-job.state");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.exists(state)
                && Files.readString(state).strip().equals("RUNNING")
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Waits (bounded) until at least {@code count} of {@code runs} have exited. */
    private static void awaitExited(List<CutoverProcess.Running> runs, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CutoverProcess.PATIENCE_SECONDS);
        while (runs.stream().filter(r -> !r.process().isAlive()).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only "
                        + runs.stream().filter(r -> !r.process().isAlive()).count() + " of " + runs.size()
                        + " processes exited; expected " + count);
            }
            Thread.sleep(50);
        }
    }

    private static String describe(List<CutoverProcess.Result> results) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < results.size(); i++) {
            b.append("\n--- process ")
                    .append(i)
                    .append(" exit ")
                    .append(results.get(i).exit())
                    .append('\n');
            b.append(results.get(i).both());
        }
        return b.toString();
    }
}
