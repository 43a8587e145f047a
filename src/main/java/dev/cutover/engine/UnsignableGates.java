package dev.cutover.engine;

import dev.cutover.input.ChecklistPhase;
import dev.cutover.input.GoNoGoGate;
import dev.cutover.input.Inputs;
import dev.cutover.input.Plane;
import dev.cutover.input.RunConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The gate signatures the run's operator may not give: teams {@code cutover.yaml approvers} maps to other
 * operators. Not a refusal — a gate signed by several people is the design, and the walk halts there until one
 * of them continues with {@code --resume} — but pre-flight says so, so the halt (possibly past the point of no
 * return) is expected rather than a surprise.
 */
final class UnsignableGates {
    private UnsignableGates() {}

    /**
     * One entry per team and gate, e.g. {@code team dba (data-plane phase 4: carol@example.com)}, in order; a
     * signature the journal of a continued run already holds ({@code signed}, {@link GateSignatures#key}) is not
     * asked again, so it is left out.
     */
    static List<String> forOperator(Inputs inputs, RunConfig config, String operator, Set<String> signed) {
        List<String> unsignable = new ArrayList<>();
        for (Plane plane : Plane.values()) {
            for (ChecklistPhase phase : inputs.checklist(plane).phases()) {
                GoNoGoGate gate = phase.goNoGoGate();
                if (gate == null) {
                    continue;
                }
                String gateKey = GateKeys.of(plane.prefix(), phase.number());
                for (String team : gate.approvers()) {
                    List<String> allowed = config.approversOf(team);
                    boolean pending = !signed.contains(GateSignatures.key(gateKey, team));
                    if (pending && !allowed.isEmpty() && !allowed.contains(operator)) {
                        unsignable.add("team " + team + " (" + plane.label() + " phase " + phase.number() + ": "
                                + String.join(", ", allowed) + ")");
                    }
                }
            }
        }
        return unsignable;
    }
}
