package dev.cutover.review;

import dev.cutover.compile.GateAnchors;
import dev.cutover.input.ChecklistPhase;
import dev.cutover.input.GoNoGoGate;
import dev.cutover.input.Plane;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every go/no-go gate of both checklists (the gates {@code cutover execute} enforces) has approver teams and
 * concrete criteria; a vague criterion ({@link VagueCriteria}) fails, naming the gate and the criterion.
 */
public final class GateCheck implements ReviewCheck {
    static final String NAME = "gate";

    private final VagueCriteria vague;

    public GateCheck(VagueCriteria vague) {
        this.vague = vague;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> findings(ReviewContext context) {
        List<Finding> out = new ArrayList<>();
        List<String> neverAsked = GateAnchors.of(context.inputs(), context.steps()).unanchored().stream()
                .map(GateAnchors.Gate::key)
                .toList();
        for (Plane plane : Plane.values()) {
            for (ChecklistPhase phase : context.inputs().checklist(plane).phases()) {
                if (phase.goNoGoGate() != null) {
                    String gate = Subjects.phase(context.inputs(), plane, phase) + "/go_no_go_gate";
                    String label = plane.prefix().toUpperCase(Locale.ROOT) + phase.number() + " " + phase.name();
                    List<Finding> judged = judge(phase.goNoGoGate(), gate, label);
                    if (neverAsked.contains(plane.prefix() + phase.number())) {
                        out.add(neverAsked(gate, label));
                        judged = judged.stream()
                                .filter(f -> f.status() != Status.PASS)
                                .toList();
                    }
                    out.addAll(judged);
                }
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.warn(
                    NAME,
                    Plane.DP.jsonFile() + "#/phases",
                    "neither checklist has a go/no-go gate: nobody decides, with criteria, whether to go on",
                    "add a go_no_go_gate (criteria and approvers) at least to the phase that freezes writes and"
                            + " switches traffic"));
        }
        return out;
    }

    private static Finding neverAsked(String subject, String label) {
        return Finding.warn(
                NAME,
                subject,
                "gate before " + label + " is never asked: no step of its plane runs at or after that phase, so it"
                        + " guards nothing",
                "add the phase's items (what the gate should decide on), or remove the gate");
    }

    private List<Finding> judge(GoNoGoGate gate, String subject, String label) {
        List<Finding> out = new ArrayList<>();
        if (gate.criteria().isEmpty()) {
            out.add(Finding.fail(
                    NAME,
                    subject + "/criteria",
                    "gate before " + label + " has no criteria",
                    "list what must hold to go on, each as a checkable condition with its expected result"));
        }
        for (int i = 0; i < gate.criteria().size(); i++) {
            String criterion = gate.criteria().get(i);
            Optional<String> why = vague.vagueness(criterion);
            if (why.isPresent()) {
                out.add(Finding.fail(
                        NAME,
                        subject + "/criteria/" + i,
                        "gate before " + label + ": criterion \"" + criterion + "\" is vague: " + why.get(),
                        "say what is checked and what result counts, e.g. \"aws datasync describe-task-execution"
                                + " reports SUCCESS\" or \"row counts match within 0 rows\""));
            }
        }
        List<String> approvers =
                gate.approvers().stream().filter(a -> a != null && !a.isBlank()).toList();
        if (approvers.isEmpty()) {
            out.add(Finding.fail(
                    NAME,
                    subject + "/approvers",
                    "gate before " + label + " has no approver teams: nobody signs the decision",
                    "name the approver teams in go_no_go_gate.approvers (and map them to operators in cutover.yaml"
                            + " approvers)"));
        }
        if (out.isEmpty()) {
            out.add(Finding.pass(
                    NAME,
                    subject,
                    "gate before " + label + ": " + gate.criteria().size() + " concrete "
                            + (gate.criteria().size() == 1 ? "criterion" : "criteria") + ", signed by "
                            + String.join(", ", approvers)));
        }
        return out;
    }
}
