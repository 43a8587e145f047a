package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.app.CompileService;
import dev.cutover.app.DemoRunDirectory;
import dev.cutover.input.RunDirectory;
import dev.cutover.testing.RunDirFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightCommandTest {
    @TempDir
    Path tmp;

    /** Everything but the empty OS-lock file, which exists by design once a run directory was ever locked. */
    private static List<String> contents(Path dir) {
        return RunDirFixtures.snapshot(dir).stream()
                .filter(line -> !line.startsWith(".RUNNING.lock.flock e3b0c442"))
                .toList();
    }

    @Test
    void preflightPassesOnTheDemoAndWritesNothing() {
        Path dir = new DemoRunDirectory(Clock.systemUTC()).write(tmp.resolve("demo"));
        List<String> before = contents(dir);

        CliRunner.Result r = CliRunner.run("preflight", "--run-dir", dir.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("check 4 (sign-off): both checklists signed")
                .contains("pre-flight passed");
        assertThat(contents(dir)).isEqualTo(before);
    }

    @Test
    void preflightRefusesAnUnsignedDataPlaneChecklistNamingTheFileAndWritesNothing() throws Exception {
        Path dir = new DemoRunDirectory(Clock.systemUTC()).write(tmp.resolve("demo"));
        Path md = dir.resolve("cutover-checklist-data-plane.md");
        Files.writeString(
                md, Files.readString(md).replaceFirst("> APPROVED BY: .*", "> APPROVED BY: ____  ON: ____-__-__"));
        List<String> before = contents(dir);

        CliRunner.Result r = CliRunner.run("preflight", "--run-dir", dir.toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("check 4").contains("cutover-checklist-data-plane.md");
        assertThat(contents(dir)).isEqualTo(before);
    }

    private static String twentyDaysAgo() {
        return java.time.Instant.now().minus(java.time.Duration.ofDays(20)).toString();
    }

    /** Rewrites the first {@code captured_at} of a JSON input (its metadata's) to {@code value}. */
    private static void setCapturedAt(Path file, String value) throws java.io.IOException {
        Files.writeString(
                file,
                Files.readString(file)
                        .replaceFirst("\"captured_at\": \"[^\"]+\"", "\"captured_at\": \"" + value + "\""));
    }

    @Test
    void check5JudgesEveryJsonInputNotOnlyTheChecklists() throws Exception {
        Path dir = new DemoRunDirectory(Clock.systemUTC()).write(tmp.resolve("demo"));
        setCapturedAt(dir.resolve("dependency-graph.json"), twentyDaysAgo());

        CliRunner.Result refused = CliRunner.run("preflight", "--run-dir", dir.toString());
        CliRunner.Result accepted = CliRunner.run("preflight", "--run-dir", dir.toString(), "--accept-stale");

        assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(3);
        assertThat(refused.err()).contains("check 5 (staleness)").contains("dependency-graph.json is 20 days");
        assertThat(accepted.exit()).as(accepted.out() + accepted.err()).isZero();
        assertThat(accepted.out()).contains("dependency-graph.json is 20 days");
    }

    @Test
    void aCapturedAtWithASpaceForTheTIsReadAsTheSchemaAdmitsIt() throws Exception {
        Path dir = new DemoRunDirectory(Clock.systemUTC()).write(tmp.resolve("demo"));
        setCapturedAt(dir.resolve("migration-plan.json"), twentyDaysAgo().replace('T', ' '));

        CliRunner.Result r = CliRunner.run("preflight", "--run-dir", dir.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.err()).contains("migration-plan.json is 20 days");
    }

    @Test
    void aStepLogFolderThatIsAFileIsRefusedAndThePassingCheckIsListed() throws Exception {
        Path dir = new DemoRunDirectory(Clock.systemUTC()).write(tmp.resolve("demo"));
        CliRunner.Result passing = CliRunner.run("preflight", "--run-dir", dir.toString());
        Files.writeString(dir.resolve("execution"), "not a folder\n");
        List<String> before = contents(dir);

        CliRunner.Result refused = CliRunner.run("preflight", "--run-dir", dir.toString());

        assertThat(passing.out())
                .contains("check 3 (run directory): writable, its log folders too, and no folder in the way of a file"
                        + " a run writes");
        assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(3);
        assertThat(refused.err())
                .contains("check 3 (run directory): " + dir.resolve("execution") + " exists and is not a folder");
        assertThat(contents(dir)).isEqualTo(before);
    }

    @Test
    void aStepThatRunsTerraformWithoutTerraformRootIsRefusedEvenWhenCheck7IsOff() throws Exception {
        Path dir = new DemoRunDirectory(Clock.systemUTC()).write(tmp.resolve("demo"));
        Path checklist = dir.resolve("cutover-checklist-control-plane.json");
        Files.writeString(
                checklist,
                Files.readString(checklist).replace("\"test -d service/target/demo-data\"", "\"terraform output\""));
        Path config = dir.resolve("cutover.yaml");
        Files.writeString(
                config,
                Files.readString(config).replace("allowed_programs: [bash,", "allowed_programs: [terraform, bash,")
                        + "terraform_preflight: never\n");
        List<String> before = contents(dir);

        CliRunner.Result r = CliRunner.run("preflight", "--run-dir", dir.toString());

        // Without terraform/root that verify would fail mid-cutover, after earlier steps changed things.
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.err())
                .contains("check 7 (terraform): terraform/root does not exist, and 1 step(s) run terraform there"
                        + " (cp-phase1-010-create-target)");
        assertThat(contents(dir)).isEqualTo(before);
    }

    @Test
    void preflightResumeRefusesWhatExecuteResumeWouldRefuseAnEditedApprovedCommand() throws Exception {
        Path dir = CompletedDemo.in(tmp.resolve("demo"));
        CompletedDemo.retargetConfigCopy(dir);

        CliRunner.Result inputsOnly = CliRunner.run("preflight", "--run-dir", dir.toString(), "--resume");

        assertThat(inputsOnly.exit()).as(inputsOnly.out()).isEqualTo(6);
        assertThat(inputsOnly.err()).contains("dp-phase3-010-copy-config", "execute_cmd");

        Files.write(
                dir.resolve("execution-steps.json"),
                new CompileService()
                        .compileInMemory(new RunDirectory(dir), Optional.empty())
                        .stepsJson());
        CliRunner.Result both = CliRunner.run("preflight", "--run-dir", dir.toString(), "--resume");

        assertThat(both.exit()).as(both.out()).isEqualTo(6);
        assertThat(both.err())
                .contains("step dp-phase3-010-copy-config", "approved, but the plan now gives", "other.conf");
    }

    @Test
    void preflightRefusesWhenARunAlreadyStarted() throws Exception {
        Path dir = new DemoRunDirectory(Clock.systemUTC()).write(tmp.resolve("demo"));
        Files.writeString(dir.resolve("execution-log.jsonl"), "{}\n");

        CliRunner.Result r = CliRunner.run("preflight", "--run-dir", dir.toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("check 2").contains("--resume");
    }
}
