package dev.cutover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.app.CompileService;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.input.RunDirectory;
import dev.cutover.journal.JournalReader;
import dev.cutover.journal.JournalSchema;
import dev.cutover.journal.JournalVerifier;
import dev.cutover.journal.RunState;
import dev.cutover.journal.RunStateReplayer;
import dev.cutover.journal.StepResumeState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The constructed journals of the replay and start-up benchmarks are what a real finished run would leave. */
class SyntheticJournalTest {
    @TempDir
    Path tmp;

    @Test
    void replayJournalHasExactlyTheRequestedEntriesEveryLineValidAndTheChainIntact() throws Exception {
        Path journal = ReplayBench.journal(tmp, 1_003);

        assertThat(new JournalVerifier().verify(journal).ok()).isTrue();
        JournalSchema schema = new JournalSchema();
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1 + 1_003);
        for (String line : lines) {
            assertThat(schema.validateLine(json.readTree(line))).as(line).isEmpty();
        }
        RunState state =
                new RunStateReplayer().replay(new JournalReader().read(journal).entries());
        assertThat(state.facts().endedWithLockReleased()).isTrue();
        assertThat(state.steps().values()).allSatisfy(h -> assertThat(h.state()).isEqualTo(StepResumeState.DONE));
    }

    @Test
    void finishedRunOfACompiledSyntheticPlanIsShownByStatusAndPassesVerifyJournal() {
        Path dir = new SyntheticPlan(12, "true", "true", List.of("true")).write(tmp.resolve("run"), Clock.systemUTC());
        List<ExecutionStep> steps = new CompileService()
                .compileAndWrite(new RunDirectory(dir), Optional.empty())
                .compiled()
                .plan()
                .steps();
        List<SyntheticJournal.Step> journaled = steps.stream()
                .map(s -> new SyntheticJournal.Step(s.stepId(), s.phaseNumber(), false))
                .toList();
        SyntheticJournal.write(new RunDirectory(dir).journalFile(), journaled, 0, 0);

        Cli.Result verify = Cli.run("verify-journal", "--run-dir", dir.toString());
        Cli.Result status = Cli.run("status", "--run-dir", dir.toString());

        assertThat(verify.exit()).as(verify.both()).isZero();
        assertThat(status.exit()).as(status.both()).isZero();
        assertThat(RunJournal.of(dir).entries()).hasSize((int) SyntheticJournal.entries(journaled, 0));
        assertThat(RunJournal.of(dir).completed()).isTrue();
    }

    @Test
    void pollDelayIsTheTimeFromAJobsEndToItsTerminalPoll() {
        Path journal = tmp.resolve(RunDirectory.JOURNAL);
        // One second per entry: executed at e6, two ticks, the terminal poll at e9 (three seconds later).
        SyntheticJournal.write(journal, List.of(new SyntheticJournal.Step("dp-phase2-100-job-000000", 2, true)), 2, 0);

        RunJournal run = RunJournal.of(tmp);

        assertThat(run.pollDelays(Map.of("dp-phase2-100-job-000000", 1_000L)))
                .containsEntry("dp-phase2-100-job-000000", 2_000L);
        assertThat(run.lastJobToEnd()).isEqualTo("dp-phase2-100-job-000000");
        assertThat(run.commands()).isEqualTo(5); // execute, two ticks, the terminal poll, verify
    }
}
