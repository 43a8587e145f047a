package dev.cutover.compile;

import dev.cutover.input.ChecklistItem;
import dev.cutover.input.ChecklistPhase;
import dev.cutover.input.ChecklistSection;
import dev.cutover.input.DataMigrationPlan;
import dev.cutover.input.FreezeWindow;
import dev.cutover.input.Inputs;
import dev.cutover.input.Plane;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that need the whole compiled plan (FORMATS.md §4.9): freeze windows must begin at a compiled
 * step (error) and should be released by one (warning); plan blockers, unused terraform modules and
 * items missing from the signed Markdown are warnings.
 */
final class PlanWarnings {
    private final Inputs inputs;
    private final CompileErrors errors;
    private final Warnings warnings;

    PlanWarnings(Inputs inputs, CompileErrors errors, Warnings warnings) {
        this.inputs = inputs;
        this.errors = errors;
        this.warnings = warnings;
    }

    void check(List<ExecutionStep> steps) {
        Set<String> ids = new TreeSet<>();
        steps.forEach(s -> ids.add(s.stepId()));
        checkFreezeWindows(ids, steps);
        warnBlockers();
        warnUnusedModules();
        warnUnaskedGates(steps);
        MarkdownShortIds controlPlane = new MarkdownShortIds(inputs.controlPlaneMarkdown());
        MarkdownShortIds dataPlane = new MarkdownShortIds(inputs.dataPlaneMarkdown());
        steps.forEach(s -> warnIfMissingFromMarkdown(s, "cp".equals(s.plane()) ? controlPlane : dataPlane));
    }

    private void checkFreezeWindows(Set<String> ids, List<ExecutionStep> steps) {
        List<FreezeWindow> windows = inputs.dataPlane().freezeWindows();
        Set<String> itemIds = null; // needed only when a window cites an id that is not a step
        for (int i = 0; i < windows.size(); i++) {
            FreezeWindow window = windows.get(i);
            String begins = window.beginsAtStepId();
            if (!ids.contains(begins)) {
                String compiledAs = fixFor(begins, steps);
                itemIds = itemIds == null ? dataPlaneItemIds() : itemIds;
                // An item with that id that did not compile already has its own error: one mistake, one report.
                if (compiledAs != null || !itemIds.contains(begins)) {
                    errors.add(
                            Plane.DP.jsonFile(),
                            "/freeze_windows/" + i + "/begins_at_step_id",
                            "freeze window begins at '" + begins + "', which is not a compiled step",
                            Objects.requireNonNullElse(
                                    compiledAs,
                                    "Set begins_at_step_id to the id of the data-plane item that starts the freeze."));
                }
            }
            if (window.releaseStepId() == null || !ids.contains(window.releaseStepId())) {
                warnings.add(
                        null,
                        "freeze window on " + window.datastoreArn() + " has no compiled release step ("
                                + window.releaseStepId() + "); it stays active until the operator lifts it");
            }
        }
    }

    /** Points at the step an item id compiled to, when the window names an item rather than a step; else null. */
    private static String fixFor(String cited, List<ExecutionStep> steps) {
        return steps.stream()
                .filter(s -> s.checklistItemId() != null && s.checklistItemId().equals(cited))
                .findFirst()
                .map(s -> "Item " + cited + " compiled to step " + s.stepId() + ": cite that step id, or give the"
                        + " item a step-shaped id.")
                .orElse(null);
    }

    private Set<String> dataPlaneItemIds() {
        Set<String> itemIds = new HashSet<>();
        for (ChecklistPhase phase : inputs.dataPlane().phases()) {
            for (ChecklistSection section : ChecklistSection.values()) {
                phase.items(section).forEach(item -> itemIds.add(item.id()));
            }
        }
        return itemIds;
    }

    private void warnBlockers() {
        for (DataMigrationPlan.Warning w : inputs.dataMigrationPlan().warnings()) {
            if ("blocker".equals(w.severity())) {
                warnings.add(null, "data-migration plan blocker: " + w.message());
            }
        }
    }

    private void warnUnusedModules() {
        Set<String> applied = new TreeSet<>();
        for (ChecklistPhase phase : inputs.controlPlane().phases()) {
            for (ChecklistItem item : phase.items(ChecklistSection.DURING_CUTOVER)) {
                if ("terraform-apply".equals(item.operationType()) && item.terraformModule() != null) {
                    applied.add(item.terraformModule());
                }
            }
        }
        for (ChecklistPhase phase : inputs.controlPlane().phases()) {
            for (String module : phase.terraformModules()) {
                if (!applied.contains(module)) {
                    warnings.add(
                            null,
                            "terraform module '" + module + "' listed in phase " + phase.number()
                                    + " is never applied by a terraform-apply item");
                }
            }
        }
    }

    /** A gate on a phase that neither has a step nor is followed by one in its plane guards nothing. */
    private void warnUnaskedGates(List<ExecutionStep> steps) {
        for (GateAnchors.Gate gate : GateAnchors.of(inputs, steps).unanchored()) {
            warnings.add(
                    null,
                    "the go/no-go gate of " + gate.where() + " is never asked: no step of its plane runs at or after"
                            + " that phase (" + gate.plane().jsonFile() + " /phases/" + gate.phaseIndex()
                            + "/go_no_go_gate). Add the phase's items, or remove the gate");
        }
    }

    private void warnIfMissingFromMarkdown(ExecutionStep step, MarkdownShortIds markdown) {
        if (step.handoff()) {
            return;
        }
        String shortId = step.stepId()
                .substring(0, step.stepId().indexOf('-', step.stepId().indexOf("-phase") + 8));
        if (!markdown.contains(shortId)) {
            warnings.add(
                    step.stepId(),
                    "not in the signed "
                            + ("cp".equals(step.plane()) ? Plane.CP.markdownFile() : Plane.DP.markdownFile())
                            + " (looked for " + shortId + ")");
        }
    }
}
