package dev.cutover.input;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jackson's data binding, configured and applied exactly as {@link InputMapper} used it before it mapped by hand:
 * the reference the hand-written mapping is held to.
 */
final class DataBindingReference {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private DataBindingReference() {}

    /**
     * What data binding makes of {@code documents}, in the order of {@link #records}; empty when binding fails on
     * any of them.
     */
    static Optional<List<Object>> map(Map<InputFile, JsonNode> documents) {
        try {
            return Optional.of(Arrays.asList(
                    checklist(Plane.CP, documents.get(InputFile.CONTROL_PLANE_CHECKLIST)),
                    checklist(Plane.DP, documents.get(InputFile.DATA_PLANE_CHECKLIST)),
                    at(documents.get(InputFile.DATA_MIGRATION_PLAN), "", type(DataMigrationPlan.class)),
                    at(documents.get(InputFile.MIGRATION_PLAN), "", type(MigrationPlan.class)),
                    at(documents.get(InputFile.DEPENDENCY_GRAPH), "", type(DependencyGraph.class)),
                    at(documents.get(InputFile.HARDCODED_VALUES), "", type(HardcodedValues.class)),
                    at(documents.get(InputFile.RESOURCE_OWNERSHIP), "", type(ResourceOwnership.class))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The mapped records of {@code inputs}, in the order {@link #map} returns them. */
    static List<Object> records(Inputs inputs) {
        return Arrays.asList(
                inputs.controlPlane(),
                inputs.dataPlane(),
                inputs.dataMigrationPlan(),
                inputs.migrationPlan(),
                inputs.dependencyGraph(),
                inputs.hardcodedValues(),
                inputs.resourceOwnership());
    }

    /** The JSON documents of a run directory, as the loader hands them to the mapper. */
    static Map<InputFile, JsonNode> documents(Path runDir) {
        Map<InputFile, JsonNode> documents = new EnumMap<>(InputFile.class);
        for (InputFile file : InputFile.values()) {
            if (file.isJson()) {
                try {
                    documents.put(file, MAPPER.readTree(Files.readAllBytes(runDir.resolve(file.fileName()))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return documents;
    }

    /** Markdown for both checklists: the mapper passes it through untouched. */
    static Map<InputFile, String> markdown() {
        return Map.of(InputFile.CONTROL_PLANE_MARKDOWN, "# cp", InputFile.DATA_PLANE_MARKDOWN, "# dp");
    }

    private static Checklist checklist(Plane plane, JsonNode document) throws IOException {
        ChecklistMetadata metadata = at(document, "/metadata", type(ChecklistMetadata.class));
        List<ChecklistPhase> phases = at(document, "/phases", listOf(ChecklistPhase.class));
        List<String> criteria = at(document, "/handoff_to_data_plane/criteria", listOf(String.class));
        List<FreezeWindow> freezes = at(document, "/freeze_windows", listOf(FreezeWindow.class));
        return metadata == null || phases == null
                ? null
                : new Checklist(plane, metadata, new ArrayList<>(phases), criteria, freezes);
    }

    private static <T> T at(JsonNode document, String pointer, JavaType type) throws IOException {
        JsonNode node = document.at(pointer);
        return node.isMissingNode() || node.isNull()
                ? null
                : MAPPER.readerFor(type).readValue(node);
    }

    private static JavaType type(Class<?> type) {
        return MAPPER.getTypeFactory().constructType(type);
    }

    private static JavaType listOf(Class<?> element) {
        return MAPPER.getTypeFactory().constructCollectionType(List.class, element);
    }
}
