package dev.cutover.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.digest.Sha256;
import dev.cutover.input.RunDirectory;
import dev.cutover.report.RunActivity;
import dev.cutover.report.StatusView;
import dev.cutover.testing.Rehearsals;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rehearsal that stopped is continued with {@code cutover rehearse --resume} (docs/commands/status.md): the
 * journal's lock entries say each session was {@code cutover rehearse}, and status, {@code status --json}'s
 * {@code next_command} and the report's Next name it — not {@code cutover rollback} or {@code execute --resume},
 * which finish the run but write no rehearsal-evidence.json. Once rehearse has written it, they name
 * {@code verify-evidence}.
 */
class RehearsalNextCommandTest {
    private static final String COPY = "dp-phase2-010-copy-data";
    private static final String RUN = "cp-phase0-000-run";

    @TempDir
    Path tmp;

    /** A rehearsal of the demo as a kill leaves it at {@code event} of {@code stepId}: no evidence written yet. */
    private Scenario rehearsalKilledAfter(String stepId, String event) throws Exception {
        Scenario s = Scenario.demo(tmp);
        Rehearsals.Outcome done = Rehearsals.rehearse(s, new ScriptedApprover());
        assertThat(done.result().exitCode()).as(done.run().output()).isZero();
        s.crashAfter(stepId, event);
        Files.delete(done.evidence());
        return s;
    }

    private StatusView status(Scenario s) {
        return new StatusService(s.clock(), Map.of()).status(new RunDirectory(s.dir()));
    }

    private String rehearseResume(Scenario s) {
        return "cutover rehearse --run-dir " + s.dir() + " --resume";
    }

    @Test
    void everySessionOfARehearsalSaysSoInItsLockEntry() throws Exception {
        Scenario s = Scenario.demo(tmp);
        RunOutcome run = Rehearsals.rehearse(s, new ScriptedApprover()).run();

        List<String> notes = run.entries(RUN, "lock-acquired").stream()
                .map(e -> e.path("notes").asText())
                .toList();

        String plan = "plan sha256=" + Sha256.hex(Files.readAllBytes(s.dir().resolve("execution-steps.json")));
        assertThat(notes)
                .containsExactly(
                        "cutover rehearse; environment sandbox; " + plan,
                        "cutover rehearse; cutover rollback; environment sandbox; " + plan);
    }

    @Test
    void aRehearsalKilledInItsRollbackIsContinuedWithRehearseResumeNotRollback() throws Exception {
        Scenario s = rehearsalKilledAfter(COPY, "rollback-approved");

        StatusView killed = status(s);

        assertThat(killed.activity()).isEqualTo(RunActivity.INTERRUPTED);
        assertThat(killed.nextCommand()).isEqualTo(rehearseResume(s));
        assertThat(killed.waitingFor()).endsWith("resume with " + rehearseResume(s));
        new ReportService(s.clock(), Map.of()).report(new RunDirectory(s.dir()));
        assertThat(Files.readString(s.dir().resolve("execution-report.md")))
                .contains("## Next\n\n- `" + rehearseResume(s) + "`: continues the rehearsal where it stopped")
                .doesNotContain("`cutover rollback --run-dir");
        assertThat(Files.readString(s.dir().resolve("execution-report.html")))
                .contains("<code>" + rehearseResume(s) + "</code>");
    }

    @Test
    void aRehearsalKilledInItsExecuteIsContinuedWithRehearseResumeNotExecuteResume() throws Exception {
        Scenario s = rehearsalKilledAfter(COPY, "executed");

        assertThat(status(s).nextCommand()).isEqualTo(rehearseResume(s));
    }

    @Test
    void aRollbackRunByHandWritesNoEvidenceSoRehearseResumeIsStillNextAndThenVerifyEvidence() throws Exception {
        Scenario s = rehearsalKilledAfter(COPY, "rollback-approved");
        RunOutcome byHand = s.rollback(new ScriptedApprover());
        assertThat(byHand.verdict()).as(byHand.output()).isEqualTo("completed");
        assertThat(s.dir().resolve("rehearsal-evidence.json")).doesNotExist();

        assertThat(status(s).nextCommand()).isEqualTo(rehearseResume(s));

        Rehearsals.Outcome resumed = Rehearsals.rehearse(s, new ScriptedApprover(), true);

        assertThat(resumed.result().exitCode()).as(resumed.run().output()).isZero();
        assertThat(s.dir().resolve("rehearsal-evidence.json")).exists();
        StatusView over = status(s);
        assertThat(over.nextCommand())
                .isEqualTo("cutover verify-evidence " + s.dir().resolve("rehearsal-evidence.json")
                        + " --run-dir <production run dir>");
        List<JsonNode> sessions = resumed.run().entries(RUN, "lock-acquired");
        assertThat(sessions.get(sessions.size() - 2).path("notes").asText())
                .as("the rollback by hand")
                .isEqualTo("cutover rollback; environment sandbox; plan sha256="
                        + Sha256.hex(Files.readAllBytes(s.dir().resolve("execution-steps.json"))));
        assertThat(sessions.get(sessions.size() - 1).path("notes").asText()).startsWith("cutover rehearse; ");
    }
}
