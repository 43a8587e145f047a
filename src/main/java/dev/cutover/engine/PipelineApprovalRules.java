package dev.cutover.engine;

import dev.cutover.approval.AnswerRule;
import dev.cutover.approval.AnswersFileApprover;
import dev.cutover.approval.PromptKind;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.GateAnchors;
import dev.cutover.compile.PointOfNoReturn;
import dev.cutover.error.Problem;
import dev.cutover.policy.Placeholders;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules a pipeline approvals file may hold (docs/environments.md, "The pipeline path"): only what
 * {@code prepare-pipeline} writes for the plan, commented or not, plus the {@code resume <step> retry} a reviewer
 * commits to continue a halted run. Every rule names one step of the plan exactly, asks a question the verb asks
 * at that step — a gate's signature for one of its approver teams ({@code gate:<team>}), never a plain {@code gate}
 * rule that signs for every team at once — and gives the one answer a reviewed change may give in advance;
 * everything else is a person's decision, so a rule for it is refused rather than left to answer it. A sandbox
 * {@code --answers} file is not held to this.
 */
public final class PipelineApprovalRules {
    private static final String DELETE =
            "delete the line: the run halts there for a person (docs/environments.md#the-pipeline-path)";

    private final PipelineGate.Purpose purpose;
    private final Map<String, ExecutionStep> steps;
    private final GateAnchors gates;
    private final Set<String> gateSteps;
    private final Optional<String> pointOfNoReturn;

    /** What is wrong with one rule, and the one-line fix. */
    private record Fault(String what, String fix) {}

    private PipelineApprovalRules(LoadedPlan plan, PipelineGate.Purpose purpose) {
        List<ExecutionStep> all = plan.plan().steps();
        this.purpose = purpose;
        this.steps = all.stream().collect(Collectors.toMap(ExecutionStep::stepId, Function.identity()));
        this.gates = plan.gates();
        this.gateSteps = gates.anchorStepIds();
        this.pointOfNoReturn = PointOfNoReturn.of(all).map(PointOfNoReturn::stepId);
    }

    /**
     * Every fault of {@code file}'s rules as the {@code purpose} verb's approvals of {@code plan}, in file order,
     * each naming the file, the line, what is wrong and the fix; empty when the file may be used.
     */
    public static List<Problem> check(AnswersFileApprover file, LoadedPlan plan, PipelineGate.Purpose purpose) {
        PipelineApprovalRules rules = new PipelineApprovalRules(plan, purpose);
        List<Problem> problems = new ArrayList<>();
        for (AnswerRule rule : file.rules()) {
            for (Fault f : rules.faults(rule)) {
                problems.add(new Problem(file.file().toString(), "", "line " + rule.line() + ": " + f.what(), f.fix()));
            }
        }
        return problems;
    }

    private List<Fault> faults(AnswerRule rule) {
        PromptKind kind = rule.kind();
        Optional<Fault> unasked = kindFault(kind);
        if (unasked.isPresent()) {
            // Which step or answer such a rule names does not matter: the whole line goes.
            return List.of(unasked.get());
        }
        List<Fault> faults = new ArrayList<>();
        String id = rule.glob().text();
        if (id.contains("*") || id.contains("?")) {
            faults.add(new Fault(
                    "step-id glob '" + id + "' is a pattern, and every rule of pipeline approvals names one step",
                    "write one rule per step with its exact id from execution-steps.json, as prepare-pipeline does"));
        } else {
            stepFault(kind, rule, id).ifPresent(faults::add);
        }
        answerFault(kind, rule).ifPresent(faults::add);
        return faults;
    }

    /** A prompt this verb's pipeline approvals never answer. */
    private Optional<Fault> kindFault(PromptKind kind) {
        boolean execute = purpose == PipelineGate.Purpose.EXECUTE;
        String in = "`" + kind.wireName() + "` has no place in " + purpose.verb() + "'s pipeline approvals";
        return switch (kind) {
            case FAILURE -> Optional.of(new Fault(in + ": a failure is never answered in advance", DELETE));
            case ROLLBACK ->
                execute
                        ? Optional.of(new Fault(
                                in + ": only `cutover rollback` asks it",
                                "move it to " + PipelineGate.Purpose.ROLLBACK.fileName() + ", or delete the line"))
                        : Optional.empty();
            case APPROVE, HANDOFF, GATE, GO_NO_GO, RESUME ->
                execute
                        ? Optional.empty()
                        : Optional.of(new Fault(
                                in + ": `cutover rollback` never asks it",
                                "delete the line; execute's decisions belong in "
                                        + PipelineGate.Purpose.EXECUTE.fileName()));
            case IRREVERSIBLE, PARAM -> Optional.empty();
        };
    }

