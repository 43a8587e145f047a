package dev.cutover.engine;

import static dev.cutover.journal.JournalEvent.ABORTED;
import static dev.cutover.journal.JournalEvent.APPROVAL_REQUESTED;
import static dev.cutover.journal.JournalEvent.APPROVED;
import static dev.cutover.journal.JournalEvent.EXECUTED;
import static dev.cutover.journal.JournalEvent.POLL_TERMINAL;
import static dev.cutover.journal.JournalEvent.POLL_TICK;
import static dev.cutover.journal.JournalEvent.PREVIEW_SHOWN;
import static dev.cutover.journal.JournalEvent.RESUME_MARKED_DONE;
import static dev.cutover.journal.JournalEvent.RESUME_REPROMPTED;
import static dev.cutover.journal.JournalEvent.RESUME_REVERIFIED;
import static dev.cutover.journal.JournalEvent.ROLLBACK_APPROVED;
import static dev.cutover.journal.JournalEvent.ROLLBACK_EXECUTED;
import static dev.cutover.journal.JournalEvent.ROLLBACK_OFFERED;
import static dev.cutover.journal.JournalEvent.ROLLBACK_SKIPPED;
import static dev.cutover.journal.JournalEvent.SKIPPED;
import static dev.cutover.journal.JournalEvent.SSO_PROBE_FAILED;
import static dev.cutover.journal.JournalEvent.SSO_PROBE_PASSED;
import static dev.cutover.journal.JournalEvent.STEP_FAILED;
import static dev.cutover.journal.JournalEvent.STEP_STARTED;
import static dev.cutover.journal.JournalEvent.STEP_SUCCEEDED;
import static dev.cutover.journal.JournalEvent.VERIFY_FAILED;
import static dev.cutover.journal.JournalEvent.VERIFY_PASSED;

import dev.cutover.journal.JournalEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The step lifecycle as a declared transition table (DESIGN.md §5.4): which journal event may follow which
 * state. The engine journals through {@link RunJournal}, which refuses any event this table does not allow —
 * so a bug can never, say, journal {@code executed} for a step nobody approved.
 */
public final class StepLifecycle {
    /** Where a step is in this run. */
    public enum State {
        NOT_STARTED,
        STARTED,
        PREVIEWED,
        AWAITING_APPROVAL,
        APPROVED,
        EXECUTED,
        POLLING,
        POLLED,
        VERIFIED,
        VERIFY_FAILED,
        FAILED,
        IN_FAILURE_DIALOG,
        ROLLING_BACK,
        ROLLED_BACK,
        SUCCEEDED,
        SKIPPED,
        ABORTED,
        STOPPED,
        HALTED,
        /** Resume: started, previewed or awaiting approval when the last run ended; starts over. */
        RESUME_RESTART,
        /** Resume: approved and possibly executed, without an outcome; re-verified before anything else. */
        RESUME_IN_FLIGHT,
        /** Resume: re-verification against the live system is under way. */
        REVERIFYING,
        /** Resume: failed, rolled back or aborted when the last run ended; the operator decides again. */
        RESUME_DECISION,
        /** Resume: asked retry / skip / abort. */
        REPROMPTED,
        /** {@code cutover rollback}: a succeeded step's rollback is offered (docs/commands/rollback.md). */
        REVERSE_OFFERED,
        /** {@code cutover rollback}: its rollback was approved and is running (or in flight after a crash). */
        REVERSE_ROLLING_BACK,
        /** {@code cutover rollback}: its rollback ran; undone, or failed and asked again. */
        REVERSE_ROLLED_BACK,
        /** {@code cutover rollback}: left in place (no rollback command, or the operator left it). */
        REVERSE_REMAINS
    }

    /** One row: in {@code from}, {@code event} leads to {@code to}; {@code why} documents the rule. */
    public record Transition(State from, JournalEvent event, State to, String why) {}

    private static final List<Transition> TABLE = table();

    private StepLifecycle() {}

    public static List<Transition> transitions() {
        return TABLE;
    }

    /** The state after {@code event}; throws when the table has no such transition. */
    public static State next(State from, JournalEvent event) {
        for (Transition t : TABLE) {
            if (t.from() == from && t.event() == event) {
                return t.to();
            }
        }
        throw new IllegalStateException("illegal step transition: " + event.wireName() + " in state " + from);
    }

