package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.testing.Rehearsals;
import dev.cutover.testing.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cutover rehearse} and {@code cutover verify-evidence} from the command line. */
class RehearseCommandTest {
    private static final Path REHEARSE_ALL = Path.of("examples", "demo-rehearse-all.txt");

    @TempDir
    Path tmp;

    // Scenario.demo signs the checklists on a fixed test date; the command line runs on today's clock.
    @Test
    void rehearsingTheDemoWritesEvidenceThatVerifiesAndEditingItIsNoticed() throws Exception {
        Path dir = Scenario.demo(tmp).dir();

        CliRunner.Result r = CliRunner.run(
                "rehearse", "--run-dir", dir.toString(), "--accept-stale", "--answers", REHEARSE_ALL.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .contains("Rolled back:  dp-phase4-030-switch-live, dp-phase4-020-final-delta,"
                        + " dp-phase4-010-freeze-source, dp-phase2-010-copy-data, cp-phase1-010-create-target")
                .contains("Rehearsal: succeeded")
                .contains("Rollbacks exercised: 5 of 5")
                .contains("Evidence: " + dir.resolve("rehearsal-evidence.json"));
        Path evidence = dir.resolve("rehearsal-evidence.json");

        CliRunner.Result ok = CliRunner.run("verify-evidence", evidence.toString(), "--run-dir", dir.toString());

        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out())
                .startsWith("OK " + evidence + ": the evidence verifies")
                .contains("environment:   sandbox, run demo, Cutover ")
                .contains("outcome:       succeeded")
                .contains("(the same plan)");

        Files.writeString(
                evidence,
                Files.readString(evidence).replace("\"rollbacks_exercised\": 5", "\"rollbacks_exercised\": 6"));
        CliRunner.Result bad = CliRunner.run("verify-evidence", evidence.toString());

        assertThat(bad.exit()).isEqualTo(6);
        assertThat(bad.err())
                .isEqualTo("INVALID " + evidence + ": claims check failed: claims.rollbacks_exercised: the file says 6,"
                        + " the bundle gives 5\n");
    }

    @Test
    void preflightOfAProductionRunDirectoryNamesTheRehearsalCheckBeforeAndAfterTheEvidenceArrives() {
        Scenario prod = Scenario.demo(tmp.resolve("production")).config(Rehearsals.DEMO_PRODUCTION);
        String dir = prod.dir().toString();

        CliRunner.Result before = CliRunner.run("preflight", "--run-dir", dir, "--accept-stale");

        assertThat(before.exit()).isEqualTo(3);
        assertThat(before.err())
                .contains("error: rehearsal (required for production): no rehearsal evidence")
                .contains("cutover rehearse");

        Rehearsals.rehearseAndCarry(prod, tmp.resolve("staging"));
        CliRunner.Result after = CliRunner.run("preflight", "--run-dir", dir, "--accept-stale");

        assertThat(after.exit()).as(after.out() + after.err()).isZero();
        assertThat(after.out())
                .contains("rehearsal: rehearsal-evidence.json proves a successful rehearsal of this plan")
                .contains("in staging, run demo");
    }

    @Test
    void rehearseRefusesAProductionRunDirectoryWithExitThree() throws Exception {
        Path dir = Scenario.demo(tmp).config("allowed_programs: [true]\n").dir();

        CliRunner.Result r = CliRunner.run("rehearse", "--run-dir", dir.toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("cutover rehearse is refused").contains("production");
        assertThat(dir.resolve("execution-log.jsonl")).doesNotExist();
    }

    @Test
    void evidenceOfAnotherPlanVerifiesButDoesNotSatisfyThisRunDirectory() throws Exception {
        Path dir = Scenario.demo(tmp).dir();
        assertThat(CliRunner.run(
                                "rehearse",
                                "--run-dir",
                                dir.toString(),
                                "--accept-stale",
                                "--answers",
                                REHEARSE_ALL.toString())
                        .exit())
                .isZero();
        Path other = Scenario.demo(tmp.resolve("other"))
                .editItem("cp-phase1-010-create-target", i -> i.put("command", "mkdir -p service/target/demo-data"))
                .dir();

        CliRunner.Result r = CliRunner.run(
                "verify-evidence", dir.resolve("rehearsal-evidence.json").toString(), "--run-dir", other.toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).contains("(A DIFFERENT PLAN)");
    }

    @Test
    void verifyEvidenceChecksItsRunDirLikeEveryOtherCommand() throws Exception {
        Path dir = Scenario.demo(tmp).dir();
        CliRunner.Result rehearsed = CliRunner.run(
                "rehearse", "--run-dir", dir.toString(), "--accept-stale", "--answers", REHEARSE_ALL.toString());
        assertThat(rehearsed.exit()).as(rehearsed.err()).isZero();
        String evidence = dir.resolve("rehearsal-evidence.json").toString();
        Path file = Files.writeString(tmp.resolve("notadir"), "");

        CliRunner.Result notADirectory = CliRunner.run("verify-evidence", evidence, "--run-dir", file.toString());
        CliRunner.Result empty = CliRunner.run("verify-evidence", evidence, "--run-dir", "");

        // The path exists: "does not exist" would send the operator looking for a missing folder.
        assertThat(notADirectory.exit()).isEqualTo(2);
        assertThat(notADirectory.err()).contains("run directory " + file + " is not a directory");
        assertThat(CliRunner.run("status", "--run-dir", file.toString()).err())
                .contains("run directory " + file + " is not a directory");
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).contains("--run-dir is empty");
    }
}
