package dev.cutover.input;

import java.util.List;
import java.util.Optional;

/** migration-plan.json: six phases with per-step resources and risk and a rollback per phase. */
public record MigrationPlan(Metadata metadata, List<Phase> phases) {
    public MigrationPlan {
        phases = phases == null ? List.of() : List.copyOf(phases);
    }

    /** The phase whose {@code number} field equals {@code number} (never by array index, §7 #29). */
    public Optional<Phase> phase(int number) {
        return phases.stream().filter(p -> p.number() == number).findFirst();
    }

    public record Metadata(String sourceAccountId, String targetAccountId, String targetRegion, String runId) {}

    public record Phase(int number, String name, List<Step> steps, Rollback rollback, GoNoGoGate goNoGoGate) {
        public Phase {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    public record Step(String id, String description, List<String> resources, String risk, String ownerTeam) {
        public Step {
            resources = resources == null ? List.of() : List.copyOf(resources);
        }
    }

    public record Rollback(String description, List<String> steps, Integer rollbackWindowMinutes) {
        public Rollback {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }
}
