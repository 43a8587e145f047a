package dev.cutover.review;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.input.ChecklistPhase;
import dev.cutover.input.Plane;
import dev.cutover.input.ResourceOwnership;
import dev.cutover.input.Stakeholder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The communication plan ({@code cutover.yaml} {@code stakeholders}) reaches everyone the cutover involves: every
 * team that owns a step or signs a gate has an entry, and every entry names a channel where the team hears about
 * the window, the gates, the point of no return and a rollback.
 */
public final class CommunicationCheck implements ReviewCheck {
    static final String NAME = "communication";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> findings(ReviewContext context) {
        Map<String, String> teams = involvedTeams(context);
        List<Stakeholder> stakeholders = context.config().stakeholders();
        if (stakeholders.isEmpty()) {
            return List.of(Finding.fail(
                    NAME,
                    Subjects.STAKEHOLDERS,
                    "no communication plan: cutover.yaml lists no stakeholders"
                            + (teams.isEmpty() ? "" : "; teams involved: " + String.join(", ", teams.keySet())),
                    "add a stakeholders entry (team, contact, channel) for every team involved"
                            + " (docs/configuration.md)"));
        }
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < stakeholders.size(); i++) {
            out.add(channel(stakeholders.get(i), Subjects.stakeholder(i)));
        }
        teams.forEach((team, role) -> {
            if (stakeholders.stream().noneMatch(s -> s.team().equals(team))) {
                out.add(Finding.fail(
                        NAME,
                        Subjects.STAKEHOLDERS,
                        "team " + team + " " + role + " but has no stakeholder entry: nobody is told to expect it",
                        "add {team: " + team + ", contact: ..., channel: ...} to cutover.yaml stakeholders"
                                + knownContact(context.inputs().resourceOwnership(), team)));
            }
        });
        return out;
    }

    private static Finding channel(Stakeholder s, String subject) {
        Optional<String> channel = s.channel().filter(c -> !c.isBlank());
        if (channel.isEmpty()) {
            return Finding.fail(
                    NAME,
                    subject,
                    "team " + s.team() + " (" + s.contact() + ") has no channel: it would not hear about the window,"
                            + " the gates or a rollback",
                    "add channel: (a chat channel, mailing list or pager rotation) to the " + s.team() + " entry");
        }
        return Finding.pass(NAME, subject, "team " + s.team() + ": " + s.contact() + " on " + channel.get());
    }

    /** Each involved team (owners in plan order, then gate approvers) with what involves it. */
    private static Map<String, String> involvedTeams(ReviewContext context) {
        Map<String, List<String>> owned = new LinkedHashMap<>();
        for (ExecutionStep s : context.steps()) {
            if (s.ownerTeam() != null && !s.ownerTeam().isBlank()) {
                owned.computeIfAbsent(s.ownerTeam(), t -> new ArrayList<>()).add(s.stepId());
            }
        }
        Map<String, String> roles = new LinkedHashMap<>();
        owned.forEach((team, steps) -> roles.put(
                team,
                "owns "
                        + (steps.size() == 1
                                ? "step " + steps.get(0)
                                : steps.size() + " steps (first " + steps.get(0) + ")")));
        for (Plane plane : Plane.values()) {
            for (ChecklistPhase phase : context.inputs().checklist(plane).phases()) {
                if (phase.goNoGoGate() != null) {
                    for (String team : phase.goNoGoGate().approvers()) {
                        if (team != null && !team.isBlank()) {
                            roles.putIfAbsent(team, "signs a go/no-go gate");
                        }
                    }
                }
            }
        }
        return roles;
    }

    private static String knownContact(ResourceOwnership ownership, String team) {
        ResourceOwnership.Team t = ownership.teams().get(team);
        return t == null || t.contact() == null || t.contact().isBlank()
                ? ""
                : " (resource-ownership.json names " + t.contact() + ")";
    }
}
