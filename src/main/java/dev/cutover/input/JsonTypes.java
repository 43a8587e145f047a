package dev.cutover.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Plain-English names of JSON types for problem messages ("an integer", "a string or null"). */
final class JsonTypes {
    private JsonTypes() {}

    /** What a value is, e.g. {@code a string}. */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "missing";
        }
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> value.isIntegralNumber() ? "an integer" : "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> "an unsupported value";
        };
    }

    /** The type or types a {@code type} keyword admits, e.g. {@code a string or null}. */
    static String expected(JsonNode typeRule) {
        List<String> names = new ArrayList<>();
        if (typeRule.isArray()) {
            typeRule.forEach(t -> names.add(withArticle(t.asText())));
        } else {
            names.add(withArticle(typeRule.asText()));
        }
        return String.join(" or ", names);
    }

    /** Enum members as a comma-separated list, strings unquoted. */
    static String list(JsonNode values) {
        List<String> names = new ArrayList<>();
        values.forEach(v -> names.add(v.isTextual() ? v.asText() : v.toString()));
        return String.join(", ", names);
    }

    private static String withArticle(String type) {
        return switch (type) {
            case "null" -> "null";
            case "integer", "array", "object" -> "an " + type;
            default -> "a " + type;
        };
    }
}
