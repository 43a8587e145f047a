package dev.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A sandbox run directory for crash and resume tests: the demo ({@link DemoFixture#write}) plus steps whose
 * side effects can be counted afterwards.
 *
 * <ul>
 *   <li><b>Non-idempotent steps</b> ({@link #NON_IDEMPOTENT}): execute appends one line naming the step to
 *       {@code service/ledger/<step>}; verify only reads it. The ledger's line count is how many times the
 *       execute really ran.
 *   <li><b>Long-running steps</b> ({@link #LONG_RUNNING}): execute writes {@code RUNNING} to
 *       {@code service/jobs/<job-id>.state}, appends the job id to {@code service/jobs/starts.log}, starts a real
 *       background job (sleeps a second or two, then writes {@code SUCCESS}) and prints only
 *       {@code {"JobId":"<job-id>"}}. Job ids start with the step id and are unique per start; the poll is
 *       {@code cat service/jobs/{job-id}.state}.
 * </ul>
 *
 * <p>{@code service/ledger} and {@code service/jobs} are created by an early control-plane step
 * ({@link #CREATE_DIRS}), not by the fixture, so a run that skipped it could not pass.
 */
final class FaultPlan {
    static final String CP_JSON = "cutover-checklist-control-plane.json";
    static final String CP_MD = "cutover-checklist-control-plane.md";

    /** Creates {@code service/ledger} and {@code service/jobs} ({@code mkdir -p}: idempotent). */
    static final String CREATE_DIRS = "cp-phase1-020-create-ledger-dirs";

    /** Control-plane check that the directories exist (verify-only). */
    static final String CHECK_DIRS = "cp-phase6-091-ledger-dirs-ready";

    /** Steps whose execute appends a line to {@code service/ledger/<step>}. */
    static final List<String> NON_IDEMPOTENT = List.of(
            "cp-phase2-010-register-storage",
            "cp-phase3-010-register-database",
            "dp-phase1-010-register-prestage",
            "dp-phase3-020-register-app-a",
            "dp-phase3-030-register-app-b",
            "dp-phase3-040-register-app-c",
            "dp-phase5-010-register-audit");

    /** Steps that start a background job and are polled until it reports SUCCESS. */
    static final List<String> LONG_RUNNING =
            List.of("dp-phase2-020-job-index", "dp-phase2-030-job-archive", "dp-phase3-050-job-warmup");

    /** The long-running step whose job takes longest (3 s): its first poll-tick or two say RUNNING. */
    static final String SLOW_JOB = LONG_RUNNING.get(1);

    /** How long each long-running step's job sleeps before it reports SUCCESS, in seconds. */
    private static final Map<String, Integer> JOB_SECONDS =
            Map.of(LONG_RUNNING.get(0), 1, SLOW_JOB, 3, LONG_RUNNING.get(2), 1);

    /** The demo's copy job sleeps 3 s; the fault plan's sleeps 1 s to keep rounds short. */
    private static final int COPY_JOB_SECONDS = 1;

    /** Total number of steps the plan compiles to (the demo's 15 plus the added ones). */
    static final int STEP_COUNT = 15 + 2 + NON_IDEMPOTENT.size() + LONG_RUNNING.size();

    /**
     * Answers for a run that may be resumed: everything approved; on resume, in-flight steps whose re-check
     * fails are retried, and a long-running step whose job id never reached the journal is answered "no job
     * is known" (then retried).
     */
    static final String RESUMABLE_ANSWERS = DemoFixture.APPROVE_ALL + "resume * retry\nparam:job-id * none\n";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JOB_ID = Pattern.compile("job-id=([A-Za-z0-9._:/@+=,-]+)");

    private FaultPlan() {}

    /** Writes the plan into {@code dir} (new or empty) and returns it. */
    static Path write(Path dir) throws IOException {
        DemoFixture.write(dir);
        DemoFixture.allowAlso(dir, "mv", "nohup", "printf", "sleep");
        DemoFixture.editJson(dir, CP_JSON, FaultPlan::addControlPlaneItems);
        DemoFixture.editJson(dir, DemoFixture.DP_JSON, FaultPlan::addDataPlaneItems);
        List<String> cpMd = new ArrayList<>();
        List<String> dpMd = new ArrayList<>();
        for (String id : added()) {
            (id.startsWith("cp-") ? cpMd : dpMd).add("- [ ] `" + id.substring(0, id.indexOf('-', 10)) + "` " + id);
        }
        appendLines(dir.resolve(CP_MD), cpMd);
        appendLines(dir.resolve(DemoFixture.DP_MD), dpMd);
        return dir;
    }

    private static List<String> added() {
        List<String> ids = new ArrayList<>(List.of(CREATE_DIRS, CHECK_DIRS));
        ids.addAll(NON_IDEMPOTENT);
        ids.addAll(LONG_RUNNING);
        return ids;
    }

    private static void appendLines(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    // ---- commands ------------------------------------------------------------------------------------------

    static Path ledger(Path dir, String step) {
        return dir.resolve("service/ledger").resolve(step);
    }

    /** Appends the step id to its own ledger: run twice, two lines. */
    private static String appendCommand(String step) {
        return "bash -c 'echo " + step + " >> service/ledger/" + step + "'";
    }

    /** Read-only: the ledger holds the step's line. */
    private static String ledgerVerify(String step) {
        return "grep -qx " + step + " service/ledger/" + step;
    }

    /**
     * Starts a background job with a fresh id; stdout is only {@code {"JobId":"…"}}. The job's state file is
     * replaced atomically ({@code mv}) so a poll never reads a half-written state.
     */
    private static String jobStartCommand(String step, int seconds) {
        String state = "service/jobs/$id.state";
        return "bash -c 'id=" + step + "-$$-$RANDOM; "
                + "echo RUNNING > " + state + "; "
                + "echo $id >> service/jobs/starts.log; "
                + "nohup bash -c \"sleep " + seconds
                + "; echo SUCCESS > service/jobs/$id.tmp && mv service/jobs/$id.tmp "
                + state + "\" > /dev/null 2>&1 & "
                + "printf \"{\\\"JobId\\\":\\\"%s\\\"}\\n\" $id'";
    }

    /**
     * Makes {@code step}'s first job end in ERROR at once (its first poll sees it); every later start's job
     * reports SUCCESS after {@code seconds}, so the failure dialog's retry has a job that runs that long.
     */
    static void failFirstStart(Path dir, String step, int seconds) throws IOException {
        Files.writeString(dir.resolve("service/flaky-start.sh"), """
                step=$1; seconds=$2; id=$step-$$-$RANDOM; final=SUCCESS
                if ! grep -q "^$step-" service/jobs/starts.log 2>/dev/null; then final=ERROR; seconds=0; fi
                echo RUNNING > service/jobs/$id.state
                echo $id >> service/jobs/starts.log
                nohup bash -c "sleep $seconds; echo $final > service/jobs/$id.tmp && mv service/jobs/$id.tmp \
                  service/jobs/$id.state" > /dev/null 2>&1 &
                printf '{"JobId":"%s"}\n' $id
                """);
        DemoFixture.editJson(
                dir,
                DemoFixture.DP_JSON,
                root -> DemoFixture.dpItem(root, step)
                        .put("command", "bash service/flaky-start.sh " + step + " " + seconds));
    }

    // ---- checklist items -----------------------------------------------------------------------------------

    private static void addControlPlaneItems(ObjectNode root) {
        ObjectNode networking = phase(root, 1);
        ((ArrayNode) networking.withArray("during_cutover"))
                .add(cpItem(
                        CREATE_DIRS,
                        "Create service/ledger and service/jobs for the fault-injection steps.",
                        "mkdir -p service/ledger service/jobs",
                        "test -d service/ledger"));
        phase(root, 2)
                .withArray("during_cutover")
                .add(cpItem(
                        NON_IDEMPOTENT.get(0),
                        "Register the storage (appends to its ledger: not idempotent).",
                        appendCommand(NON_IDEMPOTENT.get(0)),
                        ledgerVerify(NON_IDEMPOTENT.get(0))));
        phase(root, 3)
                .withArray("during_cutover")
                .add(cpItem(
                        NON_IDEMPOTENT.get(1),
                        "Register the database (appends to its ledger: not idempotent).",
                        appendCommand(NON_IDEMPOTENT.get(1)),
                        ledgerVerify(NON_IDEMPOTENT.get(1))));
        ObjectNode check = JSON.createObjectNode();
        check.put("id", CHECK_DIRS);
        check.put("description", "service/ledger and service/jobs exist before data moves.");
        check.put("owner_team", "platform");
        check.put("verification_command", "test -d service/jobs");
        phase(root, 6).withArray("post_cutover").add(check);
    }

    private static ObjectNode cpItem(String id, String description, String command, String verify) {
        ObjectNode item = JSON.createObjectNode();
        item.put("id", id);
        item.put("description", description);
        item.put("owner_team", "platform");
        item.put("operation_type", "aws-cli");
        item.putNull("terraform_module");
        item.put("command", command);
        item.put("time_box_minutes", 1);
        item.put("verification_command", verify);
        return item;
    }

    private static void addDataPlaneItems(ObjectNode root) {
        DemoFixture.dpItem(root, DemoFixture.COPY_STEP)
                .put(
                        "command",
                        DemoFixture.dpItem(root, DemoFixture.COPY_STEP)
                                .path("command")
                                .asText()
                                .replace("sleep 3", "sleep " + COPY_JOB_SECONDS));
        phase(root, 1).withArray("during_cutover").add(dpAppendItem(NON_IDEMPOTENT.get(2), "pre-staging"));
        ArrayNode bulk = phase(root, 2).withArray("during_cutover");
        bulk.add(dpJobItem(LONG_RUNNING.get(0), "Build the search index in the background."));
        bulk.add(dpJobItem(LONG_RUNNING.get(1), "Archive the old exports in the background."));
        ArrayNode app = phase(root, 3).withArray("during_cutover");
        app.add(dpAppendItem(NON_IDEMPOTENT.get(3), "application A"));
        app.add(dpAppendItem(NON_IDEMPOTENT.get(4), "application B"));
        app.add(dpAppendItem(NON_IDEMPOTENT.get(5), "application C"));
        app.add(dpJobItem(LONG_RUNNING.get(2), "Warm the target caches in the background."));
        phase(root, 5).withArray("during_cutover").add(dpAppendItem(NON_IDEMPOTENT.get(6), "the audit trail"));
    }

    private static ObjectNode dpAppendItem(String id, String what) {
        ObjectNode item = dpItem(id, "Register " + what + " with the target (appends to its ledger: not idempotent).");
        item.put("operation_type", "lambda-code-upload");
        item.put("command", appendCommand(id));
        item.put("long_running", false);
        item.putArray("poll_terminal_states");
        item.put("verification_command", ledgerVerify(id));
        return item;
    }

    private static ObjectNode dpJobItem(String id, String description) {
        ObjectNode item = dpItem(id, description);
        item.put("operation_type", "datasync-start");
        item.put("command", jobStartCommand(id, JOB_SECONDS.get(id)));
        item.put("long_running", true);
        item.put("poll_cmd", "cat service/jobs/{job-id}.state");
        item.putArray("poll_terminal_states").add("SUCCESS").add("ERROR");
        item.put("verification_command", "grep -qx SUCCESS service/jobs/{job-id}.state");
        return item;
    }

    private static ObjectNode dpItem(String id, String description) {
        ObjectNode item = JSON.createObjectNode();
        item.put("id", id);
        item.put("description", description);
        item.put("owner_team", "platform");
        item.putNull("datastore_arn");
        item.put("tool", "shell");
        item.put("time_box_minutes", 1);
        item.put("irreversible", false);
        return item;
    }

    private static ObjectNode phase(ObjectNode root, int number) {
        for (JsonNode phase : root.withArray("phases")) {
            if (phase.path("number").asInt() == number) {
                return (ObjectNode) phase;
            }
        }
        throw new IllegalArgumentException("no phase " + number);
    }

    // ---- what a run left behind ----------------------------------------------------------------------------

    /** Lines of {@code service/ledger/<step>}: how many times the step's execute ran (0 when absent). */
    static int ledgerLines(Path dir, String step) throws IOException {
        Path ledger = ledger(dir, step);
        return Files.exists(ledger)
                ? Files.readAllLines(ledger, StandardCharsets.UTF_8).size()
                : 0;
    }

    /** Job ids in {@code service/jobs/starts.log} that {@code step} started, in start order. */
    static List<String> starts(Path dir, String step) throws IOException {
        Path log = dir.resolve("service/jobs/starts.log");
        if (!Files.exists(log)) {
            return List.of();
        }
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(id -> id.startsWith(step + "-"))
                .toList();
    }

    /** The journal's entries (line 1, the metadata, left out). */
    static List<JsonNode> entries(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("execution-log.jsonl"), StandardCharsets.UTF_8);
        List<JsonNode> entries = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            entries.add(JSON.readTree(line));
        }
        return entries;
    }

    /** The job id each long-running step's last {@code executed} entry captured. */
    static Map<String, String> capturedJobIds(Path dir) throws IOException {
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode e : entries(dir)) {
            if (LONG_RUNNING.contains(e.path("step_id").asText())
                    && "executed".equals(e.path("event").asText())) {
                Matcher m = JOB_ID.matcher(e.path("notes").asText(""));
                if (m.find()) {
                    ids.put(e.path("step_id").asText(), m.group(1));
                }
            }
        }
        return ids;
    }

    /**
     * Waits (bounded, 30 s) until every job under {@code service/jobs} has ended (SUCCESS or ERROR), so that jobs started by
     * a killed run do not write into a directory the test is about to inspect or delete. Returns whether they
     * all ended; safe in {@code finally} (it never throws for a job that is still running).
     */
    static boolean awaitJobsSettled(Path dir) throws IOException, InterruptedException {
        Path jobs = dir.resolve("service/jobs");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Files.isDirectory(jobs) && !runningJobs(jobs).isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private static List<String> runningJobs(Path jobs) throws IOException {
        try (Stream<Path> files = Files.list(jobs)) {
            List<String> running = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".state")).toList()) {
                String state = Files.readString(f, StandardCharsets.UTF_8).strip();
                if (!state.equals("SUCCESS") && !state.equals("ERROR")) {
                    running.add(f.getFileName().toString());
                }
            }
            return running;
        }
    }

    /**
     * The state a completed run must leave: target data and configuration equal the source,
     * {@code service/live} points at the target, every non-idempotent step's ledger holds its line, and every
     * job ever started (the ones in the journal included) ended in SUCCESS.
     */
    static void assertFinalState(Path dir) throws Exception {
        Path source = dir.resolve("service/source/demo-data");
        Path target = dir.resolve("service/target/demo-data");
        assertThat(CutoverProcess.files(target))
                .as("target data files")
                .isEqualTo(CutoverProcess.files(source))
                .isNotEmpty();
        for (String f : CutoverProcess.files(source)) {
            assertThat(Files.readAllBytes(target.resolve(f))).as(f).isEqualTo(Files.readAllBytes(source.resolve(f)));
        }
        assertThat(dir.resolve("service/target/config/app.conf"))
                .hasSameBinaryContentAs(dir.resolve("service/source/app.conf"));
        assertThat(Files.readSymbolicLink(dir.resolve("service/live"))).isEqualTo(Path.of("target", "demo-data"));
        for (String step : NON_IDEMPOTENT) {
            assertThat(ledger(dir, step)).as("ledger of " + step).exists();
            assertThat(Files.readAllLines(ledger(dir, step), StandardCharsets.UTF_8))
                    .as("ledger of " + step)
                    .isNotEmpty()
                    .containsOnly(step);
        }
        assertThat(awaitJobsSettled(dir))
                .as("every job ended: %s", runningJobs(dir.resolve("service/jobs")))
                .isTrue();
        Map<String, String> captured = capturedJobIds(dir);
        for (String step : LONG_RUNNING) {
            assertThat(starts(dir, step)).as("jobs started by " + step).isNotEmpty();
            for (String id : starts(dir, step)) {
                assertThat(Files.readString(dir.resolve("service/jobs/" + id + ".state"))
                                .strip())
                        .as("state of job " + id)
                        .isEqualTo("SUCCESS");
            }
            if (captured.containsKey(step)) {
                assertThat(starts(dir, step)).as("jobs of " + step).contains(captured.get(step));
            }
        }
    }
}
