package dev.cutover.input;

import java.util.List;
import java.util.Objects;

/**
 * Every input of a run directory, loaded and schema-validated: the compiler's whole world.
 *
 * @param runDirectory where the files were read from
 * @param controlPlane the control-plane checklist (JSON)
 * @param dataPlane the data-plane checklist (JSON)
 * @param controlPlaneMarkdown the signed control-plane checklist text
 * @param dataPlaneMarkdown the signed data-plane checklist text
 */
public record Inputs(
        RunDirectory runDirectory,
        Checklist controlPlane,
        Checklist dataPlane,
        String controlPlaneMarkdown,
        String dataPlaneMarkdown,
        DataMigrationPlan dataMigrationPlan,
        MigrationPlan migrationPlan,
        DependencyGraph dependencyGraph,
        HardcodedValues hardcodedValues,
        ResourceOwnership resourceOwnership,
        List<CapturedAtText> capturedAt) {
    public Inputs {
        Objects.requireNonNull(runDirectory, "runDirectory");
        Objects.requireNonNull(controlPlane, "controlPlane");
        Objects.requireNonNull(dataPlane, "dataPlane");
        Objects.requireNonNull(controlPlaneMarkdown, "controlPlaneMarkdown");
        Objects.requireNonNull(dataPlaneMarkdown, "dataPlaneMarkdown");
        Objects.requireNonNull(dataMigrationPlan, "dataMigrationPlan");
        Objects.requireNonNull(migrationPlan, "migrationPlan");
        Objects.requireNonNull(dependencyGraph, "dependencyGraph");
        Objects.requireNonNull(hardcodedValues, "hardcodedValues");
        Objects.requireNonNull(resourceOwnership, "resourceOwnership");
        capturedAt = List.copyOf(capturedAt);
    }

    /** The checklist of one plane. */
    public Checklist checklist(Plane plane) {
        return plane == Plane.CP ? controlPlane : dataPlane;
    }
}
