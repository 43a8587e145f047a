package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cutover.app.CompileService;
import dev.cutover.app.DemoRunDirectory;
import dev.cutover.approval.AnswersFileApprover;
import dev.cutover.engine.LoadedPlan;
import dev.cutover.engine.PipelineApprovalRules;
import dev.cutover.engine.PipelineGate;
import dev.cutover.input.RunDirectory;
import dev.cutover.testing.Rehearsals;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cutover prepare-pipeline} against real git repositories in temp folders. */
class PreparePipelineTest {
    static final String PIPELINE_ONLY = """
            environments:
              production:
                accounts: ["000000000001", "000000000002"]
                direct_mutation: pipeline-only
            """;

    @TempDir
    Path tmp;

    Path runDir;
    Path org;
    GitFixture repo;

    @BeforeEach
    void setUp() throws Exception {
        // The demo with its copy job made synchronous, so the staging rehearsal below runs without waiting.
        runDir = Scenario.at(new DemoRunDirectory(Clock.systemUTC()).write(tmp.resolve("run")))
                .editItem("dp-phase2-010-copy-data", item -> item.put("command", Scenario.SYNC_COPY))
                .dir();
        Files.writeString(runDir.resolve("cutover.yaml"), """
                environment: production
                allowed_programs: [bash, cat, cmp, cp, diff, grep, ln, mkdir, readlink, rm, sha256sum, test, touch, true]
                poll_interval_seconds: 10
                approvers:
                  platform: [release-bot]
                """);
        org = Files.writeString(tmp.resolve("environments.yaml"), PIPELINE_ONLY);
        repo = GitFixture.init(tmp.resolve("repo"));
        rehearseInStaging(runDir, tmp.resolve("staging"));
    }

    /** Production needs a successful rehearsal of the plan on record before a pipeline change is prepared. */
    static void rehearseInStaging(Path runDir, Path staging) {
        Scenario copy = Rehearsals.stagingCopy(Scenario.at(runDir), staging).env("USER", "release-bot");
        Rehearsals.Outcome rehearsed = Rehearsals.rehearse(copy, new ScriptedApprover());
        assertThat(rehearsed.result().exitCode()).as(rehearsed.run().output()).isZero();
        Rehearsals.carry(rehearsed.evidence(), runDir);
    }

    @Test
    void withoutASuccessfulRehearsalOfThePlanNothingIsCommittedTheJobWouldBeRefused() throws Exception {
        Files.delete(runDir.resolve("rehearsal-evidence.json"));
        String headBefore = repo.ok("rev-parse", "HEAD");

        CliRunner.Result r = prepare();

        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        assertThat(r.err())
                .contains("prepare-pipeline refused: the pipeline job's pre-flight would refuse this run")
                .contains("Rehearsal (required for production");
        assertThat(repo.ok("branch", "--list").lines().map(String::strip)).containsExactly("* main");
        assertThat(repo.ok("rev-parse", "HEAD")).isEqualTo(headBefore);
    }

