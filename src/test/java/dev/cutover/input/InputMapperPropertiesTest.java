package dev.cutover.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.error.Problem;
import dev.cutover.testing.RunDirFixtures;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever single value of the complete fixture is replaced or removed, as long as the schemas still accept the
 * documents, the hand-written mapping makes the same records as Jackson's data binding did, and fails exactly
 * where binding failed, with problems at or below the edited value.
 */
class InputMapperPropertiesTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final RunDirectory DIR = new RunDirectory(RunDirFixtures.source("complete"));
    private static final Map<InputFile, JsonNode> FIXTURE = DataBindingReference.documents(DIR.root());

    /** Values at the edges of what the schemas accept, and a few they refuse; {@code null} stands for removal. */
    private static final List<JsonNode> VALUES = List.of(
            NODES.nullNode(),
            NODES.numberNode(0),
            NODES.numberNode(-1),
            NODES.numberNode(7),
            NODES.numberNode(Integer.MAX_VALUE),
            NODES.numberNode(Integer.MAX_VALUE + 1L),
            NODES.numberNode(Integer.MIN_VALUE - 1L),
            NODES.numberNode(new BigInteger("123456789012345678901234567890")),
            NODES.numberNode(5.0),
            NODES.numberNode(2.5),
            NODES.textNode(""),
            NODES.textNode("ünïcødé \"quoted\" \\ back\nslash\ttab"),
            NODES.textNode("arn:aws:s3:::edited"),
            NODES.booleanNode(true),
            NODES.booleanNode(false),
            NODES.arrayNode(),
            NODES.arrayNode().add("a").add("b"),
            NODES.arrayNode().add(NODES.objectNode()),
            NODES.arrayNode().addNull(),
            NODES.objectNode());

    private record Edit(InputFile file, String pointer, Optional<JsonNode> value) {}

    @Property(tries = 1500, maxDiscardRatio = 100)
    void anyAcceptedEditMapsAsDataBindingDoes(@ForAll("edits") Edit edit) {
        Map<InputFile, JsonNode> documents = applied(edit);
        Assume.that(SchemaValidator.shared()
                .validate(edit.file().schema().orElseThrow(), edit.file().fileName(), documents.get(edit.file()))
                .isEmpty());

        Optional<List<Object>> reference = DataBindingReference.map(documents);
        InputMapper.Mapped mapped = new InputMapper().map(DIR, documents, DataBindingReference.markdown());
        Statistics.collect(reference.isPresent() ? "mapped" : "refused");

        if (reference.isPresent()) {
            assertThat(mapped.problems()).isEmpty();
            assertThat(DataBindingReference.records(mapped.inputs())).isEqualTo(reference.get());
        } else {
            assertThat(mapped.problems())
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(p.file()).isEqualTo(edit.file().fileName()))
                    .extracting(Problem::pointer)
                    .allSatisfy(p -> assertThat(p + "/").startsWith(edit.pointer() + "/"));
        }
    }

    @Provide
    Arbitrary<Edit> edits() {
        List<InputFile> files = new ArrayList<>(FIXTURE.keySet());
        return Arbitraries.of(files)
                .flatMap(file -> Combinators.combine(
                                Arbitraries.of(pointers(FIXTURE.get(file), "", new ArrayList<>())),
                                Arbitraries.of(VALUES).optional(0.85))
                        .as((pointer, value) -> new Edit(file, pointer, value)));
    }

    /** The fixture with one value replaced, or removed (from an array: the element is taken out). */
    private static Map<InputFile, JsonNode> applied(Edit edit) {
        Map<InputFile, JsonNode> documents = new EnumMap<>(FIXTURE);
        JsonNode copy = FIXTURE.get(edit.file()).deepCopy();
        int cut = edit.pointer().lastIndexOf('/');
        JsonNode parent = copy.at(edit.pointer().substring(0, cut));
        String last = edit.pointer().substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            edit.value().ifPresentOrElse(v -> object.set(last, v.deepCopy()), () -> object.remove(last));
        } else if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(last);
            edit.value().ifPresentOrElse(v -> array.set(index, v.deepCopy()), () -> array.remove(index));
        }
        documents.put(edit.file(), copy);
        return documents;
    }

    /** Every value's pointer below {@code node}. */
    private static List<String> pointers(JsonNode node, String at, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String child = at + "/" + SchemaViolations.escape(e.getKey());
                out.add(child);
                pointers(e.getValue(), child, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(at + "/" + i);
                pointers(node.get(i), at + "/" + i, out);
            }
        }
        return out;
    }
}