    private static List<Transition> table() {
        List<Transition> t = new ArrayList<>();
        State s = State.NOT_STARTED;
        t.add(new Transition(s, STEP_STARTED, State.STARTED, "the walk reaches the step"));
        s = State.STARTED;
        t.add(new Transition(s, SSO_PROBE_PASSED, State.STARTED, "periodic identity probe passed (§6.3)"));
        t.add(new Transition(s, SSO_PROBE_FAILED, State.HALTED, "probe failed: halt, keep the lock"));
        t.add(new Transition(s, PREVIEW_SHOWN, State.PREVIEWED, "read-only preview ran"));
        t.add(new Transition(s, APPROVAL_REQUESTED, State.AWAITING_APPROVAL, "no preview for this step"));
        t.add(new Transition(State.PREVIEWED, APPROVAL_REQUESTED, State.AWAITING_APPROVAL, "prompt shown"));
        s = State.AWAITING_APPROVAL;
        t.add(new Transition(s, APPROVED, State.APPROVED, "operator approved the exact command"));
        t.add(new Transition(s, SKIPPED, State.SKIPPED, "operator skipped; dependents are blocked"));
        t.add(new Transition(s, ABORTED, State.ABORTED, "operator aborted the run"));
        s = State.APPROVED;
        t.add(new Transition(s, APPROVED, State.APPROVED, "irreversible re-confirmation"));
        t.add(new Transition(s, SKIPPED, State.SKIPPED, "skipped at the irreversible re-confirmation"));
        t.add(new Transition(s, ABORTED, State.ABORTED, "aborted at the irreversible re-confirmation"));
        t.add(new Transition(s, EXECUTED, State.EXECUTED, "the approved command ran (one entry per attempt)"));
        s = State.EXECUTED;
        t.add(new Transition(s, EXECUTED, State.EXECUTED, "automatic re-run after a throttling error (§6.4)"));
        t.add(new Transition(s, POLL_TICK, State.POLLING, "a long-running job is polled"));
        t.add(new Transition(s, VERIFY_PASSED, State.VERIFIED, "verify exited 0 and matched"));
        t.add(new Transition(s, VERIFY_FAILED, State.VERIFY_FAILED, "verify failed"));
        t.add(new Transition(s, STEP_FAILED, State.FAILED, "execute exited non-zero"));
        t.add(new Transition(s, SSO_PROBE_FAILED, State.HALTED, "credentials expired during execute or verify"));
        s = State.POLLING;
        t.add(new Transition(s, POLL_TICK, State.POLLING, "job still running (no iteration cap)"));
        t.add(new Transition(s, APPROVED, State.POLLING, "retry after three unknown states"));
        t.add(new Transition(s, ABORTED, State.ABORTED, "abort after three unknown states"));
        t.add(new Transition(s, POLL_TERMINAL, State.POLLED, "the job reached a terminal state"));
        t.add(new Transition(s, SSO_PROBE_FAILED, State.HALTED, "credentials expired while polling"));
        s = State.POLLED;
        t.add(new Transition(s, VERIFY_PASSED, State.VERIFIED, "success state, then verify passed"));
        t.add(new Transition(s, VERIFY_FAILED, State.VERIFY_FAILED, "failure state, or verify failed"));
        t.add(new Transition(s, SSO_PROBE_FAILED, State.HALTED, "credentials expired during verify"));
        t.add(new Transition(State.VERIFIED, STEP_SUCCEEDED, State.SUCCEEDED, "the step is done"));
        t.add(new Transition(State.VERIFY_FAILED, STEP_FAILED, State.FAILED, "verify failure fails the step"));
        t.add(new Transition(State.FAILED, ROLLBACK_OFFERED, State.IN_FAILURE_DIALOG, "the dialog opens (§6.5)"));
        s = State.IN_FAILURE_DIALOG;
        t.add(new Transition(s, APPROVED, State.APPROVED, "retry (at most three per step)"));
        t.add(new Transition(s, ROLLBACK_APPROVED, State.ROLLING_BACK, "run rollback and continue/stop"));
        t.add(new Transition(s, ROLLBACK_SKIPPED, State.STOPPED, "skip rollback and stop"));
        t.add(new Transition(s, ABORTED, State.ABORTED, "abort without rollback"));
        t.add(new Transition(State.ROLLING_BACK, ROLLBACK_EXECUTED, State.ROLLED_BACK, "rollback ran or was manual"));
        s = State.ROLLED_BACK;
        t.add(new Transition(s, ROLLBACK_APPROVED, State.ROLLING_BACK, "the rollback failed; run it again"));
        t.add(new Transition(s, ROLLBACK_SKIPPED, State.STOPPED, "the rollback failed; stop without it"));
        t.add(new Transition(s, ABORTED, State.ABORTED, "the rollback failed; abort"));
        resumeRows(t);
        reverseRows(t);
        return Collections.unmodifiableList(t);
    }

