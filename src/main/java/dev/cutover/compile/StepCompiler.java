package dev.cutover.compile;

import dev.cutover.error.CutoverException;
import dev.cutover.input.Inputs;
import dev.cutover.input.Plane;
import dev.cutover.policy.AllowedPrograms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compiles loaded inputs into the ordered steps of {@code execution-steps.json} plus warnings (FORMATS.md
 * §4). Pure and deterministic: no clock, environment, file or random source; every compile error is
 * collected before one {@link CutoverException} with {@code COMPILE_FAILED} is thrown.
 */
public final class StepCompiler {
    private final AllowedPrograms allowed;

    public StepCompiler(AllowedPrograms allowed) {
        this.allowed = Objects.requireNonNull(allowed, "allowed");
    }

    public Plan compile(Inputs inputs) {
        CompileErrors errors = new CompileErrors();
        Warnings warnings = new Warnings();
        inputs.inputWarnings().forEach(w -> warnings.add(null, w));
        ItemCompiler items = itemCompiler(inputs, errors, warnings);
        StepIds ids = new StepIds(errors);
        List<ExecutionStep> drafts = new ArrayList<>();
        List<StepFacts> facts = new ArrayList<>();
        // A flag, not a search of the drafts for the handoff before every data-plane item: that search made
        // compiling n items cost n² (docs/performance.md). No item compiles to the handoff's id (StepIds).
        boolean handoffAdded = false;
        for (SourceItem at : ChecklistItems.collect(inputs)) {
            if (at.plane() == Plane.DP && !handoffAdded) {
                addHandoff(inputs, drafts, facts);
                handoffAdded = true;
            }
            items.compile(at, ids).ifPresent(c -> {
                drafts.add(c.step());
                facts.add(c.facts());
            });
        }
        if (!handoffAdded) {
            addHandoff(inputs, drafts, facts);
        }
        DependsOnCycles.check(inputs.dataMigrationPlan(), errors);
        Map<String, Set<String>> requires =
                new RequiresResolver(inputs, items::datastoreKeyId, warnings).resolve(facts);
        List<String> order = new ExecutionOrder(errors).order(facts, requires);
        new PlanWarnings(inputs, errors, warnings).check(drafts);
        errors.throwIfAny();
        List<CompileWarning> found = warnings.list();
        List<ExecutionStep> steps = ordered(drafts, order, requires, found);
        // Needs the execution order, which exists only once the steps compiled.
        new GateCriteriaOrder(errors).check(GateAnchors.of(inputs, steps), steps);
        errors.throwIfAny();
        return new Plan(steps, found);
    }

    private ItemCompiler itemCompiler(Inputs inputs, CompileErrors errors, Warnings warnings) {
        CommandPreparer preparer = new CommandPreparer(allowed, errors);
        CommandSelector selector = new CommandSelector(preparer, new Polling(preparer, errors, warnings), warnings);
        StepAssembler assembler =
                new StepAssembler(new RollbackResolver(inputs), new RiskAndOwnership(inputs), warnings);
        return new ItemCompiler(inputs, errors, selector, assembler);
    }

    private static void addHandoff(Inputs inputs, List<ExecutionStep> drafts, List<StepFacts> facts) {
        ExecutionStep handoff = HandoffStep.build(inputs.controlPlane());
        drafts.add(handoff);
        facts.add(new StepFacts(handoff.stepId(), Plane.CP, 6, null, handoff.action(), false, Set.of(), null));
    }

    /**
     * Each step's own warnings, in the order found, to show again at its prompt (§3.1: notes carry warnings).
     * Grouped once: filtering every warning for each step cost steps × warnings.
     */
    private static Map<String, List<String>> warningNotes(List<CompileWarning> warnings) {
        Map<String, List<String>> byStep = new HashMap<>();
        for (CompileWarning w : warnings) {
            if (w.stepId() != null) {
                byStep.computeIfAbsent(w.stepId(), id -> new ArrayList<>()).add("WARNING: " + w.message());
            }
        }
        return byStep;
    }

    /** The steps in execution order, each with its requires sorted by execution order. */
    private static List<ExecutionStep> ordered(
            List<ExecutionStep> drafts,
            List<String> order,
            Map<String, Set<String>> requires,
            List<CompileWarning> warnings) {
        Map<String, ExecutionStep> byId = new HashMap<>();
        drafts.forEach(s -> byId.put(s.stepId(), s));
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        Map<String, List<String>> notes = warningNotes(warnings);
        List<ExecutionStep> out = new ArrayList<>();
        for (String id : order) {
            List<String> sorted = requires.getOrDefault(id, Set.of()).stream()
                    .sorted((a, b) -> Integer.compare(position.get(a), position.get(b)))
                    .toList();
            out.add(Steps.withRequires(byId.get(id), sorted, notes.getOrDefault(id, List.of())));
        }
        return out;
    }
}
