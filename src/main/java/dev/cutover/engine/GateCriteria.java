package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.GateCriterionLinks;
import dev.cutover.input.GoNoGoGate;
import dev.cutover.journal.EntryDraft;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalEvent;
import dev.cutover.policy.CommandRole;
import dev.cutover.shell.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The criteria of a go/no-go gate, each checked by machine where the plan links it to a verify command
 * ({@link GateCriterionLinks}): a criterion that names a step of the plan (e.g. "dp-phase2-010-copy-data: bulk copy
 * complete") is checked by running that step's read-only verify command now, so the signers see the system's answer
 * next to the claim. Compile refuses a link to a step that runs at or after the gate, so the step has had its turn.
 * Each check is journaled as a run-level {@code verify-passed} / {@code verify-failed}. A criterion without a link,
 * or whose command cannot run before its step (open runtime parameters), stays for the signers to judge.
 */
final class GateCriteria {
    private final EngineContext ctx;
    private final Map<String, ExecutionStep> stepsById;

    GateCriteria(EngineContext ctx, List<ExecutionStep> plan) {
        this.ctx = ctx;
        this.stepsById = plan.stream().collect(Collectors.toMap(ExecutionStep::stepId, Function.identity()));
    }

    /** How one criterion stands; {@code checkedBy} is the step whose verify command was run, if any. */
    record Criterion(String text, Optional<String> checkedBy, Status status, String detail) {
        String line() {
            String mark = switch (status) {
                case PASSED -> "[x]";
                case FAILED -> "[!]";
                case FOR_SIGNERS -> "[ ]";
            };
            return mark + " " + text + (detail.isEmpty() ? "" : "  (" + detail + ")");
        }
    }

    enum Status {
        PASSED,
        FAILED,
        FOR_SIGNERS
    }

    /** Checks every criterion of {@code gate} that the plan links to a verify command, in the gate's order. */
    List<Criterion> check(String gateKey, GoNoGoGate gate) {
        List<Criterion> out = new ArrayList<>();
        for (String text : gate.criteria()) {
            out.add(GateCriterionLinks.linkedStep(text, stepsById)
                    .map(step -> check(gateKey, text, step))
                    .orElseGet(() -> new Criterion(text, Optional.empty(), Status.FOR_SIGNERS, "")));
        }
        return out;
    }

    private Criterion check(String gateKey, String text, ExecutionStep step) {
        String cmd = step.verifyCmd();
        Optional<String> why = notRunnable(cmd);
        if (why.isPresent()) {
            return new Criterion(
                    text,
                    Optional.empty(),
                    Status.FOR_SIGNERS,
                    "verify of " + step.stepId() + " not run: " + why.get());
        }
        CommandResult r = ctx.commands().run(JournalEntry.RUN_STEP_ID, "gate-check", cmd);
        // The step's own pass rule, not the exit code alone: a poll-derived verify exits 0 on a Failed job.
        Optional<String> failure = Verification.failure(step, r);
        boolean passed = failure.isEmpty();
        ctx.journal()
                .append(EntryDraft.runLevel(passed ? JournalEvent.VERIFY_PASSED : JournalEvent.VERIFY_FAILED)
                        .withCmd(cmd)
                        .withExitCode(r.exitCode())
                        .withTails(r.stdoutTail(), r.stderrTail())
                        .withNotes("gate " + gateKey + " criterion check (verify of " + step.stepId() + "): " + text));
        String detail = "verify of " + step.stepId() + " exited " + r.exitCode();
        return new Criterion(
                text,
                Optional.of(step.stepId()),
                passed ? Status.PASSED : Status.FAILED,
                passed
                        ? "checked: " + detail
                        : "CHECK FAILED: verify of " + step.stepId() + ": " + failure.get() + lastLine(r.stderrTail()));
    }

    /** Why a verify command cannot run at the gate: it needs values only its step asks, or the lint refuses it. */
    private Optional<String> notRunnable(String cmd) {
        List<String> open = new RuntimeValues().open(cmd);
        if (!open.isEmpty()) {
            return Optional.of("it needs {" + String.join("}, {", open) + "}, asked only at its step");
        }
        if (!ctx.lint().check(cmd, CommandRole.READ).executable()) {
            return Optional.of("it is not an allowed read-only command");
        }
        return Optional.empty();
    }

    private static String lastLine(String tail) {
        if (tail == null || tail.isBlank()) {
            return "";
        }
        String[] lines = tail.strip().split("\n");
        return ": " + lines[lines.length - 1];
    }
}
