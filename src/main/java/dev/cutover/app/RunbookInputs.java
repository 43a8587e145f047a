package dev.cutover.app;

import dev.cutover.compile.GateAnchors;
import dev.cutover.digest.Sha256;
import dev.cutover.input.Checklist;
import dev.cutover.input.ChecklistPhase;
import dev.cutover.input.GoNoGoGate;
import dev.cutover.input.Inputs;
import dev.cutover.input.MigrationPlan;
import dev.cutover.input.RunDirectory;
import dev.cutover.report.RunbookInput;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Gathers what the runbook documents from a compiled run directory; the report package reads no input files. */
final class RunbookInputs {
    private RunbookInputs() {}

    static RunbookInput of(RunDirectory dir, CompiledPlan compiled) {
        Inputs in = compiled.inputs();
        return new RunbookInput(
                context(dir, compiled),
                compiled.plan().steps(),
                phases(in, GateAnchors.of(in, compiled.plan().steps())),
                rollbacks(in.migrationPlan()),
                in.dataPlane().freezeWindows().stream()
                        .map(w -> new RunbookInput.Freeze(
                                w.datastoreArn(),
                                w.durationMinutes(),
                                w.beginsAtStepId(),
                                w.releaseStepId(),
                                w.enforcementCommand()))
                        .toList(),
                contacts(in));
    }

    private static RunbookInput.Context context(RunDirectory dir, CompiledPlan compiled) {
        Inputs in = compiled.inputs();
        return new RunbookInput.Context(
                in.controlPlane().metadata().runId(),
                compiled.config().environment().configName(),
                Files.exists(dir.file(RunDirectory.CONFIG), LinkOption.NOFOLLOW_LINKS),
                in.controlPlane().metadata().sourceAccountId(),
                in.controlPlane().metadata().targetAccountId(),
                List.of(
                        "control plane " + in.controlPlane().metadata().capturedAt(),
                        "data plane " + in.dataPlane().metadata().capturedAt()),
                sha256(compiled.stepsJson()));
    }

    /** Every checklist phase in execution order, with the handoff between the planes. */
    private static List<RunbookInput.Phase> phases(Inputs in, GateAnchors anchors) {
        List<RunbookInput.Phase> out = new ArrayList<>(phasesOf(in.controlPlane(), "CP", anchors));
        out.add(new RunbookInput.Phase(
                "handoff",
                "Handoff to the data plane",
                null,
                new RunbookInput.Gate(in.controlPlane().handoffCriteria(), List.of(), null)));
        out.addAll(phasesOf(in.dataPlane(), "DP", anchors));
        return out;
    }

    private static List<RunbookInput.Phase> phasesOf(Checklist checklist, String prefix, GateAnchors anchors) {
        return checklist.phases().stream()
                .sorted(Comparator.comparingInt(ChecklistPhase::number))
                .map(p -> new RunbookInput.Phase(
                        prefix + p.number(),
                        p.name(),
                        p.description(),
                        gate(p.goNoGoGate(), anchorOf(anchors, prefix, p.number()))))
                .toList();
    }

    /** The step the run asks the gate of phase {@code number} before, as the walk anchors it; null if none. */
    private static String anchorOf(GateAnchors anchors, String prefix, int number) {
        String key = prefix.toLowerCase(Locale.ROOT) + number;
        return anchors.all().stream()
                .filter(g -> g.key().equals(key))
                .map(GateAnchors.Gate::anchorStepId)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static RunbookInput.Gate gate(GoNoGoGate gate, String askedBefore) {
        return gate == null ? null : new RunbookInput.Gate(gate.criteria(), gate.approvers(), askedBefore);
    }

    private static List<RunbookInput.PlanRollback> rollbacks(MigrationPlan plan) {
        return plan.phases().stream()
                .filter(p -> p.rollback() != null)
                .sorted(Comparator.comparingInt(MigrationPlan.Phase::number))
                .map(p -> new RunbookInput.PlanRollback(
                        p.number(),
                        p.name(),
                        p.rollback().description(),
                        p.rollback().steps(),
                        p.rollback().rollbackWindowMinutes()))
                .toList();
    }

    /**
     * Team to contact for the communication plan. Today the only stakeholder data in a run directory is
     * resource-ownership.json's per-team {@code contact}; a team without one maps to null.
     */
    private static Map<String, String> contacts(Inputs in) {
        Map<String, String> contacts = new HashMap<>();
        in.resourceOwnership()
                .teams()
                .forEach((team, t) ->
                        contacts.put(team, t.contact() == null || t.contact().isBlank() ? null : t.contact()));
        return contacts;
    }

    private static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
