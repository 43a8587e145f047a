package dev.cutover.compile;

import dev.cutover.input.ChecklistPhase;
import dev.cutover.input.GoNoGoGate;
import dev.cutover.input.Inputs;
import dev.cutover.input.Plane;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the walk asks each go/no-go gate (issue 5): before the first step, in plan order, of the gated phase — or,
 * when that phase has no step of its own (no items; or only the handoff, which closes the control plane's last
 * phase), before the first step after it in the same plane, the handoff included. So a gate is always asked before
 * anything of its phase or a later phase of its plane runs. A gate with no step at or after its phase in its plane
 * (an empty last data-plane phase) guards nothing and is never asked; {@link #unanchored()} names it for the
 * compile warnings and the review.
 *
 * <p>The walk, the parallel walk's barriers, the window estimate, the dry run and the pipeline's approvals file all
 * ask here, so they cannot disagree about where a gate is signed.
 */
public final class GateAnchors {
    /** No gates at all. */
    public static final GateAnchors NONE = new GateAnchors(List.of(), Map.of());

    /**
     * One gate and the step it is asked before.
     *
     * @param key the gate's key, plane prefix + phase number ({@code cp6}, {@code dp4}), as signatures name it
     * @param phaseIndex the gated phase's position in its checklist's {@code phases} array (for JSON pointers)
     * @param phaseName the gated phase's name (the phase may have no step to take it from)
     * @param anchorStepId the step the gate is asked before, or null when no step follows it in its plane
     */
    public record Gate(
            String key,
            Plane plane,
            int phaseIndex,
            int phaseNumber,
            String phaseName,
            GoNoGoGate gate,
            String anchorStepId) {
        /** How people name it: {@code data-plane phase 4 (Cutover)}. */
        public String where() {
            return plane.label() + " phase " + phaseNumber + " (" + phaseName + ")";
        }

        /** Plane and phase only, {@code data-plane phase 4}, where a list names several gates. */
        public String shortName() {
            return plane.label() + " phase " + phaseNumber;
        }

        public boolean anchored() {
            return anchorStepId != null;
        }
    }

    private final List<Gate> gates;
    private final Map<String, Integer> positions;

    private GateAnchors(List<Gate> gates, Map<String, Integer> positions) {
        this.gates = List.copyOf(gates);
        this.positions = Map.copyOf(positions);
    }

    /** The gates of both checklists, anchored in {@code steps} (execution order). */
    public static GateAnchors of(Inputs inputs, List<ExecutionStep> steps) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            positions.putIfAbsent(steps.get(i).stepId(), i);
        }
        List<Gate> gates = new ArrayList<>();
        for (Plane plane : Plane.values()) {
            List<ChecklistPhase> phases = inputs.checklist(plane).phases();
            for (int i = 0; i < phases.size(); i++) {
                ChecklistPhase phase = phases.get(i);
                if (phase.goNoGoGate() != null) {
                    String anchor = anchor(steps, plane, phase.number());
                    gates.add(new Gate(
                            plane.prefix() + phase.number(),
                            plane,
                            i,
                            phase.number(),
                            phase.name(),
                            phase.goNoGoGate(),
                            anchor));
                }
            }
        }
        // Gates sharing an anchor are asked in checklist order: the stable sort keeps it.
        gates.sort(Comparator.comparingInt(g -> g.anchored() ? positions.get(g.anchorStepId()) : Integer.MAX_VALUE));
        return new GateAnchors(gates, positions);
    }

    /** {@code gates} already anchored in {@code steps}, in the order they are asked (tests). */
    static GateAnchors anchored(List<Gate> gates, List<ExecutionStep> steps) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            positions.putIfAbsent(steps.get(i).stepId(), i);
        }
        return new GateAnchors(gates, positions);
    }

    private static String anchor(List<ExecutionStep> steps, Plane plane, int phaseNumber) {
        return steps.stream()
                .filter(s -> s.plane().equals(plane.prefix()) && s.phaseNumber() >= phaseNumber)
                .map(ExecutionStep::stepId)
                .findFirst()
                .orElse(null);
    }

    /** Every gate, those asked first first; the unanchored last. */
    public List<Gate> all() {
        return gates;
    }

    /** The gates no step follows in their plane: never asked. */
    public List<Gate> unanchored() {
        return gates.stream().filter(g -> !g.anchored()).toList();
    }

    /** The gates asked before {@code stepId}: anchored at it. */
    public List<Gate> at(String stepId) {
        return gates.stream().filter(g -> stepId.equals(g.anchorStepId())).toList();
    }

    /**
     * The gates that must be signed before {@code stepId} runs: those anchored at it or at any earlier step. The walk
     * asks the ones not signed yet, so a gate whose own step was blocked is asked before the next step that runs.
     */
    public List<Gate> dueBy(String stepId) {
        Integer at = positions.get(stepId);
        if (at == null) {
            return List.of();
        }
        return gates.stream()
                .filter(g -> g.anchored() && positions.get(g.anchorStepId()) <= at)
                .toList();
    }

    /** The steps some gate is asked before, in plan order. */
    public Set<String> anchorStepIds() {
        Set<String> ids = new LinkedHashSet<>();
        gates.stream().filter(Gate::anchored).forEach(g -> ids.add(g.anchorStepId()));
        return ids;
    }
}
