package dev.cutover.engine;

import dev.cutover.compile.GateAnchors;
import dev.cutover.error.Problem;
import dev.cutover.input.Plane;
import dev.cutover.input.RunConfig;
import dev.cutover.input.RunDirectory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The go/no-go gates no named operator can sign (issue 5): an approver team that cutover.yaml maps to nobody, and
 * a gate that names no team. Production refuses them at pre-flight; elsewhere anyone may sign, with a warning.
 */
final class GateSignerGaps {
    /** Team → the gates it signs, e.g. {@code data-plane phase 4}, in checklist order. */
    private final Map<String, Set<String>> unmappedTeams = new TreeMap<>();

    /** The gates that name no team, in checklist order. */
    private final List<AnonymousGate> anonymousGates = new ArrayList<>();

    /** A gate without approver teams: where people say it is, and where in which file it is configured. */
    private record AnonymousGate(String where, Plane plane, int phaseIndex) {
        Problem problem() {
            return new Problem(
                    plane.jsonFile(),
                    "/phases/" + phaseIndex + "/go_no_go_gate/approvers",
                    "the go/no-go gate of " + where + " names no approver team",
                    "list the teams who sign it, e.g. \"approvers\": [\"platform\"], and map each to operators in "
                            + RunDirectory.CONFIG + " approvers");
        }
    }

    private GateSignerGaps() {}

    static GateSignerGaps of(GateAnchors gates, RunConfig config) {
        GateSignerGaps gaps = new GateSignerGaps();
        for (GateAnchors.Gate gate : gates.all()) {
            if (gate.gate().approvers().isEmpty()) {
                gaps.anonymousGates.add(new AnonymousGate(gate.shortName(), gate.plane(), gate.phaseIndex()));
            }
            gate.gate().approvers().stream()
                    .filter(team -> config.approversOf(team).isEmpty())
                    .forEach(team -> gaps.unmappedTeams
                            .computeIfAbsent(team, t -> new LinkedHashSet<>())
                            .add(gate.shortName()));
        }
        return gaps;
    }

    boolean none() {
        return unmappedTeams.isEmpty() && anonymousGates.isEmpty();
    }

    /** One line: the teams without operators, then the gates without teams (their plane and phase). */
    String summary() {
        List<String> parts = new ArrayList<>();
        if (!unmappedTeams.isEmpty()) {
            parts.add("approver teams without operators in " + RunDirectory.CONFIG + " approvers: "
                    + String.join(", ", unmappedTeams.keySet()));
        }
        if (!anonymousGates.isEmpty()) {
            parts.add("gates without approver teams: "
                    + String.join(
                            ", ",
                            anonymousGates.stream().map(AnonymousGate::where).toList()));
        }
        return String.join("; ", parts);
    }

    /** A problem per team without operators (naming the gates it signs) and per gate without a team. */
    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        unmappedTeams.forEach((team, gates) -> problems.add(new Problem(
                RunDirectory.CONFIG,
                "/approvers/" + team,
                "no operator may sign for team " + team + ", which signs the go/no-go gate of "
                        + String.join(" and ", gates),
                "add `" + team + ": [<operator>, ...]` under `approvers:` (operators as Cutover names them, as"
                        + " the journal's operator field shows: $USER, else `git config --global user.email`)")));
        anonymousGates.forEach(gate -> problems.add(gate.problem()));
        return problems;
    }
}
