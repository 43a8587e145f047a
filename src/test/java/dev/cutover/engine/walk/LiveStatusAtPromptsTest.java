package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.app.StatusService;
import dev.cutover.approval.PromptKind;
import dev.cutover.approval.Question;
import dev.cutover.input.RunDirectory;
import dev.cutover.report.RunActivity;
import dev.cutover.report.StatusView;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code cutover status}, run from another terminal, says while the walk waits at a question: it reads only
 * the journal, so each question the operator sees must leave a trace there that status reads as that question.
 */
class LiveStatusAtPromptsTest {
    private static final String SWITCH = "dp-phase4-030-switch-live";
    private static final String CONFIG = "dp-phase3-010-copy-config";
    private static final String DP4_FIRST = "dp-phase4-001-announce";

    @TempDir
    Path tmp;

    @Test
    void whileAnIrreversiblePointOfNoReturnIsConfirmedStatusSaysBothConfirmationsAreAwaitedNeverThatItRuns() {
        // With a rollback for the config copy, the plan's point of no return is the irreversible switch, which is
        // confirmed twice after its approval: as irreversible, then as the crossing.
        Scenario s = Scenario.demo(tmp)
                .editItem(CONFIG, i -> i.put("rollback_command", "rm -f service/target/config/app.conf"));
        List<String> seen = new ArrayList<>();
        ScriptedApprover approver = new ScriptedApprover()
                .onAsk(q -> q.kind() == PromptKind.IRREVERSIBLE, q -> seen.add(firstLine(q) + " -> " + now(s)));

        RunOutcome run = s.run(approver);

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        String waiting = " -> waiting for the operator's second confirmation of " + SWITCH;
        assertThat(seen)
                .containsExactly(
                        "CONFIRM IRREVERSIBLE STEP " + SWITCH + waiting,
                        "CONFIRM CROSSING THE POINT OF NO RETURN at " + SWITCH + waiting);
    }

    @Test
    void whileAGoNoGoGateWaitsForATeamsSignatureStatusNamesTheGateAndThatTeam() {
        Scenario s = Scenario.demo(tmp)
                .addDataPlaneGateTeam("dba")
                .config("environment: sandbox\nallowed_programs: [bash, cat, cmp, cp, diff, grep, ln, mkdir,"
                        + " readlink, rm, sha256sum, test, touch, true]\npoll_interval_seconds: 1\n"
                        + "approvers:\n  platform: [tester]\n  dba: [tester]\n");
        List<String> seen = new ArrayList<>();
        ScriptedApprover approver = new ScriptedApprover().onAsk(gate(), q -> seen.add(q.team() + " -> " + now(s)));

        RunOutcome run = s.run(approver);

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        String gate =
                " -> waiting for the operator to sign the go/no-go gate of data-plane phase 4 (Cutover) for team ";
        assertThat(seen).containsExactly("platform" + gate + "platform", "dba" + gate + "dba");
    }

    private static Predicate<Question> gate() {
        return q -> q.kind() == PromptKind.GATE && q.stepId().equals(DP4_FIRST);
    }

    /** What status says the live run is doing, computed from the run directory as another process would. */
    private static String now(Scenario s) {
        StatusView view = new StatusService(s.clock(), Map.of()).status(new RunDirectory(s.dir()));
        assertThat(view.activity()).isEqualTo(RunActivity.RUNNING);
        return view.waitingFor();
    }

    private static String firstLine(Question q) {
        return q.prompt()
                .lines()
                .filter(l -> l.startsWith("CONFIRM"))
                .findFirst()
                .orElse(q.prompt());
    }
}
