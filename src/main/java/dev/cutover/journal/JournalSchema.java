package dev.cutover.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Validates one journal line against {@code schemas/execution-log.schema.json}, the relaxed form of the
 * upstream journal schema (FORMATS.md §3.2); the engine checks each line before appending it.
 */
public final class JournalSchema {
    static final String RESOURCE = "/schemas/execution-log.schema.json";

    private final Schema schema;

    /** Loads and compiles the bundled schema. */
    public JournalSchema() {
        try (InputStream in = JournalSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CutoverException(ErrorCode.INTERNAL, "journal schema missing from the jar: " + RESOURCE);
            }
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        } catch (IOException e) {
            throw new CutoverException(ErrorCode.INTERNAL, "cannot read journal schema " + RESOURCE, e);
        }
    }

    /** Every violation of one parsed line as {@code <pointer>: <message>}; empty when the line is valid. */
    public List<String> validateLine(JsonNode line) {
        List<Error> errors = schema.validate(line);
        return errors.stream().map(JournalSchema::describe).toList();
    }

    private static String describe(Error error) {
        String pointer = error.getInstanceLocation() == null
                ? ""
                : error.getInstanceLocation().toString();
        return (pointer.isEmpty() ? "/" : pointer) + ": " + error.getMessage();
    }
}
