package dev.cutover.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.error.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One JSON object of an input file, read field by field onto record components. The schema has already vouched
 * for the shape, so a value of the wrong kind is rare (an integer too large for its field); it becomes a
 * {@link Problem} naming the file and the exact pointer, the field reads as absent, and reading goes on so that
 * every such value is reported at once.
 *
 * <p>Absent and {@code null} read alike: {@code null} for objects, texts, integers and booleans, an empty list for
 * lists. Scalars read as text the way they are written ({@code 5} reads as {@code "5"}), and an integer written
 * with a fraction of zero ({@code 5.0}) reads as {@code 5}.
 */
final class FieldReader {
    private final String file;
    private final String pointer;
    private final JsonNode node;
    private final List<Problem> problems;

    private FieldReader(String file, String pointer, JsonNode node, List<Problem> problems) {
        this.file = file;
        this.pointer = pointer;
        this.node = node;
        this.problems = problems;
    }

    /**
     * Reads the object at {@code pointer} of {@code document} with {@code read}; {@code null} when it is absent,
     * {@code null} or not an object (the last is also a problem).
     */
    static <T> T read(
            String file, JsonNode document, String pointer, Function<FieldReader, T> read, List<Problem> problems) {
        return new FieldReader(file, "", document, problems).objectAt(pointer, document.at(pointer), read);
    }

    /**
     * Reads the array at {@code pointer} of {@code document}, each element with {@code read}; empty when absent
     * or {@code null}.
     */
    static <T> List<T> readList(
            String file, JsonNode document, String pointer, Function<FieldReader, T> read, List<Problem> problems) {
        return new FieldReader(file, "", document, problems).listAt(pointer, document.at(pointer), read);
    }

    String text(String name) {
        JsonNode value = node.get(name);
        if (absent(value)) {
            return null;
        }
        if (value.isContainerNode()) {
            return wrongKind(at(name), value, "a string");
        }
        return value.asText();
    }

    Integer integer(String name) {
        return integerAt(at(name), node.get(name));
    }

    /** An integer that has no absent state in its record: absent reads as 0. */
    int integerOrZero(String name) {
        Integer value = integer(name);
        return value == null ? 0 : value;
    }

    Boolean bool(String name) {
        JsonNode value = node.get(name);
        if (absent(value)) {
            return null;
        }
        return value.isBoolean() ? value.booleanValue() : wrongKind(at(name), value, "a boolean");
    }

    List<String> texts(String name) {
        return elements(at(name), node.get(name), (where, element) -> {
            if (element.isContainerNode() || element.isNull()) {
                return wrongKind(where, element, "a string");
            }
            return element.asText();
        });
    }

    <T> T object(String name, Function<FieldReader, T> read) {
        return objectAt(at(name), node.get(name), read);
    }

    <T> List<T> objects(String name, Function<FieldReader, T> read) {
        return listAt(at(name), node.get(name), read);
    }

    /** An object whose every member is an object read with {@code read}, in the file's order. */
    <T> Map<String, T> objectsByName(String name, Function<FieldReader, T> read) {
        JsonNode value = node.get(name);
        Map<String, T> out = new LinkedHashMap<>();
        if (absent(value)) {
            return out;
        }
        if (!value.isObject()) {
            wrongKind(at(name), value, "an object");
            return out;
        }
        String where = at(name);
        for (Iterator<Map.Entry<String, JsonNode>> members = value.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            T mapped = element(child(where, member.getKey()), member.getValue(), read);
            if (mapped != null) {
                out.put(member.getKey(), mapped);
            }
        }
        return out;
    }

    private <T> T objectAt(String where, JsonNode value, Function<FieldReader, T> read) {
        if (absent(value)) {
            return null;
        }
        if (!value.isObject()) {
            return wrongKind(where, value, "an object");
        }
        return read.apply(new FieldReader(file, where, value, problems));
    }

    private <T> List<T> listAt(String where, JsonNode value, Function<FieldReader, T> read) {
        return elements(where, value, (at, element) -> element(at, element, read));
    }

    /** An object inside an array or a map, where {@code null} is not absence but a wrong value. */
    private <T> T element(String where, JsonNode value, Function<FieldReader, T> read) {
        return value.isObject()
                ? read.apply(new FieldReader(file, where, value, problems))
                : wrongKind(where, value, "an object");
    }

    /** The array's elements read with {@code read}; an element read as {@code null} (a problem) is left out. */
    private <T> List<T> elements(String where, JsonNode value, ElementReader<T> read) {
        List<T> out = new ArrayList<>();
        if (absent(value)) {
            return out;
        }
        if (!value.isArray()) {
            wrongKind(where, value, "an array");
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            T element = read.read(where + "/" + i, value.get(i));
            if (element != null) {
                out.add(element);
            }
        }
        return out;
    }

    private Integer integerAt(String where, JsonNode value) {
        if (absent(value)) {
            return null;
        }
        if (!value.isNumber() || !value.canConvertToExactIntegral()) {
            return wrongKind(where, value, "an integer");
        }
        if (!value.canConvertToInt()) {
            problems.add(new Problem(
                    file,
                    where,
                    value + " is out of range",
                    "use an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE));
            return null;
        }
        return value.intValue();
    }

    private <T> T wrongKind(String where, JsonNode value, String expected) {
        problems.add(new Problem(
                file,
                where,
                "expected " + expected + ", found " + JsonTypes.describe(value),
                "write " + expected + " here"));
        return null;
    }

    private String at(String name) {
        return child(pointer, name);
    }

    private static String child(String pointer, String name) {
        return pointer + "/" + SchemaViolations.escape(name);
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    private interface ElementReader<T> {
        T read(String where, JsonNode element);
    }
}
