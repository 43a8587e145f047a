package dev.cutover.input;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cutover.error.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps schema-valid JSON documents onto the input records. The schema has already vouched for the shape, so a
 * failure here is rare (a number too large for its field) and becomes a {@link Problem}, never a crash.
 */
final class InputMapper {
    /** Either the mapped inputs or the problems that prevented mapping them. */
    record Mapped(Inputs inputs, List<Problem> problems) {
        Mapped {
            problems = List.copyOf(problems);
        }
    }

    // One mapper per process: Jackson caches each type's deserializer in it, and building them (reflection over
    // the records) is most of the cost of a first mapping, paid once however many loaders a command makes.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    // Every type a run directory's documents are mapped onto.
    private static final JavaType METADATA = type(ChecklistMetadata.class);
    private static final JavaType PHASES = listOf(ChecklistPhase.class);
    private static final JavaType STRINGS = listOf(String.class);
    private static final JavaType FREEZES = listOf(FreezeWindow.class);
    private static final JavaType DATA_PLAN = type(DataMigrationPlan.class);
    private static final JavaType PLAN = type(MigrationPlan.class);
    private static final JavaType GRAPH = type(DependencyGraph.class);
    private static final JavaType HARDCODED = type(HardcodedValues.class);
    private static final JavaType OWNERSHIP = type(ResourceOwnership.class);

    Mapped map(RunDirectory dir, Map<InputFile, JsonNode> documents, Map<InputFile, String> markdown) {
        Conversion c = new Conversion(documents);
        Checklist controlPlane = c.checklist(Plane.CP, InputFile.CONTROL_PLANE_CHECKLIST);
        Checklist dataPlane = c.checklist(Plane.DP, InputFile.DATA_PLANE_CHECKLIST);
        DataMigrationPlan dataPlan = c.at(InputFile.DATA_MIGRATION_PLAN, "", DATA_PLAN);
        MigrationPlan plan = c.at(InputFile.MIGRATION_PLAN, "", PLAN);
        DependencyGraph graph = c.at(InputFile.DEPENDENCY_GRAPH, "", GRAPH);
        HardcodedValues hardcoded = c.at(InputFile.HARDCODED_VALUES, "", HARDCODED);
        ResourceOwnership ownership = c.at(InputFile.RESOURCE_OWNERSHIP, "", OWNERSHIP);
        if (!c.problems.isEmpty()) {
            return new Mapped(null, c.problems);
        }
        Inputs inputs = new Inputs(
                dir,
                controlPlane,
                dataPlane,
                markdown.get(InputFile.CONTROL_PLANE_MARKDOWN),
                markdown.get(InputFile.DATA_PLANE_MARKDOWN),
                dataPlan,
                plan,
                graph,
                hardcoded,
                ownership);
        return new Mapped(inputs, List.of());
    }

    /** One mapping pass: collects the problems of every conversion instead of stopping at the first. */
    private final class Conversion {
        private final Map<InputFile, JsonNode> documents;
        private final List<Problem> problems = new ArrayList<>();

        Conversion(Map<InputFile, JsonNode> documents) {
            this.documents = documents;
        }

        Checklist checklist(Plane plane, InputFile file) {
            ChecklistMetadata metadata = at(file, "/metadata", METADATA);
            List<ChecklistPhase> phases = at(file, "/phases", PHASES);
            List<String> criteria = at(file, "/handoff_to_data_plane/criteria", STRINGS);
            List<FreezeWindow> freezes = at(file, "/freeze_windows", FREEZES);
            return metadata == null || phases == null
                    ? null
                    : new Checklist(plane, metadata, phases, criteria, freezes);
        }

        <T> T at(InputFile file, String pointer, JavaType type) {
            JsonNode node = documents.get(file).at(pointer);
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            try {
                return MAPPER.readerFor(type).readValue(node);
            } catch (JsonMappingException e) {
                problems.add(new Problem(
                        file.fileName(),
                        pointer + path(e),
                        "cannot be read: "
                                + e.getOriginalMessage().lines().findFirst().orElse(""),
                        "use a value that fits (for numbers, a smaller one)"));
            } catch (IOException e) {
                problems.add(new Problem(
                        file.fileName(), pointer, "cannot be read: " + e.getMessage(), "correct the value"));
            }
            return null;
        }
    }

    private static JavaType type(Class<?> type) {
        return MAPPER.getTypeFactory().constructType(type);
    }

    private static JavaType listOf(Class<?> element) {
        return MAPPER.getTypeFactory().constructCollectionType(List.class, element);
    }

    /** The pointer below the converted node that Jackson blamed, built from the JSON names it walked. */
    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            String segment = ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex());
            out.append('/').append(SchemaViolations.escape(segment));
        }
        return out.toString();
    }
}
