package dev.cutover.engine;

import dev.cutover.approval.AnswerRule;
import dev.cutover.compile.GateAnchors;
import dev.cutover.error.Problem;
import dev.cutover.input.RunDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The go/no-go signatures a pipeline run could never give (docs/environments.md, "The pipeline path"). Pipeline
 * approvals sign a gate only by one {@code gate:<team>} line per team ({@link PipelineApprovalRules}), so a team whose
 * name has a space or a control character ({@link AnswerRule#canNameTeam}) cannot sign, and a gate without teams
 * asked at the step where teams of another gate sign cannot either (its plain rule would sign for them too). Such a
 * run halts at that gate — perhaps past the point of no return — with no approvals line that could continue it, so
 * {@code prepare-pipeline} and the pipeline's pre-flight refuse the plan before anything is committed or run. A
 * terminal or a sandbox answers file signs these gates as before.
 */
public final class PipelineSignableGates {
    /** Runs of what ends a rule's prompt or hides on a terminal: spaces of any kind, control, format characters. */
    private static final Pattern BREAKS = Pattern.compile("[\\s\\p{Z}\\p{Cc}\\p{Cf}]+");

    private PipelineSignableGates() {}

    /** A problem per signature of an asked gate the pipeline cannot give; empty when it can sign every gate. */
    public static List<Problem> unsignable(GateAnchors gates) {
        List<Problem> problems = new ArrayList<>();
        for (GateAnchors.Gate gate : gates.all()) {
            if (!gate.anchored()) {
                continue; // never asked
            }
            List<String> teams = gate.gate().approvers();
            for (int k = 0; k < teams.size(); k++) {
                if (!AnswerRule.canNameTeam(teams.get(k))) {
                    problems.add(unnameable(gate, k, teams.get(k)));
                }
            }
            if (teams.isEmpty() && teamsSignAt(gates, gate.anchorStepId())) {
                problems.add(anonymous(gate));
            }
        }
        return problems;
    }

    private static boolean teamsSignAt(GateAnchors gates, String stepId) {
        return gates.at(stepId).stream().anyMatch(g -> !g.gate().approvers().isEmpty());
    }

    private static Problem unnameable(GateAnchors.Gate gate, int k, String team) {
        return new Problem(
                gate.plane().jsonFile(),
                pointer(gate) + "/" + k,
                "the go/no-go gate of " + gate.where() + " (asked before " + gate.anchorStepId() + ") names approver"
                        + " team `" + team + "`, which has a space or a control character: no pipeline approvals"
                        + " line (gate:<team>) can name it, so the pipeline run would halt at that gate with no way to"
                        + " sign it",
                "rename the team as one word" + example(team) + " in the checklist's go_no_go_gate.approvers and in "
                        + RunDirectory.CONFIG + " approvers");
    }

    /** {@code sec ops} → {@code  (e.g. `sec-ops`)}; nothing when no such name comes of it. */
    private static String example(String team) {
        String word = BREAKS.matcher(team).replaceAll("-").replaceAll("^-+|-+$", "");
        return AnswerRule.canNameTeam(word) ? " (e.g. `" + word + "`)" : "";
    }

    private static Problem anonymous(GateAnchors.Gate gate) {
        return new Problem(
                gate.plane().jsonFile(),
                pointer(gate),
                "the go/no-go gate of " + gate.where() + " names no approver team and is asked before "
                        + gate.anchorStepId() + " with a gate whose teams sign there: its plain `gate` rule would sign"
                        + " for them too, so pipeline approvals refuse it and the run would halt at that gate",
                "name its approver teams in the checklist and map each to operators in " + RunDirectory.CONFIG
                        + " approvers");
    }

    private static String pointer(GateAnchors.Gate gate) {
        return "/phases/" + gate.phaseIndex() + "/go_no_go_gate/approvers";
    }
}
