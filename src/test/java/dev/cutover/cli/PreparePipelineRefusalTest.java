package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.app.DemoRunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cutover prepare-pipeline} refuses (exit 3) and leaves the repository exactly as it was. */
class PreparePipelineRefusalTest {
    @TempDir
    Path tmp;

    Path runDir;
    Path org;
    GitFixture repo;

    @BeforeEach
    void setUp() throws Exception {
        runDir = new DemoRunDirectory(Clock.systemUTC()).write(tmp.resolve("run"));
        Files.writeString(
                runDir.resolve("cutover.yaml"),
                "environment: production\nallowed_programs: [bash, cat, cmp, cp, diff, grep, ln, mkdir, readlink, rm,"
                        + " sha256sum, test, touch, true]\npoll_interval_seconds: 10\n");
        org = Files.writeString(tmp.resolve("environments.yaml"), PreparePipelineTest.PIPELINE_ONLY);
        repo = GitFixture.init(tmp.resolve("repo"));
    }

    private CliRunner.Result prepare(Path orgFile, Path repoDir) {
        return CliRunner.run(
                "prepare-pipeline",
                "--run-dir",
                runDir.toString(),
                "--org-config",
                orgFile.toString(),
                "--repo",
                repoDir.toString());
    }

    private void assertNothingCreated() throws Exception {
        assertThat(repo.ok("branch", "--list").lines().map(String::strip)).containsExactly("* main");
        assertThat(repo.ok("worktree", "list").lines()).hasSize(1);
    }

    @Test
    void aDirtyWorkTreeIsRefused() throws Exception {
        Files.writeString(repo.dir().resolve("notes.txt"), "uncommitted\n");

        CliRunner.Result r = prepare(org, repo.dir());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("has uncommitted changes").contains("notes.txt");
        assertNothingCreated();
    }

    @Test
    void aFolderThatIsNotAGitWorkTreeIsRefused() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));

        CliRunner.Result r = prepare(org, plain);

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("is not a git work tree");
    }

    @Test
    void anExistingBranchIsRefused() throws Exception {
        repo.ok("branch", "cutover/demo");

        CliRunner.Result r = prepare(org, repo.dir());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("branch cutover/demo already exists");
        assertThat(repo.ok("rev-parse", "cutover/demo")).isEqualTo(repo.ok("rev-parse", "main"));
    }

    @Test
    void aClassThatIsNotPipelineOnlyIsRefused() throws Exception {
        Path discouraged = Files.writeString(tmp.resolve("discouraged.yaml"), """
                environments:
                  production:
                    accounts: ["000000000001", "000000000002"]
                """);

        CliRunner.Result r = prepare(discouraged, repo.dir());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .contains("direct mutation is discouraged for production")
                .contains("not pipeline-only");
        assertNothingCreated();
    }

    @Test
    void anUnsignedChecklistIsRefusedBeforeTheRepositoryIsTouched() throws Exception {
        Path md = runDir.resolve("cutover-checklist-data-plane.md");
        Files.writeString(md, Files.readString(md).replaceAll("APPROVED BY: [^\\n]*", "APPROVED BY: ____ ON: ____"));

        CliRunner.Result r = prepare(org, repo.dir());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("cutover-checklist-data-plane.md has no sign-off line");
        assertNothingCreated();
    }

    @Test
    void aChecklistCommandWithALiteralSecretIsRefusedSinceTheInputsWouldBePublished() throws Exception {
        Path cp = runDir.resolve("cutover-checklist-control-plane.json");
        Files.writeString(
                cp,
                Files.readString(cp)
                        .replace(
                                "mkdir -p service/target/demo-data",
                                "mkdir -p" + " service/target/demo-data --secret-string hunter2"));

        CliRunner.Result r = prepare(org, repo.dir());

        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        assertThat(r.err())
                .contains("cutover-checklist-control-plane.json holds a literal secret after --secret-string")
                .doesNotContain("hunter2");
        assertNothingCreated();
    }

    /**
     * Pipeline approvals sign a gate only by `gate:<team>` lines, and no line can name a team with a space: the
     * pipeline's run would halt at that gate (here after the point of no return) with nothing to commit that continues
     * it. Refused before the repository is touched, naming the gate's entry, the team and the rename.
     */
    @Test
    void aGateTeamNoApprovalsLineCanNameIsRefusedBeforeTheRepositoryIsTouched() throws Exception {
        Path dp = runDir.resolve("cutover-checklist-data-plane.json");
        String text = Files.readString(dp);
        assertThat(text).contains("\"approvers\": [\"platform\"]");
        Files.writeString(
                dp, text.replace("\"approvers\": [\"platform\"]", "\"approvers\": [\"platform\", \"sec ops\"]"));

        CliRunner.Result r = prepare(org, repo.dir());

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.err())
                .contains("prepare-pipeline refused: the pipeline could not sign 1 signature of the plan's go/no-go"
                        + " gates, so its run would halt there with no approvals line to continue it; nothing was"
                        + " committed")
                .contains("cutover-checklist-data-plane.json: /phases/3/go_no_go_gate/approvers/1: the go/no-go gate"
                        + " of data-plane phase 4 (Cutover) (asked before dp-phase4-001-announce) names approver team"
                        + " `sec ops`, which has a space or a control character")
                .contains("fix: rename the team as one word (e.g. `sec-ops`) in the checklist's"
                        + " go_no_go_gate.approvers and in cutover.yaml approvers");
        assertNothingCreated();
    }
}
