package dev.cutover.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.cutover.error.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Validates JSON documents against Cutover's own schemas (draft 2020-12) and reports every violation as a
 * {@link Problem} with the offending value's JSON pointer and a one-line fix, sorted deterministically.
 *
 * <p>All schemas are loaded once, in the constructor; an instance is immutable and may be shared. Building one
 * is among the largest costs of a cold start (60–100 ms: the schema library's dialect, format checkers and ten
 * schemas), so commands use the process's {@link #shared() shared} instance rather than building their own (a run
 * with an organisation file or a rehearsal used to build two).
 */
public final class SchemaValidator {
    private static SchemaValidator shared; // guarded by the class: see shared()

    private final Map<CutoverSchema, Loaded> schemas = new EnumMap<>(CutoverSchema.class);

    private record Loaded(Schema schema, SchemaViolations violations, JsonNode document) {}

    public SchemaValidator() {
        // Format assertions on: a malformed captured_at would otherwise pass and break the staleness check.
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(config));
        ObjectMapper json = new ObjectMapper();
        for (CutoverSchema name : CutoverSchema.values()) {
            JsonNode document = readSchema(json, name);
            Schema schema = registry.getSchema(document);
            schema.initializeValidators();
            schemas.put(name, new Loaded(schema, new SchemaViolations(document), document));
        }
    }

    /**
     * The process's validator, built by the first caller (the others, on any thread, get that one). A failure to
     * build it (a schema missing from the jar) is thrown to every caller, since nothing is kept.
     */
    public static synchronized SchemaValidator shared() {
        if (shared == null) {
            shared = new SchemaValidator();
        }
        return shared;
    }

    /**
     * Validates {@code document} against {@code schema}.
     *
     * @param fileName the file name the problems should name, relative to the run directory
     * @return every violation, sorted by pointer; empty when the document is valid
     */
    public List<Problem> validate(CutoverSchema schema, String fileName, JsonNode document) {
        Loaded loaded = schemas.get(schema);
        return ProblemOrder.sorted(loaded.schema().validate(document).stream()
                .map(error -> loaded.violations().toProblem(fileName, error))
                .toList());
    }

    /**
     * The fields of {@code document} that the schema does not define but that are one slip away from one it
     * defines at the same place ({@link NearMissFields}); the schemas allow extra fields, so validation is silent
     * about them.
     */
    NearMissFields.Found nearMisses(CutoverSchema schema, String fileName, JsonNode document) {
        return NearMissFields.find(schemas.get(schema).document(), fileName, document);
    }

    /** Validates a compiled plan (the top-level step array) before it is written or trusted. */
    public List<Problem> validateSteps(JsonNode steps) {
        return validate(CutoverSchema.EXECUTION_STEPS, RunDirectory.STEPS, steps);
    }

    private static JsonNode readSchema(ObjectMapper json, CutoverSchema name) {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(name.resourcePath())) {
            if (in == null) {
                throw new IllegalStateException("schema " + name.resourcePath() + " is missing from the class path");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + name.resourcePath(), e);
        }
    }
}