    /** The named step is not one where this verb asks the rule's question. */
    private Optional<Fault> stepFault(PromptKind kind, AnswerRule rule, String id) {
        String prompt = rule.prompt();
        Optional<Fault> misplaced = runOrMissing(kind, prompt, id);
        if (misplaced.isPresent() || kind == PromptKind.GO_NO_GO) {
            return misplaced;
        }
        ExecutionStep step = steps.get(id);
        String never = "`" + prompt + "` is never asked at " + id + ": ";
        return switch (kind) {
            case APPROVE ->
                when(step.handoff(), never + "it is the handoff", "write `handoff " + id + " approve` instead");
            case HANDOFF ->
                when(
                        !step.handoff(),
                        never + "only " + ExecutionStep.HANDOFF_STEP_ID + " is the handoff",
                        "write `approve " + id + " approve` for this step, or delete the line");
            case GATE ->
                gateSteps.contains(id)
                        ? teamFault(rule.team(), id, never)
                        : Optional.of(new Fault(
                                never + "no go/no-go gate is signed there",
                                gateSteps.isEmpty()
                                        ? "delete the line: the plan has no go/no-go gate"
                                        : "name the step the gate's commented rule names ("
                                                + String.join(", ", gateSteps) + ")"));
            case IRREVERSIBLE ->
                when(
                        !step.irreversible()
                                && pointOfNoReturn.filter(id::equals).isEmpty(),
                        never + "it is neither irreversible nor the point of no return",
                        "delete the line");
            case ROLLBACK ->
                when(
                        step.rollbackCmd().isEmpty(),
                        never + "it has no rollback command",
                        "delete the line: the step remains as it is");
            case PARAM -> paramFault(step, prompt.substring("param:".length()), never);
            default -> Optional.empty();
        };
    }

    /**
     * A gate rule that does not sign for exactly one approver team of a gate asked at {@code id}: each team signs on
     * its own line ({@code gate:<team>}), so a plain {@code gate} rule, which signs for every team at once, is only
     * for a gate that names no team (and only where no team signs).
     */
    private Optional<Fault> teamFault(Optional<String> team, String id, String never) {
        List<GateAnchors.Gate> asked = gates.at(id);
        List<String> teams = asked.stream()
                .flatMap(g -> g.gate().approvers().stream())
                .distinct()
                .toList();
        String lines = teams.stream().map(t -> AnswerRule.GATE_TEAM_PREFIX + t).collect(Collectors.joining(", "));
        if (team.isEmpty()) {
            String unsignable = asked.stream()
                    .filter(g -> g.gate().approvers().isEmpty())
                    .map(g -> "; the gate of " + g.shortName() + " names no approver team, so the pipeline cannot"
                            + " sign it: name its teams in the checklist")
                    .collect(Collectors.joining());
            return when(
                    !teams.isEmpty(),
                    "a plain `gate` rule signs for every approver team at once (" + String.join(", ", teams)
                            + "), and in pipeline approvals each team signs on its own line",
                    "write one `gate:<team> " + id + " approve` line per team, each uncommented by its team in a"
                            + " commit of its own: " + lines + unsignable);
        }
        if (teams.isEmpty()) {
            return Optional.of(new Fault(
                    never + "the go/no-go gate asked there names no approver team",
                    "write `gate " + id + " approve`: the gate asked there names no approver team"));
        }
        return when(
                !teams.contains(team.get()),
                never + team.get() + " is not an approver team of the go/no-go gate" + (asked.size() == 1 ? "" : "s")
                        + " asked there (" + String.join(", ", teams) + ")",
                "name one of its teams: " + lines);
    }

    /** A rule on the run other than go/no-go, go/no-go elsewhere, or a step id the plan does not have. */
    private Optional<Fault> runOrMissing(PromptKind kind, String prompt, String id) {
        String run = ExecutionStep.RUN_LEVEL_STEP_ID;
        if (kind == PromptKind.GO_NO_GO || id.equals(run)) {
            return when(
                    kind != PromptKind.GO_NO_GO || !id.equals(run),
                    "only go-no-go is answered on the run (" + run + "), not `" + prompt + "` on " + id,
                    "write `go-no-go " + run + " proceed`, and no other rule on " + run);
        }
        return when(
                !steps.containsKey(id),
                "no step " + id + " in the plan",
                "use the exact id of a step in execution-steps.json");
    }

    /** A {@code param:} rule for a value none of the step's commands (for rollback: its rollback command) needs. */
    private Optional<Fault> paramFault(ExecutionStep step, String name, String never) {
        Set<String> asked = new LinkedHashSet<>();
        if (purpose == PipelineGate.Purpose.ROLLBACK) {
            asked.addAll(open(step.rollbackCmd(), false));
        } else {
            asked.addAll(step.runtimeParams());
            asked.addAll(open(step.previewCmd(), false));
            asked.addAll(open(step.verifyCmd(), false));
            asked.addAll(open(step.pollCmd(), true));
        }
        String whose = purpose == PipelineGate.Purpose.ROLLBACK ? "its rollback command" : "its commands";
        return when(
                !asked.contains(name),
                never + "no parameter {" + name + "} in " + whose,
                asked.isEmpty()
                        ? "delete the line: the step asks for no value"
                        : "name one of its parameters: " + String.join(", ", asked));
    }

    /** A rule whose answer is not the one answer a reviewed change may give to its question. */
    private static Optional<Fault> answerFault(PromptKind kind, AnswerRule rule) {
        String allowed = switch (kind) {
            case GO_NO_GO -> "proceed";
            case RESUME -> "retry";
            case PARAM -> rule.answer(); // a value: checked by the question's own rule when it is asked
            default -> "approve";
        };
        return when(
                !allowed.equals(rule.answer()),
                "`" + rule.prompt() + "` is answered '" + rule.answer() + "', and pipeline approvals answer it only '"
                        + allowed + "'",
                "write `" + allowed + "`, or " + DELETE);
    }

    private static Optional<Fault> when(boolean faulty, String what, String fix) {
        return faulty ? Optional.of(new Fault(what, fix)) : Optional.empty();
    }

    private static List<String> open(String command, boolean pollCommand) {
        return command == null
                ? List.of()
                : Placeholders.substitute(command, Map.of(), pollCommand).openParameters();
    }
}
