package dev.cutover.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.app.CompileService;
import dev.cutover.app.DemoRunDirectory;
import dev.cutover.app.ExecuteService;
import dev.cutover.app.JournalEndOfRunWriter;
import dev.cutover.app.RollbackService;
import dev.cutover.approval.AnswersFileApprover;
import dev.cutover.approval.Approver;
import dev.cutover.engine.ApproverFactory;
import dev.cutover.engine.CutoverEngine;
import dev.cutover.engine.ExecuteRequest;
import dev.cutover.engine.GuardOptions;
import dev.cutover.engine.RunResult;
import dev.cutover.input.RunDirectory;
import dev.cutover.notify.NotificationSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A run directory for one engine test: the sandbox demo ({@link DemoRunDirectory}) with checklist items
 * rewritten through Jackson, run in-process through {@link CutoverEngine} and {@link ExecuteService} with a
 * {@link TestClock}, a {@link RecordingSleeper}, a {@link ScriptedApprover} and the real command runner running
 * real bash commands in the temp folder. Every run's journal is verified and schema-checked line by line.
 */
public final class Scenario {
    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    public static final String CP = "cutover-checklist-control-plane.json";
    public static final String DP = "cutover-checklist-data-plane.json";
    /** The demo's background copy made synchronous, so polling it needs no real waiting. */
    public static final String SYNC_COPY = "bash -c 'cp -R service/source/demo-data/. service/target/demo-data/"
            + " && echo SUCCESS > service/copy-job.state'";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String[] SECTIONS = {"pre_cutover", "during_cutover", "post_cutover"};

    private final Path dir;
    private final TestClock clock = new TestClock(START);
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final Map<String, String> env = new HashMap<>(System.getenv());
    private String sourceProfile;
    private String targetProfile;
    private String toolVersion = "test-version";
    private int maxParallelJobs = ExecuteRequest.DEFAULT_MAX_PARALLEL_JOBS;
    private NotificationSettings notifications;
    private GuardOptions guard = GuardOptions.none();
    private Path answersFile;

    private Scenario(Path dir) {
        this.dir = dir;
        env.put("USER", "tester");
    }

    /**
     * The demo written into {@code tmp/run}, its copy job made synchronous and its configuration copy without a
     * rollback command. The shipped demo gives that step one (so it passes {@code cutover review}); without it the
     * step is the plan's point of no return (a command step without rollback after data moved), a point that is
     * not also irreversible, which the engine tests walk through.
     */
    public static Scenario demo(Path tmp) {
        Path dir = tmp.resolve("run");
        new DemoRunDirectory(java.time.Clock.fixed(START, java.time.ZoneOffset.UTC)).write(dir);
        return new Scenario(dir)
                .editItem("dp-phase2-010-copy-data", i -> i.put("command", SYNC_COPY))
                .editItem("dp-phase3-010-copy-config", i -> i.remove("rollback_command"));
    }

    /** A scenario over an existing run directory (e.g. a copy of another scenario's, cut short). */
    public static Scenario at(Path dir) {
        return new Scenario(dir);
    }

    public Path dir() {
        return dir;
    }

    public TestClock clock() {
        return clock;
    }

    /** The sleeper this scenario's commands use (it records, never waits). */
    RecordingSleeper sleeper() {
        return sleeper;
    }

    /** Rewrites the item {@code itemId} of either checklist, in whichever section it is. */
    public Scenario editItem(String itemId, Consumer<ObjectNode> edit) {
        for (String file : new String[] {CP, DP}) {
            ObjectNode root = read(file);
            for (JsonNode phase : root.path("phases")) {
                for (String section : SECTIONS) {
                    for (JsonNode item : phase.path(section)) {
                        if (item.path("id").asText().equals(itemId)) {
                            edit.accept((ObjectNode) item);
                            write(file, root);
                            return this;
                        }
                    }
                }
            }
        }
        throw new IllegalArgumentException("no checklist item " + itemId);
    }

