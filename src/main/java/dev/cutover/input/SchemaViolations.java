package dev.cutover.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.cutover.error.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one validator error into an operator-facing {@link Problem}: the pointer of the offending value,
 * what is wrong in plain words, and a fix tailored to the kind of violation.
 */
final class SchemaViolations {
    private static final int MAX_VALUE_CHARS = 60;

    private final JsonNode schemaDocument;

    /** @param schemaDocument the schema the errors came from, to look up sibling keywords and field lists */
    SchemaViolations(JsonNode schemaDocument) {
        this.schemaDocument = schemaDocument;
    }

    Problem toProblem(String file, Error error) {
        String at = pointer(error.getInstanceLocation());
        JsonNode rule = error.getSchemaNode();
        JsonNode value = error.getInstanceNode();
        return switch (error.getKeyword()) {
            case "required" ->
                new Problem(
                        file,
                        at,
                        "missing required field `" + error.getProperty() + "`",
                        "add the field `" + error.getProperty() + "`");
            case "additionalProperties" -> unknownField(file, at, error);
            case "type" ->
                new Problem(
                        file,
                        at,
                        "is " + JsonTypes.describe(value) + ", expected " + JsonTypes.expected(rule),
                        "make it " + JsonTypes.expected(rule));
            case "enum" ->
                new Problem(file, at, show(value) + " is not an allowed value", "use one of: " + JsonTypes.list(rule));
            case "const" -> new Problem(file, at, "must be " + rule, "set it to " + rule);
            case "pattern" ->
                new Problem(file, at, show(value) + " does not match " + rule.asText(), "match " + rule.asText());
            case "format" -> badFormat(file, at, rule.asText(), value);
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> outOfRange(file, at, error);
            case "minItems", "maxItems" -> wrongCount(file, at, error);
            case "minLength" ->
                new Problem(
                        file,
                        at,
                        rule.asInt() == 1 ? "is empty" : "is shorter than " + rule + " characters",
                        rule.asInt() == 1 ? "make it non-empty" : "make it at least " + rule + " characters long");
            case "uniqueItems" -> new Problem(file, at, "lists the same entry twice", "remove the duplicate entries");
            default ->
                new Problem(
                        file,
                        at,
                        error.getMessage(),
                        "change it so it satisfies the schema rule `" + error.getKeyword() + "`");
        };
    }

    private Problem unknownField(String file, String at, Error error) {
        String name = error.getProperty();
        List<String> allowed = new ArrayList<>();
        parentRule(error).path("properties").fieldNames().forEachRemaining(allowed::add);
        Optional<String> meant = Spelling.closest(name, allowed);
        String fix = meant.map(m -> "rename it to `" + m + "`, or remove it")
                        .orElse("remove `" + name + "` or correct its spelling")
                + (allowed.isEmpty() ? "" : "; allowed: " + String.join(", ", allowed));
        String message = "unknown field `" + name + "`"
                + meant.map(m -> " (did you mean `" + m + "`?)").orElse("");
        return new Problem(file, at + "/" + escape(name), message, fix);
    }

    private static Problem badFormat(String file, String at, String format, JsonNode value) {
        String fix = switch (format) {
            case "date-time" -> "use an RFC 3339 date-time such as 2026-06-12T14:32:00Z";
            case "ipv4" -> "use a dotted IPv4 address such as 203.0.113.10";
            default -> "use a valid " + format;
        };
        return new Problem(file, at, show(value) + " is not a valid " + format, fix);
    }

    private static Problem outOfRange(String file, String at, Error error) {
        String bound = error.getSchemaNode().asText();
        String rule = switch (error.getKeyword()) {
            case "minimum" -> "at least " + bound;
            case "maximum" -> "at most " + bound;
            case "exclusiveMinimum" -> "greater than " + bound;
            default -> "less than " + bound;
        };
        return new Problem(file, at, show(error.getInstanceNode()) + " is out of range", "use a value " + rule);
    }

    private Problem wrongCount(String file, String at, Error error) {
        JsonNode parent = parentRule(error);
        int found =
                error.getInstanceNode() == null ? 0 : error.getInstanceNode().size();
        String bound = error.getSchemaNode().asText();
        boolean exact = parent.has("minItems") && parent.path("minItems").equals(parent.path("maxItems"));
        String wanted =
                exact ? "exactly " + bound : ("minItems".equals(error.getKeyword()) ? "at least " : "at most ") + bound;
        return new Problem(file, at, "has " + found + " entries, expected " + wanted, "list " + wanted + " entries");
    }

    /** The schema object holding the failed keyword, e.g. the object with both minItems and maxItems. */
    private JsonNode parentRule(Error error) {
        String keywordPointer = pointer(error.getSchemaLocation().getFragment());
        int cut = keywordPointer.lastIndexOf('/');
        return cut < 0 ? schemaDocument : schemaDocument.at(keywordPointer.substring(0, cut));
    }

    /** An RFC 6901 pointer built from the path's segments, independent of the library's path style. */
    static String pointer(NodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; path != null && i < path.getNameCount(); i++) {
            out.append('/').append(escape(String.valueOf(path.getElement(i))));
        }
        return out.toString();
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static String show(JsonNode value) {
        String text = value == null ? "the value" : value.toString();
        return text.length() > MAX_VALUE_CHARS ? text.substring(0, MAX_VALUE_CHARS) + "…" : text;
    }
}