    private CliRunner.Result prepare(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "prepare-pipeline",
                "--run-dir",
                runDir.toString(),
                "--org-config",
                org.toString(),
                "--repo",
                repo.dir().toString()));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void aPipelineOnlyProductionGetsABranchWithTheExpectedFilesAndTheCheckoutIsUntouched() throws Exception {
        String headBefore = repo.ok("rev-parse", "HEAD");

        CliRunner.Result r = prepare();

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Created branch cutover/demo")
                .contains("nothing was pushed")
                .contains("git -C " + repo.dir() + " push -u origin cutover/demo")
                .contains("gh pr create --head cutover/demo");
        assertThat(repo.ok("ls-tree", "-r", "--name-only", "cutover/demo")
                        .lines()
                        .toList())
                .contains(
                        "cutover/demo/execution-steps.json",
                        "cutover/demo/cutover-checklist-control-plane.json",
                        "cutover/demo/cutover-checklist-control-plane.md",
                        "cutover/demo/cutover-checklist-data-plane.json",
                        "cutover/demo/cutover-checklist-data-plane.md",
                        "cutover/demo/migration-plan.json",
                        "cutover/demo/data-migration-plan.json",
                        "cutover/demo/dependency-graph.json",
                        "cutover/demo/hardcoded-values.json",
                        "cutover/demo/resource-ownership.json",
                        "cutover/demo/cutover.yaml",
                        "cutover/demo/pipeline-approvals.txt",
                        "cutover/demo/pipeline-rollback-approvals.txt",
                        "cutover/demo/CHANGE.md",
                        "cutover/demo/pipeline/run-cutover.sh",
                        ".github/workflows/cutover-demo.yml")
                .noneMatch(f -> f.contains("service/") || f.contains("execution-log"));
        assertThat(repo.ok("ls-tree", "cutover/demo", "cutover/demo/pipeline/run-cutover.sh"))
                .startsWith("100755");
        assertThat(repo.ok("log", "-1", "--format=%s", "cutover/demo").strip())
                .isEqualTo("cutover: pipeline change for run demo (production)");
        assertThat(repo.ok("rev-list", "--count", "main..cutover/demo").strip()).isEqualTo("1");
        assertThat(repo.ok("rev-parse", "HEAD")).as("still on main").isEqualTo(headBefore);
        assertThat(repo.ok("symbolic-ref", "--short", "HEAD").strip()).isEqualTo("main");
        assertThat(repo.ok("status", "--porcelain")).isEmpty();
        assertThat(repo.ok("worktree", "list").lines()).hasSize(1);
        assertThat(repo.ok("remote")).as("nothing to push to, nothing pushed").isEmpty();
    }

    @Test
    void theRehearsalEvidenceOfTheRunDirectoryIsCommittedWithThePlanByteForByte() throws Exception {
        String evidence = Files.readString(runDir.resolve("rehearsal-evidence.json"));
        Files.createDirectories(runDir.resolve("rehearsals"));
        Files.writeString(runDir.resolve("rehearsals/staging-2.json"), "{\"format\": \"two\"}\n");
        Files.writeString(runDir.resolve("rehearsals/notes.txt"), "not evidence\n");

        CliRunner.Result r = prepare();

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(repo.ok("show", "cutover/demo:cutover/demo/rehearsal-evidence.json"))
                .isEqualTo(evidence);
        assertThat(repo.ok("show", "cutover/demo:cutover/demo/rehearsals/staging-2.json"))
                .isEqualTo("{\"format\": \"two\"}\n");
        assertThat(repo.ok("ls-tree", "-r", "--name-only", "cutover/demo")).doesNotContain("notes.txt");
    }

    @Test
    void theCommittedApprovalsChangeAndWorkflowDescribeAndBindThePlan() throws Exception {
        assertThat(prepare().exit()).isZero();

        byte[] steps = show("cutover/demo/execution-steps.json").getBytes(StandardCharsets.UTF_8);
        assertThat(show("cutover/demo/pipeline-approvals.txt"))
                .contains(PipelineGate.STEPS_HASH_PREFIX + PipelineGate.stepsSha256(steps))
                .contains("go-no-go       cp-phase0-000-run   proceed")
                .contains("approve        cp-phase1-010-create-target   approve   # command sha256 ")
                .contains("irreversible   dp-phase4-030-switch-live   approve")
                .contains("# approve        cp-phase4-001-confirm-reader   approve")
                .contains("# gate:platform  dp-phase4-001-announce   approve")
                .doesNotContain("\nfailure");
        assertThat(show("cutover/demo/pipeline-rollback-approvals.txt"))
                .contains(PipelineGate.STEPS_HASH_PREFIX + PipelineGate.stepsSha256(steps))
                .contains(PipelineGate.Purpose.ROLLBACK.line())
                .contains("rollback       cp-phase1-010-create-target   approve   # rollback sha256 ")
                .contains("# irreversible   dp-phase4-030-switch-live   approve")
                .doesNotContain("\nirreversible")
                .doesNotContain("\napprove")
                .doesNotContain("go-no-go");
        assertThat(show("cutover/demo/pipeline-approvals.txt")).contains(PipelineGate.Purpose.EXECUTE.line());
        assertThat(show("cutover/demo/CHANGE.md"))
                .contains("## Summary", "## Risks", "## Point of no return", "## Rollback", "## Go/no-go gates")
                .contains("`dp-phase4-030-switch-live`: irreversible route53-change step")
                .contains("- `cp-phase1-010-create-target`: `rm -rf service/target`")
                .contains("environments file environments.yaml")
                .doesNotContain(tmp.toString());
        JsonNode workflow = new YAMLMapper().readTree(show(".github/workflows/cutover-demo.yml"));
        assertThat(workflow.path("on").has("workflow_dispatch")).isTrue();
        JsonNode job = workflow.path("jobs").path("cutover");
        assertThat(job.path("environment").asText()).isEqualTo("production");
        assertThat(job.path("env").path(PipelineGate.GATE_VARIABLE).asText()).startsWith("github-run-");
        assertThat(job.path("steps").findValuesAsText("run"))
                .contains("bash cutover/demo/pipeline/run-cutover.sh \"$CUTOVER_MODE\"");
        JsonNode inputs = workflow.path("on").path("workflow_dispatch").path("inputs");
        assertThat(inputs.path("mode").path("options").toString()).isEqualTo("[\"run\",\"resume\",\"rollback\"]");
        assertThat(inputs.path("mode").path("default").asText()).isEqualTo("run");
        assertThat(workflow.path("permissions").path("actions").asText()).isEqualTo("read");
        JsonNode restore = job.path("steps").findParents("uses").stream()
                .filter(step -> step.path("uses").asText().startsWith("actions/download-artifact@"))
                .findFirst()
                .orElseThrow();
        assertThat(restore.path("if").asText()).isEqualTo("${{ inputs.mode != 'run' }}");
        assertThat(restore.path("with").path("name").asText()).isEqualTo("cutover-demo-journal");
        assertThat(restore.path("with").path("path").asText()).isEqualTo("cutover/demo");
        assertThat(restore.path("with").path("run-id").asText()).isEqualTo("${{ inputs.resume_from_run }}");
    }

    @Test
    void theGeneratedScriptRefusesWithoutTheGateAndRunsPreflightThenExecuteUnderIt() throws Exception {
        Checkout c = checkedOut();
        Path script = c.script();
        Path fake = c.fake();

        ScriptRun refused = runScript(script, fake, "true", "");
        ScriptRun notCi = runScript(script, fake, "", "github-run-1-1");
        ScriptRun released = runScript(script, fake, "true", "github-run-1-1");

        assertThat(refused.exit()).isEqualTo(3);
        assertThat(refused.err())
                .contains("CUTOVER_PIPELINE_APPROVED is not set")
                .contains("nothing was executed");
        assertThat(notCi.exit()).isEqualTo(3);
        assertThat(notCi.err()).contains("CI is not true");
        assertThat(released.exit()).as(released.err()).isZero();
        Path folder = c.folder();
        assertThat(Files.readAllLines(c.calls()))
                .as("only the released run called cutover: pre-flight, then execute with the approvals")
                .containsExactly(
                        "preflight --run-dir " + folder,
                        "execute --run-dir " + folder + " --pipeline-approvals " + folder + "/pipeline-approvals.txt");
    }

    @Test
    void theGeneratedScriptResumesOrRollsBackARunOnlyWithItsJournalInPlace() throws Exception {
        Checkout c = checkedOut();
        Path script = c.script();
        Path fake = c.fake();
        Path folder = c.folder();

        ScriptRun unknown = runScript(script, fake, "true", "github-run-2-1", "again");
        ScriptRun noJournal = runScript(script, fake, "true", "github-run-2-1", "resume");
        ScriptRun notReleased = runScript(script, fake, "true", "", "resume");
        Files.writeString(folder.resolve("execution-log.jsonl"), "{}\n");
        ScriptRun resumed = runScript(script, fake, "true", "github-run-2-1", "resume");
        ScriptRun rolledBack = runScript(script, fake, "true", "github-run-3-1", "rollback");

        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown mode 'again'").contains("nothing was executed");
        assertThat(noJournal.exit()).isEqualTo(2);
        assertThat(noJournal.err()).contains("resume needs the earlier run's journal");
        assertThat(notReleased.exit()).isEqualTo(3);
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(rolledBack.exit()).as(rolledBack.err()).isZero();
        assertThat(Files.readAllLines(c.calls()))
                .as("only the released runs with a journal called cutover: execute --resume, then rollback with the"
                        + " rollback approvals")
                .containsExactly(
                        "execute --resume --run-dir " + folder + " --pipeline-approvals " + folder
                                + "/pipeline-approvals.txt",
                        "rollback --run-dir " + folder + " --pipeline-approvals " + folder
                                + "/pipeline-rollback-approvals.txt");
    }

    @Test
    void theCommittedApprovalsKeepThePipelineRulesAsCommittedAndOnceReviewersUncommentTheirDecisions()
            throws Exception {
        Path folder = checkedOut().folder();
        LoadedPlan plan = new CompileService().loadForExecution(new RunDirectory(folder), Optional.empty());
        String decided = "(?m)^# ((approve|handoff|gate:[a-z]+|irreversible|rollback|param:[a-z0-9._-]+) +[cd]p-phase)";

        for (PipelineGate.Purpose purpose : PipelineGate.Purpose.values()) {
            Path file = folder.resolve(purpose.fileName());
            assertThat(PipelineApprovalRules.check(AnswersFileApprover.load(file), plan, purpose))
                    .as("%s as prepare-pipeline committed it", file)
                    .isEmpty();
            Files.writeString(file, Files.readString(file).replaceAll(decided, "$1"));
            assertThat(PipelineApprovalRules.check(AnswersFileApprover.load(file), plan, purpose))
                    .as("%s with every commented decision taken", file)
                    .isEmpty();
        }
        assertThat(Files.readString(folder.resolve("pipeline-approvals.txt")))
                .contains("\napprove        cp-phase4-001-confirm-reader   approve");
    }

    /** The prepared branch checked out, and a fake cutover that appends its arguments to {@code calls}. */
    private record Checkout(Path script, Path fake, Path calls, Path folder) {}

    private Checkout checkedOut() throws Exception {
        assertThat(prepare().exit()).isZero();
        Path checkout = tmp.resolve("checkout");
        repo.ok("worktree", "add", "--quiet", checkout.toString(), "cutover/demo");
        Path calls = tmp.resolve("calls.log");
        Path fake = dev.cutover.testing.Scenario.executable(
                tmp.resolve("bin/cutover"), "#!/bin/bash\necho \"$*\" >> " + calls + "\n");
        return new Checkout(
                checkout.resolve("cutover/demo/pipeline/run-cutover.sh"),
                fake,
                calls,
                checkout.resolve("cutover/demo").toRealPath());
    }

    private record ScriptRun(int exit, String err) {}

    private ScriptRun runScript(Path script, Path fakeCutover, String ci, String gate, String... mode)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(mode));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("CI", ci);
        pb.environment().put(PipelineGate.GATE_VARIABLE, gate);
        pb.environment().put("CUTOVER_ORG_CONFIG", org.toString());
        pb.environment().put("CUTOVER", fakeCutover.toString());
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new ScriptRun(p.waitFor(), err);
    }

    private String show(String path) throws Exception {
        return repo.ok("show", "cutover/demo:" + path);
    }
}
