package dev.cutover.compile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cutover.input.CapturedAtText;
import dev.cutover.input.Checklist;
import dev.cutover.input.ChecklistMetadata;
import dev.cutover.input.ChecklistPhase;
import dev.cutover.input.DataMigrationPlan;
import dev.cutover.input.DependencyGraph;
import dev.cutover.input.FreezeWindow;
import dev.cutover.input.HardcodedValues;
import dev.cutover.input.InputFile;
import dev.cutover.input.Inputs;
import dev.cutover.input.MigrationPlan;
import dev.cutover.input.Plane;
import dev.cutover.input.ResourceOwnership;
import dev.cutover.input.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test-only loader: reads a run directory into {@link Inputs} without schema validation. */
final class TestInputs {
    static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private TestInputs() {}

    static Inputs load(Path dir) {
        RunDirectory run = new RunDirectory(dir);
        return new Inputs(
                run,
                checklist(dir, Plane.CP),
                checklist(dir, Plane.DP),
                text(dir.resolve(Plane.CP.markdownFile())),
                text(dir.resolve(Plane.DP.markdownFile())),
                read(dir, RunDirectory.DATA_MIGRATION_PLAN, DataMigrationPlan.class),
                read(dir, RunDirectory.MIGRATION_PLAN, MigrationPlan.class),
                read(dir, RunDirectory.DEPENDENCY_GRAPH, DependencyGraph.class),
                read(dir, RunDirectory.HARDCODED_VALUES, HardcodedValues.class),
                read(dir, RunDirectory.RESOURCE_OWNERSHIP, ResourceOwnership.class),
                capturedAt(dir));
    }

    private static List<CapturedAtText> capturedAt(Path dir) {
        List<CapturedAtText> captured = new ArrayList<>();
        for (InputFile file : InputFile.values()) {
            Path path = dir.resolve(file.fileName());
            if (file.isJson() && Files.exists(path)) {
                try {
                    CapturedAtText.of(file.fileName(), JSON.readTree(path.toFile()))
                            .ifPresent(captured::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return captured;
    }

    private static Checklist checklist(Path dir, Plane plane) {
        try {
            JsonNode root = JSON.readTree(dir.resolve(plane.jsonFile()).toFile());
            List<ChecklistPhase> phases = new ArrayList<>();
            for (JsonNode phase : root.path("phases")) {
                phases.add(JSON.treeToValue(phase, ChecklistPhase.class));
            }
            List<String> criteria = new ArrayList<>();
            root.path("handoff_to_data_plane").path("criteria").forEach(c -> criteria.add(c.asText()));
            List<FreezeWindow> freezes = new ArrayList<>();
            for (JsonNode freeze : root.path("freeze_windows")) {
                freezes.add(JSON.treeToValue(freeze, FreezeWindow.class));
            }
            return new Checklist(
                    plane, JSON.treeToValue(root.path("metadata"), ChecklistMetadata.class), phases, criteria, freezes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(Path dir, String file, Class<T> type) {
        try {
            return JSON.readValue(dir.resolve(file).toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
