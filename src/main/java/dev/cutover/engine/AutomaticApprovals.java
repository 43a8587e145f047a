package dev.cutover.engine;

import dev.cutover.approval.Answer;
import dev.cutover.approval.AnswerSource;
import dev.cutover.approval.Approver;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.approval.Question;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.PointOfNoReturn;
import dev.cutover.input.ApprovalMode;
import dev.cutover.input.FreezeWindow;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The looser approval modes (docs/environments.md): step approvals the mode does not reserve for a human are
 * answered {@code approve} here, with notes naming the mode, the rule that allows it and why the step qualifies,
 * so the journal still holds one truthful {@code approved} entry per step. Everything else — manual steps, the
 * handoff, destructive steps under {@code destructive-only}, go/no-go, gates, failures, resume questions and
 * parameter values — goes to the operator's approver as always.
 */
final class AutomaticApprovals implements Approver {
    private final Approver delegate;
    private final ApprovalMode mode;
    private final String rule;
    private final Map<String, ExecutionStep> steps;
    private final Set<String> alwaysAsked;
    private final PrintWriter out;

    /**
     * @param rule why the mode applies, e.g. {@code --approval destructive-only; development allows up to …}
     * @param plan the steps, the point of no return and the freeze windows (a step that begins one is destructive)
     */
    AutomaticApprovals(Approver delegate, ApprovalMode mode, String rule, LoadedPlan plan, PrintWriter out) {
        this.delegate = delegate;
        this.mode = mode;
        this.rule = rule;
        this.out = out;
        List<ExecutionStep> all = plan.plan().steps();
        this.steps = all.stream().collect(Collectors.toMap(ExecutionStep::stepId, Function.identity()));
        Set<String> freezeStarts = plan.inputs().dataPlane().freezeWindows().stream()
                .map(FreezeWindow::beginsAtStepId)
                .collect(Collectors.toSet());
        this.alwaysAsked = new HashSet<>();
        PointOfNoReturn.of(all).ifPresent(p -> alwaysAsked.add(p.stepId()));
        all.stream()
                .filter(s -> freezeStarts.contains(s.checklistItemId()) || freezeStarts.contains(s.stepId()))
                .forEach(s -> alwaysAsked.add(s.stepId()));
    }

    @Override
    public Answer ask(Question question) {
        ExecutionStep step = steps.get(question.stepId());
        if (step == null || !question.allows(Choice.APPROVE) || !automatic(question.kind(), step)) {
            return delegate.ask(question);
        }
        String notes = "automatic approval, approval mode " + mode.configName() + ": " + why(step) + "; " + rule;
        out.print(question.prompt());
        out.println("> approve   (" + notes + ")");
        out.flush();
        return Answer.of(Choice.APPROVE, AnswerSource.POLICY, notes);
    }

    /** Whether the mode answers this question about {@code step} without asking. */
    private boolean automatic(PromptKind kind, ExecutionStep step) {
        if (step.human() || step.handoff()) {
            return false; // approving a manual step certifies a human did it: never automatic
        }
        return switch (kind) {
            case APPROVE ->
                mode == ApprovalMode.UNATTENDED || destructiveness(step).isEmpty();
            case IRREVERSIBLE -> mode == ApprovalMode.UNATTENDED;
            default -> false;
        };
    }

    /** Why {@code step} is destructive under {@code destructive-only}; empty when it is not. */
    List<String> destructiveness(ExecutionStep step) {
        List<String> why = new ArrayList<>();
        if (!step.mutating()) {
            return why; // changes nothing, so there is nothing to roll back either
        }
        if (step.irreversible()) {
            why.add("irreversible");
        }
        if ("high".equals(step.risk())) {
            why.add("high risk");
        }
        if (step.rollbackCmd().isEmpty()) {
            why.add("no rollback command");
        }
        if (alwaysAsked.contains(step.stepId())) {
            why.add("point of no return or begins a freeze");
        }
        return why;
    }

    private String why(ExecutionStep step) {
        return mode == ApprovalMode.UNATTENDED
                ? "no step approval is asked in this mode"
                : !step.mutating()
                        ? "not destructive (changes nothing)"
                        : "not destructive (reversible with a rollback command, risk " + step.risk()
                                + ", no point of no return, no freeze)";
    }
}
