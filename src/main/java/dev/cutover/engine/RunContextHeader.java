package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The context restated on every prompt header, so an operator at 2 a.m. never approves in the wrong place:
 * run, environment class (and whose rules apply), profiles, region, accounts and blast radius.
 *
 * @param reach where the run acts beyond its accounts: region and blast radius
 */
record RunContextHeader(
        String runId, String environment, String sourceProfile, String targetProfile, String accounts, Reach reach) {
    /** The target region and what the mutating steps touch (resources and owner teams). */
    record Reach(String region, String blastRadius) {}

    RunContextHeader(String runId, String environment, String sourceProfile, String targetProfile, String accounts) {
        this(runId, environment, sourceProfile, targetProfile, accounts, new Reach(null, null));
    }

    String line() {
        return "[run " + runId + " | " + environment + " | profiles " + orDash(sourceProfile) + " -> "
                + orDash(targetProfile) + (reach.region() == null ? "" : " | region " + reach.region())
                + " | accounts " + accounts
                + (reach.blastRadius() == null ? "" : " | blast radius " + reach.blastRadius()) + "]";
    }

    /** The blast radius in a few words: distinct resources the mutating steps change and their owner teams. */
    static String blastRadius(List<ExecutionStep> steps) {
        Set<String> resources = new TreeSet<>();
        Set<String> teams = new TreeSet<>();
        for (ExecutionStep s : steps) {
            if (s.mutating() && !s.handoff()) {
                if (!s.resourceArn().startsWith("target:checklist:")) {
                    resources.add(s.resourceArn());
                }
                if (s.ownerTeam() != null) {
                    teams.add(s.ownerTeam());
                }
            }
        }
        return resources.size() + " resource(s), teams "
                + (teams.isEmpty() ? "none recorded" : String.join(", ", teams));
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
