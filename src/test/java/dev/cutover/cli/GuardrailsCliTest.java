package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.app.CompileService;
import dev.cutover.app.DemoRunDirectory;
import dev.cutover.input.RunDirectory;
import dev.cutover.testing.Rehearsals;
import dev.cutover.testing.RunDirFixtures;
import dev.cutover.testing.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The guardrails through the command line: dry run, pre-flight and execute with an organisation file. */
class GuardrailsCliTest {
    @TempDir
    Path tmp;

    Path demo;

    @BeforeEach
    void setUp() {
        demo = new DemoRunDirectory(Clock.systemUTC()).write(tmp.resolve("demo"));
    }

    private void production() throws Exception {
        Files.writeString(demo.resolve("cutover.yaml"), """
                environment: production
                allowed_programs: [bash, cat, cmp, cp, diff, grep, ln, mkdir, readlink, rm, sha256sum, test, touch, true]
                poll_interval_seconds: 10
                approvers:
                  platform: [release-bot]
                """);
    }

    private static List<String> unchanged(Path dir) {
        return RunDirFixtures.snapshot(dir).stream()
                .filter(l -> !l.startsWith(".RUNNING.lock.flock "))
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"execute", "rollback"})
    void answersAndPipelineApprovalsTogetherAreAUsageErrorThatWritesNothing(String verb) throws Exception {
        Path answers = Files.writeString(tmp.resolve("answers.txt"), "approve * approve\n");
        List<String> before = unchanged(demo);

        CliRunner.Result r = CliRunner.run(
                verb,
                "--run-dir",
                demo.toString(),
                "--answers",
                answers.toString(),
                "--pipeline-approvals",
                answers.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--pipeline-approvals and --answers exclude each other");
        assertThat(unchanged(demo)).as("no journal, no report").isEqualTo(before);
    }

    @Test
    void theDryRunShowsThePointOfNoReturnTheTimelineAndEveryCommandOfEveryStep() throws Exception {
        List<String> before = unchanged(demo);
        byte[] steps = new CompileService()
                .compileInMemory(new RunDirectory(demo), Optional.empty())
                .stepsJson();

        CliRunner.Result r = CliRunner.run("execute", "--dry-run", "--run-dir", demo.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Point of no return: dp-phase4-030-switch-live (irreversible route53-change step")
                .contains("  POINT OF NO RETURN at this step:")
                .contains("T+0:00  cp-phase0-001-check-source")
                .contains("estimated 0:08 of time boxes");
        for (JsonNode s : new ObjectMapper().readTree(steps)) {
            if (s.path("tool").asText().equals("human")) {
                continue;
            }
            assertThat(r.out()).contains("verify:   " + s.path("verify_cmd").asText());
            if (!s.path("rollback_cmd").asText().isEmpty()) {
                assertThat(r.out())
                        .contains("rollback: " + s.path("rollback_cmd").asText());
            }
            if (s.path("long_running").asBoolean()) {
                assertThat(r.out()).contains("poll:     " + s.path("poll_cmd").asText());
            }
        }
        assertThat(unchanged(demo)).as("no journal, no lock file, nothing else").isEqualTo(before);
    }

    @Test
    void aPipelineOnlyProductionMayStillBeDryRunAndPreflightedButNotExecuted() throws Exception {
        production();
        Path org = Files.writeString(tmp.resolve("environments.yaml"), PreparePipelineTest.PIPELINE_ONLY);
        CliRunner.Result unrehearsed =
                CliRunner.run("execute", "--dry-run", "--run-dir", demo.toString(), "--org-config", org.toString());
        assertThat(unrehearsed.exit()).as(unrehearsed.err()).isZero();
        assertThat(unrehearsed.out())
                .contains("warning: execute will refuse (REHEARSAL_MISSING): rehearsal (required for production)");
        // Rehearsed in a sandbox copy (answers file, a short poll, anyone signs): environment and people, not plan.
        Scenario sandbox = Rehearsals.stagingCopy(Scenario.at(demo), tmp.resolve("sandbox"));
        sandbox.config(Files.readString(sandbox.dir().resolve("cutover.yaml"))
                .replace("environment: staging", "environment: sandbox")
                .replace("poll_interval_seconds: 10", "poll_interval_seconds: 0.2")
                .replace("approvers:\n  platform: [release-bot]", ""));
        CliRunner.Result rehearsal = CliRunner.run(
                "rehearse",
                "--run-dir",
                sandbox.dir().toString(),
                "--answers",
                Path.of("examples/demo-rehearse-all.txt").toAbsolutePath().toString());
        assertThat(rehearsal.exit()).as(rehearsal.out() + rehearsal.err()).isZero();
        Rehearsals.carry(sandbox.dir().resolve("rehearsal-evidence.json"), demo);
        List<String> before = unchanged(demo);

        CliRunner.Result dry =
                CliRunner.run("execute", "--dry-run", "--run-dir", demo.toString(), "--org-config", org.toString());
        CliRunner.Result preflight =
                CliRunner.run("preflight", "--run-dir", demo.toString(), "--org-config", org.toString());
        List<String> afterChecks = unchanged(demo);
        CliRunner.Result execute =
                CliRunner.run("execute", "--run-dir", demo.toString(), "--org-config", org.toString());

        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out())
                .contains("environment: production: approval up to per-step, direct mutation pipeline-only")
                .contains("target account (from the checklists; aws is not allowed, so not probed) 000000000002"
                        + " -> production");
        assertThat(preflight.exit()).as(preflight.err()).isZero();
        assertThat(preflight.out()).contains("warning: environment: direct mutation is pipeline-only for production");
        assertThat(afterChecks).isEqualTo(before);
        assertThat(execute.exit()).isEqualTo(3);
        assertThat(execute.err()).contains("execute refused: direct mutation is pipeline-only for production");
        assertThat(demo.resolve("service/target")).doesNotExist();
        assertThat(demo.resolve("RUNNING.lock")).doesNotExist();
    }

    @Test
    void productionRefusesAnswersAtTheCommandLineBeforeAnythingRuns() throws Exception {
        production();
        Path answers = Files.writeString(tmp.resolve("answers.txt"), "go-no-go * proceed\napprove * approve\n");

        CliRunner.Result r = CliRunner.run("execute", "--run-dir", demo.toString(), "--answers", answers.toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("--answers is refused: answers files are refused for production");
        assertThat(demo.resolve("service/target")).doesNotExist();
        assertThat(demo.resolve("RUNNING.lock")).doesNotExist();
    }

    @Test
    void anInvalidOrganisationFileExits2NamingFilePointerAndFix() throws Exception {
        Path org = Files.writeString(tmp.resolve("environments.yaml"), """
                environments:
                  production:
                    approval: unattended
                    accounts: ["12"]
                """);

        CliRunner.Result r = CliRunner.run("preflight", "--run-dir", demo.toString(), "--org-config", org.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains(org + ": /environments/production/accounts/0:")
                .contains("fix:")
                .contains("next: Fix every problem listed (file, JSON pointer, fix)");
    }

    @Test
    void anUnknownApprovalModeIsAUsageError() {
        CliRunner.Result r = CliRunner.run("execute", "--run-dir", demo.toString(), "--approval", "whenever");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--approval whenever: use per-step, destructive-only or unattended");
    }
}
