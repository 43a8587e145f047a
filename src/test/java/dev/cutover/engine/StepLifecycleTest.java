package dev.cutover.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.journal.EntryDraft;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.JournalMetadata;
import dev.cutover.journal.JournalWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepLifecycleTest {
    /** Step histories the engine produces (FORMATS.md §6.2–§6.5), as wire names. */
    private static final List<String> HISTORIES = List.of(
            "step-started preview-shown approval-requested approved executed verify-passed step-succeeded",
            "step-started sso-probe-passed approval-requested skipped",
            "step-started approval-requested aborted",
            "step-started sso-probe-failed",
            "step-started approval-requested approved approved executed executed verify-passed step-succeeded",
            "step-started approval-requested approved skipped",
            "step-started approval-requested approved aborted",
            "step-started approval-requested approved executed poll-tick poll-tick approved poll-tick poll-terminal"
                    + " verify-passed step-succeeded",
            "step-started approval-requested approved executed poll-tick aborted",
            "step-started approval-requested approved executed poll-tick sso-probe-failed",
            "step-started approval-requested approved executed poll-tick poll-terminal sso-probe-failed",
            "step-started approval-requested approved executed poll-tick poll-terminal verify-failed step-failed"
                    + " rollback-offered approved executed verify-passed step-succeeded",
            "step-started approval-requested approved executed step-failed rollback-offered rollback-approved"
                    + " rollback-executed rollback-approved rollback-executed rollback-skipped",
            "step-started approval-requested approved executed verify-failed step-failed rollback-offered"
                    + " rollback-skipped",
            "step-started approval-requested approved executed verify-failed step-failed rollback-offered aborted",
            "step-started approval-requested approved executed step-failed rollback-offered rollback-approved"
                    + " rollback-executed aborted",
            "step-started approval-requested approved executed sso-probe-failed",
            // cutover rollback: a succeeded step unwound (issue 6); the second approval is a retry or a re-run.
            "step-started approval-requested approved executed verify-passed step-succeeded rollback-offered"
                    + " rollback-approved rollback-executed rollback-approved rollback-executed rollback-skipped",
            "step-started approval-requested approved executed verify-passed step-succeeded rollback-offered"
                    + " rollback-skipped",
            "step-started approval-requested approved executed verify-passed step-succeeded rollback-offered"
                    + " rollback-approved rollback-approved rollback-executed",
            "step-started approval-requested approved executed verify-passed step-succeeded rollback-offered"
                    + " rollback-approved rollback-skipped",
            // Resume (FORMATS.md §6.7): the first word is the state the replay seeds the step in.
            "RESUME_RESTART step-started approval-requested approved executed verify-passed step-succeeded",
            "RESUME_DECISION step-started approval-requested skipped",
            "RESUME_IN_FLIGHT sso-probe-passed resume-reverified resume-marked-done",
            "RESUME_IN_FLIGHT sso-probe-failed",
            "RESUME_IN_FLIGHT resume-reverified resume-reverified resume-marked-done",
            "RESUME_IN_FLIGHT resume-reverified poll-tick poll-terminal verify-passed step-succeeded",
            "RESUME_IN_FLIGHT resume-reverified sso-probe-failed",
            "RESUME_IN_FLIGHT resume-reverified resume-reprompted approved approved executed verify-passed"
                    + " step-succeeded",
            "RESUME_DECISION sso-probe-passed resume-reprompted skipped",
            "RESUME_DECISION sso-probe-failed",
            "RESUME_DECISION resume-reprompted aborted",
            "RESUME_DECISION resume-reprompted approved poll-tick poll-terminal verify-passed step-succeeded");

    @Test
    void everyTransitionInTheTableIsExercisedByARealStepHistory() {
        Set<StepLifecycle.Transition> used = new HashSet<>();
        for (String history : HISTORIES) {
            StepLifecycle.State state = StepLifecycle.State.NOT_STARTED;
            List<String> words = List.of(history.split(" "));
            if (words.get(0).startsWith("RESUME_")) {
                state = StepLifecycle.State.valueOf(words.get(0));
                words = words.subList(1, words.size());
            }
            for (String wire : words) {
                JournalEvent event = JournalEvent.fromWireName(wire).orElseThrow();
                StepLifecycle.State from = state;
                state = StepLifecycle.next(from, event);
                StepLifecycle.State to = state;
                StepLifecycle.transitions().stream()
                        .filter(t -> t.from() == from && t.event() == event && t.to() == to)
                        .forEach(used::add);
            }
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(StepLifecycle.transitions());
    }

    @Test
    void executingAStepNobodyApprovedIsIllegal() {
        assertThatThrownBy(() -> StepLifecycle.next(StepLifecycle.State.AWAITING_APPROVAL, JournalEvent.EXECUTED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("executed");
        assertThatThrownBy(() -> StepLifecycle.next(StepLifecycle.State.ROLLED_BACK, JournalEvent.APPROVED))
                .as("no retry after a rollback")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theJournalFacadeRefusesAnIllegalEventBeforeWritingIt(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("execution-log.jsonl");
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
        JournalWriter writer = JournalWriter.create(
                file, JournalMetadata.standard("r", clock.instant(), "000000000001", "000000000002", "t"), clock);
        RunJournal journal = new RunJournal(writer, "op");
        String step = "dp-phase2-010-copy";
        journal.append(EntryDraft.of(step, 2, JournalEvent.STEP_STARTED));
        long before = Files.size(file);

        assertThatThrownBy(() -> journal.append(EntryDraft.of(step, 2, JournalEvent.EXECUTED)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(Files.size(file)).isEqualTo(before);
        journal.close();
    }

    @Test
    void lifecyclePageMatchesTheTable() throws Exception {
        Path page = Path.of("docs", "step-lifecycle.md");
        if (Boolean.getBoolean("cutover.updateDocs")) {
            Files.writeString(page, StepLifecycle.markdown(), StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(page, StandardCharsets.UTF_8))
                .as("docs/step-lifecycle.md is stale; rerun with -Dcutover.updateDocs=true")
                .isEqualTo(StepLifecycle.markdown());
        assertThat(Arrays.stream(StepLifecycle.State.values()))
                .allMatch(s -> StepLifecycle.markdown().contains(s.name()));
    }
}
