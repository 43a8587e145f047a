package dev.cutover.engine;

import dev.cutover.approval.Answer;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.approval.Question;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.input.GoNoGoGate;
import dev.cutover.journal.JournalEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A phase's go/no-go gate, enforced (issue 5): before the phase's first step runs — the walk is strictly in order,
 * so every earlier step has finished — each approver team signs separately. The signer is the run's operator,
 * who must be listed for the team in {@code cutover.yaml approvers}; with no operators mapped, anyone may sign
 * outside production (pre-flight refuses that in production). Each signature is a run-level {@code approved}
 * with notes naming gate and team ({@link GateSignatures}); a refusal halts the run. Signatures survive a
 * resume, so teams sign once even when different operators sign for different teams across resumes.
 */
final class GateSignOff {
    private final EngineContext ctx;
    private final Set<String> signed;

    /** @param signed signatures already in the journal, as {@link GateSignatures#key} */
    GateSignOff(EngineContext ctx, Set<String> signed) {
        this.ctx = ctx;
        this.signed = new HashSet<>(signed);
    }

    /**
     * Empty when the gate of {@code firstStep}'s phase is signed by every team (or there is none). Criteria the
     * plan links to a verify command are checked once, before the first signature still missing; a failed check
     * halts the run, since nobody can sign "go" against the system's own answer.
     */
    Optional<RunEnding> beforePhase(ExecutionStep firstStep, GateCriteria criteria) {
        String gateKey = GateKeys.firstStepGate(firstStep);
        GoNoGoGate gate = ctx.settings().gates().get(gateKey);
        if (gate == null) {
            return Optional.empty();
        }
        List<String> teams = gate.approvers().isEmpty() ? List.of(GateSignatures.UNNAMED_TEAM) : gate.approvers();
        List<String> unsigned = teams.stream()
                .filter(team -> !signed.contains(GateSignatures.key(gateKey, team)))
                .toList();
        if (unsigned.isEmpty()) {
            return Optional.empty();
        }
        List<GateCriteria.Criterion> checked = criteria.check(gateKey, gate);
        Optional<RunEnding> failed = failedCheck(firstStep, gate, checked);
        if (failed.isPresent()) {
            return failed;
        }
        for (String team : unsigned) {
            Optional<RunEnding> stop = sign(firstStep, gateKey, new Asked(gate, checked), team);
            if (stop.isPresent()) {
                return stop;
            }
        }
        return Optional.empty();
    }

    private Optional<RunEnding> failedCheck(ExecutionStep step, GoNoGoGate gate, List<GateCriteria.Criterion> checked) {
        List<GateCriteria.Criterion> failed = checked.stream()
                .filter(c -> c.status() == GateCriteria.Status.FAILED)
                .toList();
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        ctx.out().println(ctx.prompts().headerFor(step));
        ctx.out().print(ctx.prompts().gate(step, gate.approvers(), lines(checked)));
        String why = "go/no-go gate of phase " + step.phaseNumber() + " (" + step.phaseName() + ") not signable: "
                + failed.get(0).line() + "; fix it, then continue with --resume (the checks run again)";
        ctx.out().println("GATE BLOCKED: " + why);
        return Optional.of(RunEnding.halted(why, step.stepId()));
    }

    private static List<String> lines(List<GateCriteria.Criterion> checked) {
        return checked.stream().map(GateCriteria.Criterion::line).toList();
    }

    /** The gate as the signers see it: its approvers and each criterion with its check. */
    private record Asked(GoNoGoGate gate, List<GateCriteria.Criterion> criteria) {}

    private Optional<RunEnding> sign(ExecutionStep step, String gateKey, Asked asked, String team) {
        GoNoGoGate gate = asked.gate();
        String operator = ctx.journal().operator();
        List<String> allowed = ctx.settings().gateApprovers().getOrDefault(team, List.of());
        if (!allowed.isEmpty() && !allowed.contains(operator)) {
            String why = "operator " + operator + " may not sign the go/no-go gate of phase " + step.phaseNumber()
                    + " (" + step.phaseName() + ") for team " + team + "; cutover.yaml approvers lists "
                    + String.join(", ", allowed) + ". One of them continues with --resume to sign.";
            ctx.out().println("REFUSED: " + why);
            return Optional.of(RunEnding.halted(why, step.stepId()));
        }
        Answer a = ctx.approver().ask(question(step, asked, team, operator, allowed.isEmpty()));
        if (a.choice() == Choice.APPROVE) {
            ctx.journal()
                    .runLevel(
                            JournalEvent.APPROVED,
                            StepRun.join(GateSignatures.notes(gateKey, step.phaseName(), team), a.notes()));
            signed.add(GateSignatures.key(gateKey, team));
            ctx.notifications().gateSigned(step, team);
            return Optional.empty();
        }
        String why =
                "go/no-go gate of phase " + step.phaseNumber() + " (" + step.phaseName() + ") refused for team " + team;
        ctx.journal().runLevel(JournalEvent.ABORTED, StepRun.join("gate " + gateKey + ": " + why, a.notes()));
        ctx.notifications().gateRefused(step, team);
        return Optional.of(RunEnding.halted(why, step.stepId()));
    }

    private Question question(ExecutionStep step, Asked asked, String team, String operator, boolean unmapped) {
        GoNoGoGate gate = asked.gate();
        StringBuilder p = new StringBuilder(ctx.prompts().headerFor(step)).append('\n');
        p.append(ctx.prompts().gate(step, gate.approvers(), lines(asked.criteria())));
        p.append("  next step: ").append(step.stepId()).append('\n');
        if (gate.criteria().isEmpty()) {
            p.append("  WARNING: this gate lists no criteria.\n");
        }
        if (unmapped) {
            p.append("  WARNING: cutover.yaml maps no operators to team ")
                    .append(team)
                    .append(", so anyone may sign for it here (never in production).\n");
        }
        p.append("Sign the go/no-go for team ")
                .append(team)
                .append(" as ")
                .append(operator)
                .append("? Approve only if every criterion above holds.\n");
        return Question.choose(PromptKind.GATE, step.stepId(), p.toString(), Choice.APPROVE, Choice.ABORT);
    }
}
