package dev.cutover.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/** Test utility: rewrites every JSON file of a run directory with object keys in reverse order, recursively. */
final class KeyOrderReverser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeyOrderReverser() {}

    static void reverseAll(Path runDir) {
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode reversed = reverse(JSON.readTree(file.toFile()));
                Files.writeString(file, JSON.writeValueAsString(reversed), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode reverse(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            Collections.reverse(names);
            ObjectNode out = JSON.createObjectNode();
            names.forEach(n -> out.set(n, reverse(object.get(n))));
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = JSON.createArrayNode();
            array.forEach(e -> out.add(reverse(e)));
            return out;
        }
        return node;
    }
}
