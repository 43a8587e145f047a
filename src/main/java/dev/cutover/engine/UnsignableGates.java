package dev.cutover.engine;

import dev.cutover.compile.GateAnchors;
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
    static List<String> forOperator(GateAnchors gates, RunConfig config, String operator, Set<String> signed) {
        List<String> unsignable = new ArrayList<>();
        for (GateAnchors.Gate gate : gates.all()) {
            if (!gate.anchored()) {
                continue; // never asked: the compile warning says so
            }
            for (String team : gate.gate().approvers()) {
                List<String> allowed = config.approversOf(team);
                boolean pending = !signed.contains(GateSignatures.key(gate.key(), team));
                if (pending && !allowed.isEmpty() && !allowed.contains(operator)) {
                    unsignable.add("team " + team + " (" + gate.shortName() + ": " + String.join(", ", allowed) + ")");
                }
            }
        }
        return unsignable;
    }
}
