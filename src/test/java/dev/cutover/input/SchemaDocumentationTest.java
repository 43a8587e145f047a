package dev.cutover.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keeps the schemas self-describing and docs/schemas.md and docs/configuration.md in step with them. */
class SchemaDocumentationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(CutoverSchema.class)
    void everySchemaIsDraft202012WithATitleAndDescription(CutoverSchema schema) throws IOException {
        JsonNode document = read(schema);

        assertThat(document.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(document.path("$id").asText()).endsWith("/" + schema.resourceName());
        assertThat(document.path("title").asText()).isNotBlank();
        assertThat(document.path("description").asText()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(CutoverSchema.class)
    void everyPropertyHasADescription(CutoverSchema schema) throws IOException {
        List<String> undocumented = new ArrayList<>();
        collectUndocumented(read(schema), "", undocumented);

        assertThat(undocumented).as("properties without a description").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CutoverSchema.class)
    void docsSchemasHasASectionForEverySchema(CutoverSchema schema) throws IOException {
        assertThat(Files.readString(Path.of("docs/schemas.md"))).contains("## `" + schema.resourceName() + "`");
    }

    @Test
    void docsConfigurationDocumentsEveryKey() throws IOException {
        String page = Files.readString(Path.of("docs/configuration.md"));
        List<String> keys = new ArrayList<>();
        read(CutoverSchema.RUN_CONFIG).path("properties").fieldNames().forEachRemaining(keys::add);

        assertThat(keys).hasSize(10).allSatisfy(key -> assertThat(page).contains("### `" + key + "`"));
    }

    /** Conditional fragments ({@code if}/{@code then}) restate constraints, so they need no descriptions. */
    private static void collectUndocumented(JsonNode node, String at, List<String> out) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectUndocumented(node.get(i), at + "/" + i, out);
            }
        }
        if (!node.isObject()) {
            return;
        }
        node.properties().forEach(field -> {
            String here = at + "/" + field.getKey();
            if (field.getKey().equals("if") || field.getKey().equals("then")) {
                return;
            }
            if (field.getKey().equals("properties")) {
                field.getValue().properties().forEach(p -> {
                    if (!p.getValue().hasNonNull("description")) {
                        out.add(here + "/" + p.getKey());
                    }
                });
            }
            collectUndocumented(field.getValue(), here, out);
        });
    }

    private static JsonNode read(CutoverSchema schema) throws IOException {
        try (var in = SchemaDocumentationTest.class.getResourceAsStream(schema.resourcePath())) {
            return JSON.readTree(in);
        }
    }
}
