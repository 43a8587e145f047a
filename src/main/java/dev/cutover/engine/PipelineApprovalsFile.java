package dev.cutover.engine;

import dev.cutover.approval.AnswerRule;
import dev.cutover.approval.PromptKind;
import dev.cutover.approval.VisibleText;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.GateAnchors;
import dev.cutover.compile.PointOfNoReturn;
import dev.cutover.input.GoNoGoGate;
import dev.cutover.policy.CommandLint;
import dev.cutover.policy.CommandRole;
import dev.cutover.policy.Placeholders;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the approvals file of a pipeline change ({@code cutover prepare-pipeline}): an answers file
 * (docs/approvals.md) bound to one compiled plan by its {@value PipelineGate#STEPS_HASH_PREFIX} line. It approves,
 * by exact step id, what a reviewed change may approve in advance: go/no-go, each automated step and its
 * irreversible or point-of-no-return confirmation. What only a person can decide — manual steps, the handoff,
 * runtime values, each approver team's signature of a go/no-go gate ({@code gate:<team>}, a line per team) — is
 * written commented out, and there is no failure rule, so the run halts for a human wherever the change did not
 * decide.
 */
public final class PipelineApprovalsFile {
    private PipelineApprovalsFile() {}

    /** The file's text for {@code plan} in environment class {@code environment}. */
    public static String render(LoadedPlan plan, String environment) {
        List<ExecutionStep> steps = plan.plan().steps();
        StringBuilder b = header(plan, environment, PipelineGate.Purpose.EXECUTE, "approvals");
        b.append("""
                #
                # Read only by `cutover execute --pipeline-approvals` in a CI job (CI=true) that the CI system's
                # approval gate released (CUTOVER_PIPELINE_APPROVED), for a pipeline-only environment class, and
                # only for the plan whose execution-steps.json has the SHA-256 above. Every rule names one step.
                # There is no failure rule: a failed step halts the run for a human. Commented rules are decisions
                # the pipeline cannot take by itself; uncomment one only when its comment holds, in a commit the
                # reviewers see. Format: docs/approvals.md.

                go-no-go       cp-phase0-000-run   proceed
                """);
        Optional<String> point = PointOfNoReturn.of(steps).map(PointOfNoReturn::stepId);
        GateAnchors gates = plan.gates();
        for (ExecutionStep step : steps) {
            gates(b, step, gates.at(step.stepId()));
            b.append('\n');
            step(b, step, point.filter(step.stepId()::equals).isPresent());
        }
        return b.toString();
    }

    /**
     * The rollback approvals of the same plan, for {@code cutover rollback --pipeline-approvals} (the pipeline's
     * rollback job): each step's rollback command that Cutover can run, approved in review with its SHA-256.
     * Commented out, for a person: a manual rollback (done by hand), the manual procedure of an irreversible step or
     * of the point of no return, and runtime values. There is no rule for a rollback that did not undo its step,
     * so the rollback halts for a person there.
     */
    public static String renderRollback(LoadedPlan plan, String environment) {
        List<ExecutionStep> steps = plan.plan().steps();
        StringBuilder b = header(plan, environment, PipelineGate.Purpose.ROLLBACK, "ROLLBACK approvals");
        b.append("""
                #
                # Read only by `cutover rollback --pipeline-approvals` in a CI job (CI=true) that the CI system's
                # approval gate released (CUTOVER_PIPELINE_APPROVED), for a pipeline-only environment class, and
                # only for the plan whose execution-steps.json has the SHA-256 above; never by execute. The
                # rollback unwinds the steps that succeeded, latest first. A rollback that did not undo its step
                # halts for a human. Commented rules are decisions only a person can take; uncomment one only when
                # its comment holds, in a commit the reviewers see. Format: docs/approvals.md.
                """);
        Optional<String> point = PointOfNoReturn.of(steps).map(PointOfNoReturn::stepId);
        CommandLint lint = new CommandLint(plan.allowed());
        for (int i = steps.size() - 1; i >= 0; i--) {
            ExecutionStep step = steps.get(i);
            boolean pointOfNoReturn = point.filter(step.stepId()::equals).isPresent();
            if (step.rollbackCmd().isEmpty() && !step.irreversible() && !pointOfNoReturn) {
                continue;
            }
            b.append("\n# ")
                    .append(step.stepId())
                    .append(": ")
                    .append(oneLine(step.description()))
                    .append('\n');
            if (step.irreversible() || pointOfNoReturn) {
                b.append("# ")
                        .append(step.irreversible() ? "IRREVERSIBLE step" : "The point of no return")
                        .append(": its rollback is a manual procedure. Uncomment only when it is done.\n");
                b.append("# irreversible   ").append(step.stepId()).append("   approve\n");
            }
            if (step.rollbackCmd().isEmpty()) {
                b.append("# no rollback command: the step remains as it is.\n");
                continue;
            }
            List<String> params =
                    Placeholders.substitute(step.rollbackCmd(), Map.of(), false).openParameters();
            for (String param : params) {
                b.append("# param:")
                        .append(param)
                        .append("   ")
                        .append(step.stepId())
                        .append("   VALUE\n");
            }
            if (!lint.check(step.rollbackCmd(), CommandRole.WRITE).executable()) {
                b.append("# MANUAL rollback: done by hand. Uncomment only when it is done.\n");
                b.append("# rollback       ").append(step.stepId()).append("   approve\n");
                continue;
            }
            b.append("rollback       ").append(step.stepId()).append("   approve");
            if (params.isEmpty()) {
                b.append("   # rollback sha256 ").append(ApprovedCommand.sha256(step.rollbackCmd()));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** The title line, the plan binding and the purpose line both files begin with. */
    private static StringBuilder header(
            LoadedPlan plan, String environment, PipelineGate.Purpose purpose, String what) {
        return new StringBuilder()
                .append("# Cutover pipeline ")
                .append(what)
                .append(" for run ")
                .append(plan.inputs().controlPlane().metadata().runId())
                .append(" (environment ")
                .append(environment)
                .append("), generated by cutover prepare-pipeline.\n")
                .append(PipelineGate.STEPS_HASH_PREFIX)
                .append(PipelineGate.stepsSha256(plan.stepsJson()))
                .append('\n')
                .append(purpose.line())
                .append('\n');
    }

    /**
     * The gates asked before {@code step}, each team's signature on a commented line of its own ({@code gate:<team>}),
     * so that one team's commit never signs for another; a team on two gates asked there signs both with one line.
     */
    private static void gates(StringBuilder b, ExecutionStep step, List<GateAnchors.Gate> gates) {
        boolean teamsSign = gates.stream().anyMatch(g -> !g.gate().approvers().isEmpty());
        Set<String> written = new HashSet<>();
        for (GateAnchors.Gate anchored : gates) {
            GoNoGoGate gate = anchored.gate();
            b.append("\n# GO/NO-GO GATE of ").append(anchored.where());
            if (gate.approvers().isEmpty()) {
                unnamedTeam(b, step, anchored, teamsSign);
                continue;
            }
            b.append(", approvers: ")
                    .append(shown(String.join(", ", gate.approvers())))
                    .append(". Each team signs on its own line below: it uncomments that line, and only that line, in")
                    .append(" a commit of its own; cutover.yaml approvers must list the pipeline's operator for the")
                    .append(" team.\n");
            criteria(b, gate);
            for (String team : gate.approvers()) {
                if (!AnswerRule.canNameTeam(team)) {
                    b.append("# team '")
                            .append(shown(team))
                            .append("' cannot be named in a rule (it has a space or a control character): the")
                            .append(
                                    " pipeline cannot sign for it. Rename the team in the checklist and cutover.yaml.\n");
                } else if (!written.add(team)) {
                    b.append("# The line of gate:").append(team).append(" above signs this gate for it too.\n");
                } else {
                    b.append("# ").append(rulePrompt(AnswerRule.GATE_TEAM_PREFIX + team));
                    b.append(step.stepId()).append("   approve\n");
                }
            }
        }
    }

    /** A gate without approver teams: one plain rule signs it, unless teams of another gate sign at the same step. */
    private static void unnamedTeam(StringBuilder b, ExecutionStep step, GateAnchors.Gate anchored, boolean teamsSign) {
        if (teamsSign) {
            b.append(", which names no approver team, is asked at ")
                    .append(step.stepId())
                    .append(" with a gate whose teams sign there: a plain rule would sign for them too, so the")
                    .append(" pipeline cannot sign it. Name its approver teams in the checklist.\n");
            criteria(b, anchored.gate());
            return;
        }
        b.append(", which names no approver team: one plain rule signs it, for anyone the pipeline runs as")
                .append(" (production refuses such a gate).\n");
        criteria(b, anchored.gate());
        b.append("# ").append(rulePrompt(PromptKind.GATE.wireName()));
        b.append(step.stepId()).append("   approve\n");
    }

    private static void criteria(StringBuilder b, GoNoGoGate gate) {
        gate.criteria()
                .forEach(c -> b.append("#   criterion: ").append(oneLine(c)).append('\n'));
    }

    /** The prompt padded to the column the other rules' step ids start in. */
    private static String rulePrompt(String prompt) {
        return prompt + " ".repeat(Math.max(2, 15 - prompt.length()));
    }

    /** Checklist text in a comment: on one line, and without characters that would act on a terminal. */
    private static String shown(String text) {
        return VisibleText.of(oneLine(text));
    }

    private static void step(StringBuilder b, ExecutionStep step, boolean pointOfNoReturn) {
        b.append("# ")
                .append(step.stepId())
                .append(": ")
                .append(oneLine(step.description()))
                .append('\n');
        if (step.handoff()) {
            b.append("# Uncomment only when every handoff criterion is known to hold when the run gets here.\n");
            b.append("# handoff        ").append(step.stepId()).append("   approve\n");
            return;
        }
        if (step.human()) {
            b.append(
                    "# MANUAL step: the pipeline cannot do it. Uncomment only if it is done before the run gets here.\n");
            b.append("# approve        ").append(step.stepId()).append("   approve\n");
            return;
        }
        for (String param : step.runtimeParams()) {
            b.append("# param:")
                    .append(param)
                    .append("   ")
                    .append(step.stepId())
                    .append("   VALUE\n");
        }
        b.append("approve        ").append(step.stepId()).append("   approve");
        if (step.runtimeParams().isEmpty()) {
            b.append("   # command sha256 ").append(ApprovedCommand.sha256(step.executeCmd()));
        }
        b.append('\n');
        if (step.irreversible() || pointOfNoReturn) {
            b.append("irreversible   ")
                    .append(step.stepId())
                    .append("   approve   # ")
                    .append(step.irreversible() ? "irreversible: second confirmation" : "")
                    .append(step.irreversible() && pointOfNoReturn ? "; " : "")
                    .append(pointOfNoReturn ? "crossing the point of no return" : "")
                    .append('\n');
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