    /** The brief's name for {@link #editItem} on a during-cutover item. */
    public Scenario replaceDuringItem(String itemId, Consumer<ObjectNode> edit) {
        return editItem(itemId, edit);
    }

    /** Appends a new item (built by {@code fill} on an object holding only {@code id}) to a phase section. */
    /**
     * Adds a data-plane phase-3 step {@code stepId} that touches {@code service/target/config/{label}}: a step whose
     * command needs a runtime parameter ({@code label}), with or without a rollback command that removes it again.
     */
    public Scenario withLabelStep(String stepId, boolean withRollback) {
        return addItem(DP, 3, "during_cutover", stepId, item -> {
            item.put("description", "Label the target config.")
                    .put("owner_team", "platform")
                    .put("operation_type", "lambda-code-upload")
                    .put("tool", "shell")
                    .put("command", "touch service/target/config/{label}")
                    .put("long_running", false)
                    .put("verification_command", "test -e service/target/config/{label}");
            if (withRollback) {
                item.put("rollback_command", "rm -f service/target/config/{label}");
            }
            item.put("irreversible", false);
        });
    }

    public Scenario addItem(String file, int phase, String section, String id, Consumer<ObjectNode> fill) {
        return editJson(file, root -> {
            for (JsonNode p : root.path("phases")) {
                if (p.path("number").asInt() == phase) {
                    ObjectNode item = ((ArrayNode) p.path(section)).addObject().put("id", id);
                    fill.accept(item);
                    return;
                }
            }
            throw new IllegalArgumentException("no phase " + phase + " in " + file);
        });
    }

    /** Edits any JSON input file of the run directory. */
    public Scenario editJson(String file, Consumer<ObjectNode> edit) {
        ObjectNode root = read(file);
        edit.accept(root);
        write(file, root);
        return this;
    }

    /** Adds {@code team} to the approvers of the demo's data-plane go/no-go gate (phase 4, Cutover). */
    public Scenario addDataPlaneGateTeam(String team) {
        return editJson(
                DP,
                root -> ((ArrayNode)
                                root.path("phases").get(3).path("go_no_go_gate").path("approvers"))
                        .add(team));
    }

    /** Replaces {@code cutover.yaml}. */
    public Scenario config(String yaml) {
        return file("cutover.yaml", yaml);
    }

