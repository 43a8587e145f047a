package dev.cutover.input;

import java.util.List;
import java.util.Optional;

/** data-migration-plan.json: per-datastore strategy, encryption, freeze and dependencies (FORMATS.md §2). */
public record DataMigrationPlan(Metadata metadata, List<Datastore> datastores, List<Warning> warnings) {
    public DataMigrationPlan {
        datastores = datastores == null ? List.of() : List.copyOf(datastores);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The datastore whose {@code resource_arn} equals {@code arn}, if any. */
    public Optional<Datastore> datastore(String arn) {
        return datastores.stream().filter(d -> d.resourceArn().equals(arn)).findFirst();
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
