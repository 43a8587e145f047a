package dev.cutover.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.error.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The approver teams each checklist gate lists must each name a team, once: every entry becomes a signature the walk
 * asks for, so a blank entry (only spaces or invisible characters, {@link BlankText}) would be a signature nobody
 * can be asked for — met only when the run reaches the gate, mid-cutover — and a team listed twice would be asked
 * twice.
 */
final class GateApproverNames {
    private GateApproverNames() {}

    /** A problem per unusable entry of {@code checklist}'s gates; values of the wrong type are the schema's. */
    static List<Problem> check(Plane plane, JsonNode checklist) {
        List<Problem> problems = new ArrayList<>();
        JsonNode phases = checklist.path("phases");
        for (int i = 0; phases.isArray() && i < phases.size(); i++) {
            JsonNode approvers = phases.get(i).path("go_no_go_gate").path("approvers");
            Map<String, Integer> firstAt = new HashMap<>();
            for (int k = 0; approvers.isArray() && k < approvers.size(); k++) {
                JsonNode team = approvers.get(k);
                if (!team.isTextual()) {
                    continue;
                }
                String at = "/phases/" + i + "/go_no_go_gate/approvers/" + k;
                Integer first = firstAt.putIfAbsent(team.asText(), k);
                if (BlankText.isBlank(team.asText())) {
                    problems.add(blank(plane, phases.get(i), at));
                } else if (first != null) {
                    problems.add(twice(plane, phases.get(i), at, team.asText(), first));
                }
            }
        }
        return problems;
    }

    /**
     * A team listed twice would be asked to sign the same gate twice. Refused rather than merged: the list is part
     * of the signed checklist, and a signed input is not quietly changed.
     */
    private static Problem twice(Plane plane, JsonNode phase, String pointer, String team, int first) {
        return new Problem(
                plane.jsonFile(),
                pointer,
                "the go/no-go gate of " + where(plane, phase) + " lists approver team `" + team + "` twice (also at"
                        + " approvers/" + first + "): it would be asked to sign the same gate twice",
                "remove this entry: each team signs a gate once");
    }

    private static Problem blank(Plane plane, JsonNode phase, String pointer) {
        return new Problem(
                plane.jsonFile(),
                pointer,
                "the go/no-go gate of " + where(plane, phase) + " lists a blank approver team (only spaces or"
                        + " invisible characters): no team could be asked to sign it, and the run would stop there",
                "write the team's name as cutover.yaml approvers names it, or remove the entry");
    }

    /** {@code control-plane phase 6}, or the plane alone when the phase's number is not a number. */
    private static String where(Plane plane, JsonNode phase) {
        JsonNode number = phase.path("number");
        return plane.label() + (number.isIntegralNumber() ? " phase " + number.asInt() : "");
    }
}