    /** Writes a file (e.g. a helper script) relative to the run directory. */
    public Scenario file(String relative, String content) {
        try {
            Path f = dir.resolve(relative);
            Files.createDirectories(f.getParent());
            Files.writeString(f, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an executable file anywhere (e.g. a fake program on the child's PATH). */
    public static Path executable(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a variable of the executor's environment, which the commands inherit. */
    public Scenario env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Scenario profiles(String source, String target) {
        this.sourceProfile = source;
        this.targetProfile = target;
        return this;
    }

    /** How webhook notifications are delivered (e.g. to a local receiver, with a recorded backoff). */
    public Scenario notifications(NotificationSettings settings) {
        this.notifications = settings;
        return this;
    }

    /** The environment guardrail options (org file, approval mode, pipeline approvals) the run asks for. */
    public Scenario guard(GuardOptions options) {
        this.guard = options;
        return this;
    }

    /** Runs with {@code --answers FILE} (a real answers-file approver; refused where the environment says so). */
    public Scenario answersFile(Path file) {
        this.answersFile = file;
        return this;
    }

    /** Runs {@code cutover execute} in-process and checks the journal it wrote. */
    public RunOutcome run(ScriptedApprover approver) {
        return execute(approver, false);
    }

    /** Runs {@code cutover execute --resume} in-process and checks the whole journal. */
    public RunOutcome resume(ScriptedApprover approver) {
        return execute(approver, true);
    }

    /** The version this scenario's executor reports ({@code plugin_version} of a journal it creates). */
    public Scenario toolVersion(String version) {
        this.toolVersion = version;
        return this;
    }

    /** Runs with {@code --max-parallel-jobs n}; 0 is {@code --sequential}. */
    public Scenario maxParallelJobs(int n) {
        this.maxParallelJobs = n;
        return this;
    }

    /**
     * Cuts the journal back to just after the first entry of {@code stepId} with {@code event} and deletes the
     * end-of-run files: the run directory as if the process had died right after that fsync. Side effects of
     * what ran later stay, exactly like commands that finished before a kill.
     */
    public Scenario crashAfter(String stepId, String event) {
        return crashAfter(stepId, event, 1);
    }

    /**
     * Cuts the journal after the {@code occurrence}-th (from 1) {@code event} of {@code stepId}, e.g. the second
     * {@code approved} of a step at the point of no return: its crossing, after which the command starts.
     */
    public Scenario crashAfter(String stepId, String event, int occurrence) {
        Path journal = dir.resolve("execution-log.jsonl");
        try {
            List<String> lines = Files.readAllLines(journal);
            int seen = 0;
            for (int i = 1; i < lines.size(); i++) {
                JsonNode e = JSON.readTree(lines.get(i));
                if (e.path("step_id").asText().equals(stepId)
                        && e.path("event").asText().equals(event)
                        && ++seen == occurrence) {
                    Files.writeString(journal, String.join("\n", lines.subList(0, i + 1)) + "\n");
                    Files.deleteIfExists(dir.resolve("execution-summary.json"));
                    Files.deleteIfExists(dir.resolve("execution-report.md"));
                    Files.deleteIfExists(dir.resolve("execution-report.html"));
                    return this;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no " + event + " #" + occurrence + " of " + stepId + " in " + journal);
    }

    private RunOutcome execute(ScriptedApprover approver, boolean resume) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        RunResult result = new ExecuteService(new CompileService(), engine(approver, out), endOfRun())
                .execute(request(resume), Optional.empty());
        out.flush();
        return RunOutcome.of(result, dir, approver, sleeper, text.toString());
    }

    /** Runs {@code cutover rollback} in-process (the approver plays the terminal) and checks the whole journal. */
    public RunOutcome rollback(ScriptedApprover approver) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        RollbackService.Result result = new RollbackService(new CompileService(), engine(approver, out), endOfRun())
                .rollback(request(true), Optional.empty());
        out.flush();
        return RunOutcome.of(result.run(), dir, approver, sleeper, text.toString());
    }

    /** The engine this scenario's commands use: test clock and sleeper, {@code approver} at the "terminal". */
    public CutoverEngine engine(Approver approver, PrintWriter out) {
        CutoverEngine engine =
                new CutoverEngine(clock, sleeper, out, factory(approver), () -> "test-host", Optional::empty);
        return notifications == null ? engine : engine.withNotifications(notifications);
    }

    /** The end-of-run writer on this scenario's clock. */
    public JournalEndOfRunWriter endOfRun() {
        return new JournalEndOfRunWriter(clock);
    }

    /** The request {@code cutover execute} (or rollback, rehearse) gets for this run directory. */
    public ExecuteRequest request(boolean resume) {
        return new ExecuteRequest(
                new RunDirectory(dir),
                resume,
                false,
                sourceProfile,
                targetProfile,
                env,
                answersFile,
                toolVersion,
                maxParallelJobs,
                guard);
    }

    private static ApproverFactory factory(Approver approver) {
        return new ApproverFactory() {
            @Override
            public Approver terminal() {
                return approver;
            }

            @Override
            public Approver answers(AnswersFileApprover file) {
                return file;
            }
        };
    }

    private ObjectNode read(String file) {
        try {
            return (ObjectNode) JSON.readTree(dir.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String file, ObjectNode root) {
        try {
            JSON.writeValue(dir.resolve(file).toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
