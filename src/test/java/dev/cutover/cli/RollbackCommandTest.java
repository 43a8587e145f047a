package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.app.DemoRunDirectory;
import dev.cutover.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cutover rollback} from the command line, on the demo the README runs (issue 6's acceptance). */
class RollbackCommandTest {
    private static final Path APPROVE_ALL = Path.of("examples", "demo-approve-all.txt");
    private static final Path ROLLBACK_ALL = Path.of("examples", "demo-rollback-all.txt");

    @TempDir
    Path tmp;

    @Test
    void rollbackAfterTheCompletedDemoRestoresTheSourceStateStepByStep() throws Exception {
        Map<String, String> before = tree(new DemoRunDirectory(Clock.systemUTC())
                .write(tmp.resolve("pristine"))
                .resolve("service"));
        Path dir = tmp.resolve("demo");
        CliRunner.Result demo = CliRunner.run("demo", "--dir", dir.toString(), "--answers", APPROVE_ALL.toString());
        assertThat(demo.exit()).as(demo.out() + demo.err()).isZero();
        assertThat(tree(dir.resolve("service"))).isNotEqualTo(before);

        CliRunner.Result r =
                CliRunner.run("rollback", "--run-dir", dir.toString(), "--answers", ROLLBACK_ALL.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .contains("Rolled back:  dp-phase4-030-switch-live, dp-phase4-020-final-delta,"
                        + " dp-phase4-010-freeze-source, dp-phase2-010-copy-data, dp-phase3-010-copy-config,"
                        + " cp-phase1-010-create-target")
                .contains("Remains:      none")
                .contains("Verdict: completed");
        Map<String, String> after = tree(dir.resolve("service"));
        // Every step the demo ran has a rollback, so the source state is back exactly as it was; what is left is
        // the finished copy job's state file, which no step's rollback owns.
        Map<String, String> expected = new TreeMap<>(before);
        expected.put("copy-job.state", after.get("copy-job.state"));
        assertThat(after).isEqualTo(expected);
        assertThat(after).containsEntry("live", "-> source/demo-data").doesNotContainKey("target");
        assertThat(Files.readString(dir.resolve("execution-report.md")))
                .contains("| `dp-phase4-010-freeze-source` | rolled-back |")
                .contains("| `cp-phase1-010-create-target` | rolled-back |");
        assertThat(CliRunner.run("verify-journal", "--run-dir", dir.toString()).exit())
                .isZero();
    }

    @Test
    void theRollbackOfARunThatStoppedShortPrintsTheVerdictTheSummaryAndStatusCarryAndExitsZero() throws Exception {
        Path dir = new DemoRunDirectory(Clock.systemUTC()).write(tmp.resolve("demo"));
        Path stopAtFreeze = Files.writeString(
                tmp.resolve("stop-at-freeze.txt"),
                "go-no-go * proceed\nhandoff * approve\ngate * approve\napprove dp-phase4-010-freeze-source abort\n"
                        + "approve * approve\nirreversible * approve\n");
        CliRunner.Result execute =
                CliRunner.run("execute", "--run-dir", dir.toString(), "--answers", stopAtFreeze.toString());
        assertThat(execute.exit()).as(execute.out() + execute.err()).isEqualTo(5);

        CliRunner.Result r =
                CliRunner.run("rollback", "--run-dir", dir.toString(), "--answers", ROLLBACK_ALL.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        String halted = "halted — the run had stopped before completing; its reverse rollback finished";
        assertThat(r.out()).contains("Verdict: " + halted).doesNotContain("Verdict: completed");
        assertThat(Files.readString(dir.resolve("execution-summary.json"))).contains("\"verdict\": \"halted\"");
        assertThat(CliRunner.run("status", "--run-dir", dir.toString()).out()).contains("ended: halted");
    }

    @Test
    void aSandboxRunRelabelledProductionIsRefusedItsRollbackBeforeAnyRollbackRuns() throws Exception {
        Path dir = CompletedDemo.in(tmp.resolve("demo"));
        Files.writeString(
                dir.resolve("cutover.yaml"),
                Files.readString(dir.resolve("cutover.yaml"))
                        .replace("environment: sandbox", "environment: production")
                        .replace("poll_interval_seconds: 1", "poll_interval_seconds: 10"));
        long journal = Files.size(dir.resolve("execution-log.jsonl"));

        CliRunner.Result r =
                CliRunner.run("rollback", "--run-dir", dir.toString(), "--answers", ROLLBACK_ALL.toString());

        // The run keeps the class it started under (the production class's own refusal of --answers is covered
        // by RollbackRefusalsTest, on a run that started in production).
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("started under environment `sandbox`").contains("now declares `production`");
        assertThat(Files.size(dir.resolve("execution-log.jsonl"))).isEqualTo(journal);
        assertThat(Files.readSymbolicLink(dir.resolve("service/live"))).isEqualTo(Path.of("target", "demo-data"));
    }

    @Test
    void theOrganisationsGuardrailsApplyToARollbackAsToExecute() throws Exception {
        Path dir = CompletedDemo.in(tmp.resolve("demo"));
        Path org = Files.writeString(tmp.resolve("environments.yaml"), """
                environments:
                  sandbox:
                    accounts: ["000000000001"]
                  production:
                    accounts: ["000000000002"]
                """);
        long journal = Files.size(dir.resolve("execution-log.jsonl"));

        CliRunner.Result r = CliRunner.run(
                "rollback",
                "--run-dir",
                dir.toString(),
                "--answers",
                ROLLBACK_ALL.toString(),
                "--org-config",
                org.toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("000000000002 belongs to production");
        assertThat(Files.size(dir.resolve("execution-log.jsonl"))).isEqualTo(journal);
        assertThat(Files.readSymbolicLink(dir.resolve("service/live"))).isEqualTo(Path.of("target", "demo-data"));
    }

    @Test
    void withoutAJournalThereIsNothingToRollBack() throws Exception {
        Path dir = new DemoRunDirectory(Clock.systemUTC()).write(tmp.resolve("fresh"));

        CliRunner.Result r = CliRunner.run("rollback", "--run-dir", dir.toString());

        assertThat(r.exit()).isEqualTo(2);
        // Not --resume's "drop --resume" advice: rollback has no --resume.
        assertThat(r.err())
                .contains("there is no run to roll back")
                .contains("next: " + ErrorCode.NOTHING_TO_ROLL_BACK.fix())
                .doesNotContain("--resume");
    }

    @Test
    void pipelineApprovalsAreRefusedWhereTheClassIsNotPipelineOnly() throws Exception {
        Path dir = CompletedDemo.in(tmp.resolve("demo"));
        Path approvals = Files.writeString(tmp.resolve("pipeline-rollback-approvals.txt"), "rollback * approve\n");

        CliRunner.Result r =
                CliRunner.run("rollback", "--run-dir", dir.toString(), "--pipeline-approvals", approvals.toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .contains("--pipeline-approvals refused: direct mutation is allowed for sandbox")
                .contains("run rollback at a terminal");
        assertThat(Files.readSymbolicLink(dir.resolve("service/live"))).isEqualTo(Path.of("target", "demo-data"));
    }

    /** Every file under {@code root} with its content (a symlink as {@code -> target}), by relative path. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    files.put(rel, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p)) {
                    files.put(rel, Files.readString(p));
                } else if (!rel.isEmpty()) {
                    files.put(rel, "(dir)");
                }
            }
        }
        return files;
    }
}
