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
 * @param inputWarnings what loading found that does not stop the run (an unknown field that looks like a misspelt
 *     known one), one line each, in file order; the compiler adds them to the plan's warnings
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
        List<CapturedAtText> capturedAt,
        List<String> inputWarnings) {
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
        inputWarnings = List.copyOf(inputWarnings);
    }

    /** Inputs without loading warnings. */
    public Inputs(
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
        this(
                runDirectory,
                controlPlane,
                dataPlane,
                controlPlaneMarkdown,
                dataPlaneMarkdown,
                dataMigrationPlan,
                migrationPlan,
                dependencyGraph,
                hardcodedValues,
                resourceOwnership,
                capturedAt,
                List.of());
    }

    /** These inputs with {@code warnings} as their loading warnings. */
    public Inputs withInputWarnings(List<String> warnings) {
        return new Inputs(
                runDirectory,
                controlPlane,
                dataPlane,
                controlPlaneMarkdown,
                dataPlaneMarkdown,
                dataMigrationPlan,
                migrationPlan,
                dependencyGraph,
                hardcodedValues,
                resourceOwnership,
                capturedAt,
                warnings);
    }

    /** The checklist of one plane. */
    public Checklist checklist(Plane plane) {
        return plane == Plane.CP ? controlPlane : dataPlane;
    }
}
