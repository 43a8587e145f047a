package dev.cutover.input;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** data-migration-plan.json: per-datastore strategy, encryption, freeze and dependencies (FORMATS.md §2). */
public record DataMigrationPlan(Metadata metadata, List<Datastore> datastores, List<Warning> warnings) {
    public DataMigrationPlan {
        datastores = datastores == null ? List.of() : List.copyOf(datastores);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * Each {@code resource_arn} with the position of the first datastore naming it, built in one pass: the compiler
     * looks up the datastore of every step, and a search of the list each time made that steps × datastores.
     */
    public Map<String, Integer> positionsByArn() {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < datastores.size(); i++) {
            if (datastores.get(i).resourceArn() != null) {
                positions.putIfAbsent(datastores.get(i).resourceArn(), i);
            }
        }
        return positions;
    }

    public record Metadata(String sourceAccountId, String targetAccountId, String targetRegion, String runId) {}

    public record Datastore(
            String resourceArn,
            String resourceType,
            String name,
            String ownerTeam,
            Strategy strategy,
            Encryption encryption,
            FreezePolicy freezeWindow,
            List<String> dependsOn,
            Integer rtoTargetMinutes) {
        public Datastore {
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        }
    }

    public record Strategy(String tool, String mode) {}

    public record Encryption(String sourceKmsKeyArn, String targetKmsKeyArn, Boolean requiresTargetKmsGrant) {}

    public record FreezePolicy(
            Boolean required, Integer durationMinutes, Integer beginsAtPhase, String beginsAtStepId, String notes) {}

    public record Warning(String severity, String datastoreArn, String message, String remediation) {}
}
