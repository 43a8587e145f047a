package dev.cutover.engine;

import dev.cutover.approval.Answer;
import dev.cutover.approval.Choice;
import dev.cutover.approval.Question;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.GateAnchors;
import dev.cutover.input.GoNoGoGate;
import dev.cutover.journal.GateQuestion;
import dev.cutover.journal.JournalEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A phase's go/no-go gate, enforced (issue 5): before the step it is anchored at runs ({@link GateAnchors}: the
 * phase's first step, or the first step after an empty phase) — the walk is strictly in order and waits for every
 * job there, so every earlier step has finished — each approver team signs separately. The signer is the run's operator,
 * who must be listed for the team in {@code cutover.yaml approvers}; with no operators mapped, anyone may sign
 * outside production (pre-flight refuses that in production). Each signature is a question of its own that names
 * the team ({@code gate:<team>} in an answers file), journaled as it is put (a run-level {@code approval-requested},
 * {@link GateQuestion}) and answered by a run-level {@code approved} with notes naming gate and team
 * ({@link GateSignatures}); a refusal halts the run. Signatures survive a
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

    /** The gates that must still be signed before {@code step} runs; empty when it may run. */
    List<GateAnchors.Gate> due(ExecutionStep step) {
        return ctx.settings().gates().dueBy(step.stepId()).stream()
                .filter(gate -> !unsigned(gate).isEmpty())
                .toList();
    }

    /**
     * Empty when every gate due before {@code step} ({@link #due}) is signed by every team. Criteria the plan links
     * to a verify command are checked once per gate, before its first signature still missing; a failed check
     * halts the run, since nobody can sign "go" against the system's own answer.
     */
    Optional<RunEnding> before(ExecutionStep step, GateCriteria criteria) {
        for (GateAnchors.Gate gate : due(step)) {
            Optional<RunEnding> stop = signAll(step, gate, criteria);
            if (stop.isPresent()) {
                return stop;
            }
        }
        return Optional.empty();
    }

    private List<String> unsigned(GateAnchors.Gate gate) {
        List<String> approvers = gate.gate().approvers();
        List<String> teams = approvers.isEmpty() ? List.of(GateSignatures.UNNAMED_TEAM) : approvers;
        return teams.stream()
                .filter(team -> !signed.contains(GateSignatures.key(gate.key(), team)))
                .toList();
    }

    private Optional<RunEnding> signAll(ExecutionStep step, GateAnchors.Gate gate, GateCriteria criteria) {
        List<GateCriteria.Criterion> checked = criteria.check(gate.key(), gate.gate());
        Optional<RunEnding> failed = failedCheck(step, gate, checked);
        if (failed.isPresent()) {
            return failed;
        }
        for (String team : unsigned(gate)) {
            Optional<RunEnding> stop = sign(step, new Asked(gate, checked), team);
            if (stop.isPresent()) {
                return stop;
            }
        }
        return Optional.empty();
    }

    private Optional<RunEnding> failedCheck(
            ExecutionStep step, GateAnchors.Gate gate, List<GateCriteria.Criterion> checked) {
        List<GateCriteria.Criterion> failed = checked.stream()
                .filter(c -> c.status() == GateCriteria.Status.FAILED)
                .toList();
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        ctx.out().println(ctx.prompts().headerFor(step));
        ctx.out().print(ctx.prompts().gate(gate, lines(checked)));
        String why = "go/no-go gate of " + gate.where() + " not signable: "
                + failed.get(0).line() + "; fix it, then continue with --resume (the checks run again)";
        ctx.out().println("GATE BLOCKED: " + why);
        return Optional.of(RunEnding.halted(why, step.stepId()));
    }

    private static List<String> lines(List<GateCriteria.Criterion> checked) {
        return checked.stream().map(GateCriteria.Criterion::line).toList();
    }

    /** The gate as the signers see it: its approvers and each criterion with its check. */
    private record Asked(GateAnchors.Gate gate, List<GateCriteria.Criterion> criteria) {}

    private Optional<RunEnding> sign(ExecutionStep step, Asked asked, String team) {
        GateAnchors.Gate gate = asked.gate();
        String operator = ctx.journal().operator();
        List<String> allowed = ctx.settings().gateApprovers().getOrDefault(team, List.of());
        if (!allowed.isEmpty() && !allowed.contains(operator)) {
            String why = "operator " + operator + " may not sign the go/no-go gate of " + gate.where() + " for team "
                    + team + "; cutover.yaml approvers lists " + String.join(", ", allowed)
                    + ". One of them continues with --resume to sign.";
            ctx.out().println("REFUSED: " + why);
            return Optional.of(RunEnding.halted(why, step.stepId()));
        }
        // Journaled before it is put, so status (which reads only the journal) says which signature is awaited.
        ctx.journal().append(new GateQuestion(gate.key(), gate.phaseName(), team).draft());
        Answer a = ctx.approver().ask(question(step, asked, team, operator, allowed.isEmpty()));
        if (a.choice() == Choice.APPROVE) {
            ctx.journal()
                    .runLevel(
                            JournalEvent.APPROVED,
                            StepRun.join(GateSignatures.notes(gate.key(), gate.phaseName(), team), a.notes()));
            signed.add(GateSignatures.key(gate.key(), team));
            ctx.notifications().gateSigned(step, gate, team);
            return Optional.empty();
        }
        String why = "go/no-go gate of " + gate.where() + " refused for team " + team;
        ctx.journal().runLevel(JournalEvent.ABORTED, StepRun.join("gate " + gate.key() + ": " + why, a.notes()));
        ctx.notifications().gateRefused(step, gate, team);
        return Optional.of(RunEnding.halted(why, step.stepId()));
    }

    private Question question(ExecutionStep step, Asked asked, String team, String operator, boolean unmapped) {
        GoNoGoGate gate = asked.gate().gate();
        StringBuilder p = new StringBuilder(ctx.prompts().headerFor(step)).append('\n');
        p.append(ctx.prompts().gate(asked.gate(), lines(asked.criteria())));
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
        // The question carries the team, so an answers file's `gate:<team>` rule answers this team's signature alone.
        String named = team.equals(GateSignatures.UNNAMED_TEAM) ? null : team;
        return Question.gate(step.stepId(), p.toString(), named, Choice.APPROVE, Choice.ABORT);
    }
}
