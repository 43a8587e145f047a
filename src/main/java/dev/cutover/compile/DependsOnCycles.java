package dev.cutover.compile;

import dev.cutover.input.DataMigrationPlan;
import dev.cutover.input.RunDirectory;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Rejects a cycle in the data-migration plan's {@code depends_on} (FORMATS.md §4.6 rule 6): "A before B
 * before A" cannot be ordered, and rule 6 alone would silently pick whichever step happens to come first.
 */
final class DependsOnCycles {
    private DependsOnCycles() {}

    static void check(DataMigrationPlan plan, CompileErrors errors) {
        List<DataMigrationPlan.Datastore> stores = plan.datastores();
        // Looked up by position (the first datastore with an ARN): searching the list at every step of every walk
        // cost datastores³ on a long chain, now datastores².
        Map<String, Integer> positions = plan.positionsByArn();
        Function<String, List<String>> dependsOn = arn -> {
            Integer at = positions.get(arn);
            return at == null ? List.of() : stores.get(at).dependsOn();
        };
        for (int i = 0; i < stores.size(); i++) {
            String start = stores.get(i).resourceArn();
            if (reaches(dependsOn, start, start, new HashSet<>())) {
                errors.add(
                        RunDirectory.DATA_MIGRATION_PLAN,
                        "/datastores/" + i + "/depends_on",
                        "cyclic depends_on: " + start + " depends on itself through other datastores",
                        "Remove one depends_on entry so the datastores have a migration order.");
            }
        }
    }

    private static boolean reaches(
            Function<String, List<String>> dependsOn, String from, String goal, Set<String> visited) {
        for (String next : dependsOn.apply(from)) {
            if (next.equals(goal)) {
                return true;
            }
            if (visited.add(next) && reaches(dependsOn, next, goal, visited)) {
                return true;
            }
        }
        return false;
    }
}
