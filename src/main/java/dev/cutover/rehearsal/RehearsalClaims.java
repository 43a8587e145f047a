package dev.cutover.rehearsal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.PlanIdentity;
import dev.cutover.journal.JournalContents;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.ReverseRollbacks;
import dev.cutover.journal.RunState;
import dev.cutover.journal.RunStateReplayer;
import dev.cutover.journal.StepHistory;
import dev.cutover.journal.StepResumeState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The claims of rehearsal evidence, derived only from a rehearsal's journal and the compiled steps it ran, so
 * whoever holds the evidence can derive them again: plan identity, environment, run id, tool version, per-step
 * execute and rollback outcomes and timings, and the outcome (docs/rehearsal.md defines each).
 */
public final class RehearsalClaims {
    /** The environments a rehearsal may run in; {@code cutover rehearse} refuses any other. */
    public static final Set<String> REHEARSAL_ENVIRONMENTS = Set.of("sandbox", "development", "test", "staging");

    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";
    private static final String ENVIRONMENT = "environment ";

    private RehearsalClaims() {}

    /** The claims object, keys in a fixed order. */
    public static ObjectNode derive(JournalContents journal, List<ExecutionStep> steps) {
        RunState state = new RunStateReplayer().replay(journal.entries());
        ReverseRollbacks rollbacks = ReverseRollbacks.of(journal.entries());
        ObjectNode claims = JsonNodeFactory.instance.objectNode();
        claims.put(
                "plan_identity",
                PlanIdentity.of(
                                steps,
                                journal.metadata().sourceAccountId(),
                                journal.metadata().targetAccountId())
                        .sha256());
        String environment = environment(journal.entries()).orElse(null);
        claims.put("environment", environment);
        claims.put("run_id", journal.metadata().runId());
        claims.put("tool_version", journal.metadata().pluginVersion());
        claims.put("started_at", time(journal.metadata().startedAt()));
        List<JournalEntry> entries = journal.entries();
        claims.put(
                "ended_at",
                entries.isEmpty() ? null : time(entries.get(entries.size() - 1).at()));
        List<String> failedSteps = new ArrayList<>();
        List<String> notExercised = new ArrayList<>();
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        int expected = 0;
        for (ExecutionStep step : steps) {
            String execute = execute(state.stateOf(step.stepId()));
            String rollback = rollback(step, execute, rollbacks);
            if (!execute.equals(SUCCEEDED)) {
                failedSteps.add(step.stepId() + " (" + execute + ")");
            }
            if (execute.equals(SUCCEEDED)
                    && step.mutating()
                    && !step.rollbackCmd().isEmpty()) {
                expected++;
                if (!rollback.equals("rolled-back")) {
                    notExercised.add(step.stepId() + " (" + rollback + ")");
                }
            }
            rows.add(row(step, execute, rollback, state.step(step.stepId()), rollbacks));
        }
        List<String> reasons = reasons(environment, failedSteps, rollbacks.started(), notExercised);
        claims.put("outcome", reasons.isEmpty() ? SUCCEEDED : FAILED);
        reasons.forEach(claims.putArray("reasons")::add);
        claims.put("rollbacks_expected", expected);
        claims.put("rollbacks_exercised", expected - notExercised.size());
        claims.set("steps", rows);
        return claims;
    }

    private static List<String> reasons(
            String environment, List<String> failedSteps, boolean rollbackStarted, List<String> notExercised) {
        List<String> reasons = new ArrayList<>();
        if (environment == null || !REHEARSAL_ENVIRONMENTS.contains(environment)) {
            reasons.add("environment: " + (environment == null ? "not recorded in the journal" : environment)
                    + " is not a rehearsal environment (" + String.join(", ", sorted()) + ")");
        }
        if (!failedSteps.isEmpty()) {
            reasons.add(
                    "execute: " + failedSteps.size() + " step(s) did not succeed: " + String.join(", ", failedSteps));
        }
        if (!rollbackStarted) {
            reasons.add("rollback: the reverse rollback was never run");
        } else if (!notExercised.isEmpty()) {
            reasons.add("rollbacks not exercised: " + String.join(", ", notExercised));
        }
        return reasons;
    }

    private static List<String> sorted() {
        return REHEARSAL_ENVIRONMENTS.stream().sorted().toList();
    }

    private static ObjectNode row(
            ExecutionStep step,
            String execute,
            String rollback,
            Optional<StepHistory> history,
            ReverseRollbacks rollbacks) {
        ObjectNode row = JsonNodeFactory.instance.objectNode().put("step_id", step.stepId());
        row.put("execute", execute);
        Instant started = history.flatMap(StepHistory::firstStartedAt).orElse(null);
        Instant ended = history.filter(h -> h.state() != StepResumeState.PENDING)
                .map(StepHistory::lastEventAt)
                .orElse(null);
        row.put("execute_started_at", time(started));
        row.put("execute_ended_at", time(ended));
        row.put("execute_ms", started == null || ended == null ? null : millis(started, ended));
        row.put("rollback", rollback);
        Optional<ReverseRollbacks.Step> r = rollbacks.step(step.stepId());
        row.put(
                "rollback_started_at",
                time(r.map(ReverseRollbacks.Step::offeredAt).orElse(null)));
        row.put(
                "rollback_ended_at",
                time(r.flatMap(ReverseRollbacks.Step::endedAt).orElse(null)));
        row.put(
                "rollback_ms",
                r.flatMap(s -> s.endedAt().map(end -> millis(s.offeredAt(), end)))
                        .orElse(null));
        return row;
    }

    private static String execute(StepResumeState s) {
        return switch (s) {
            case DONE -> SUCCEEDED;
            case SKIPPED -> "skipped";
            case NEEDS_DECISION -> FAILED;
            case IN_FLIGHT, RESTART_WITH_FRESH_APPROVAL -> "in-flight";
            case PENDING -> "not-run";
        };
    }

    private static String rollback(ExecutionStep step, String execute, ReverseRollbacks rollbacks) {
        if (!execute.equals(SUCCEEDED)) {
            return "not-applicable";
        }
        if (!step.mutating()) {
            return "nothing-to-undo";
        }
        return switch (rollbacks.stateOf(step.stepId())) {
            case UNDONE -> "rolled-back";
            case REMAINS -> step.rollbackCmd().isEmpty() ? "no-rollback-command" : "remains";
            case NOT_STARTED -> "not-reached";
            default -> "not-finished";
        };
    }

    /** The environment the first lock entry names ({@code environment <name>} in its notes). */
    static Optional<String> environment(List<JournalEntry> entries) {
        for (JournalEntry e : entries) {
            if (e.event() == JournalEvent.LOCK_ACQUIRED || e.event() == JournalEvent.LOCK_TAKEN_OVER_FROM_STALE) {
                String notes = e.notes() == null ? "" : e.notes();
                for (String part : notes.split(";")) {
                    String p = part.strip();
                    if (p.startsWith(ENVIRONMENT)) {
                        return Optional.of(p.substring(ENVIRONMENT.length()).strip());
                    }
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    private static String time(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