    /** Where {@code execute --resume} picks a step up (FORMATS.md §6.7, ADR 0005). */
    private static void resumeRows(List<Transition> t) {
        t.add(new Transition(
                State.RESUME_RESTART, STEP_STARTED, State.STARTED, "resume: asked again with a fresh approval"));
        t.add(new Transition(
                State.RESUME_DECISION,
                STEP_STARTED,
                State.STARTED,
                "resume: aborted before its command was approved, so asked again from the start"));
        for (State s : List.of(State.RESUME_IN_FLIGHT, State.RESUME_DECISION)) {
            t.add(new Transition(s, SSO_PROBE_PASSED, s, "periodic identity probe passed (§6.3)"));
            t.add(new Transition(s, SSO_PROBE_FAILED, State.HALTED, "probe failed: halt, keep the lock"));
        }
        t.add(new Transition(
                State.RESUME_IN_FLIGHT,
                RESUME_REVERIFIED,
                State.REVERIFYING,
                "resume: verify (or poll the captured job once) against the live system"));
        State s = State.REVERIFYING;
        t.add(new Transition(s, RESUME_REVERIFIED, s, "the captured job succeeded; now its verify runs"));
        t.add(new Transition(s, RESUME_MARKED_DONE, State.SUCCEEDED, "the live system shows the step done"));
        t.add(new Transition(s, POLL_TICK, State.POLLING, "the captured job still runs: polling re-attaches to it"));
        t.add(new Transition(s, RESUME_REPROMPTED, State.REPROMPTED, "not done (or no job known): ask the operator"));
        t.add(new Transition(s, SSO_PROBE_FAILED, State.HALTED, "credentials expired during the re-verify"));
        t.add(new Transition(
                State.RESUME_DECISION, RESUME_REPROMPTED, State.REPROMPTED, "failed or aborted before: ask again"));
        s = State.REPROMPTED;
        t.add(new Transition(s, APPROVED, State.APPROVED, "resume retry (counts toward the three retries)"));
        t.add(new Transition(s, SKIPPED, State.SKIPPED, "skipped at resume; dependents are blocked"));
        t.add(new Transition(s, ABORTED, State.ABORTED, "aborted at resume"));
        t.add(new Transition(
                State.APPROVED,
                POLL_TICK,
                State.POLLING,
                "resume retry re-attaches to the captured job still running"));
    }

    /** {@code cutover rollback}: unwinding a step that succeeded (docs/commands/rollback.md). */
    private static void reverseRows(List<Transition> t) {
        t.add(new Transition(
                State.SUCCEEDED,
                ROLLBACK_OFFERED,
                State.REVERSE_OFFERED,
                "cutover rollback reaches a succeeded step (reverse order)"));
        State s = State.REVERSE_OFFERED;
        t.add(new Transition(s, ROLLBACK_APPROVED, State.REVERSE_ROLLING_BACK, "its exact rollback command approved"));
        t.add(new Transition(
                s, ROLLBACK_SKIPPED, State.REVERSE_REMAINS, "no rollback command, or the operator left it"));
        s = State.REVERSE_ROLLING_BACK;
        t.add(new Transition(s, ROLLBACK_EXECUTED, State.REVERSE_ROLLED_BACK, "ran (or re-verified after a crash)"));
        t.add(new Transition(s, ROLLBACK_APPROVED, s, "in flight after a crash, not undone: approved again"));
        t.add(new Transition(s, ROLLBACK_SKIPPED, State.REVERSE_REMAINS, "in flight after a crash: left in place"));
        s = State.REVERSE_ROLLED_BACK;
        t.add(new Transition(s, ROLLBACK_APPROVED, State.REVERSE_ROLLING_BACK, "the rollback failed: run it again"));
        t.add(new Transition(s, ROLLBACK_SKIPPED, State.REVERSE_REMAINS, "the rollback failed: leave the step"));
    }

    /** The table as Markdown with a Mermaid state diagram, for {@code docs/step-lifecycle.md}. */
    public static String markdown() {
        StringBuilder md = new StringBuilder("# Step lifecycle\n\n")
                .append("Generated from `dev.cutover.engine.StepLifecycle`; `StepLifecycleTest` fails when this page ")
                .append("is stale. The engine journals through this table and refuses any other transition.\n\n")
                .append("```mermaid\nstateDiagram-v2\n");
        for (Transition t : TABLE) {
            md.append("    ")
                    .append(t.from())
                    .append(" --> ")
                    .append(t.to())
                    .append(": ")
                    .append(t.event().wireName())
                    .append('\n');
        }
        md.append("```\n\n| from | event | to | rule |\n|---|---|---|---|\n");
        for (Transition t : TABLE) {
            md.append("| ")
                    .append(t.from())
                    .append(" | `")
                    .append(t.event().wireName())
                    .append("` | ")
                    .append(t.to())
                    .append(" | ")
                    .append(t.why())
                    .append(" |\n");
        }
        return md.toString();
    }
}
