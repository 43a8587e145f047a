package dev.cutover.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.error.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Reading fields of one JSON object: absence, coercions, and a problem with an exact pointer for a wrong value. */
class FieldReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Problem> problems = new ArrayList<>();

    private <T> T read(String json, Function<FieldReader, T> read) {
        try {
            return FieldReader.read("f.json", JSON.readTree(json), "/at", read, problems);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void absentAndNullReadAlike() {
        String json = "{\"at\": {\"t\": null, \"i\": null, \"b\": null, \"l\": null, \"o\": null}}";

        List<Object> absent = read(
                json,
                r -> Arrays.asList(
                        r.text("t"),
                        r.integer("i"),
                        r.bool("b"),
                        r.texts("l"),
                        r.object("o", o -> "read"),
                        r.text("x")));

        assertThat(absent).containsExactly(null, null, null, List.of(), null, null);
        int zero = read(json, r -> r.integerOrZero("i"));
        assertThat(zero).isZero();
        assertThat(problems).isEmpty();
    }

    @Test
    void scalarsReadAsWrittenAndWholeFractionsAsIntegers() {
        String json = "{\"at\": {\"n\": 5, \"f\": 2.50, \"b\": true, \"whole\": 5.0, \"e\": 1e3, \"s\": \"x\\\"y\"}}";

        List<Object> values = read(
                json,
                r -> List.of(
                        r.text("n"), r.text("b"), r.text("s"), r.integer("whole"), r.integer("e"), r.integer("n")));

        assertThat(values).containsExactly("5", "true", "x\"y", 5, 1000, 5);
        assertThat(problems).isEmpty();
    }

    @Test
    void aWrongValueIsAProblemAtItsExactPointerAndReadsAsAbsent() {
        String json = "{\"at\": {\"t\": [1], \"i\": 2.5, \"big\": -2147483649, \"b\": \"yes\","
                + " \"l\": [\"a\", {}, null, \"b\"], \"a/b\": {\"x\": [1]}, \"o\": [], \"objs\": [{}, 3]}}";

        List<Object> values = read(
                json,
                r -> Arrays.asList(
                        r.text("t"),
                        r.integer("i"),
                        r.integer("big"),
                        r.bool("b"),
                        r.texts("l"),
                        r.object("a/b", o -> o.text("x")),
                        r.object("o", o -> "read"),
                        r.objects("objs", o -> "read")));

        assertThat(values).containsExactly(null, null, null, null, List.of("a", "b"), null, null, List.of("read"));
        assertThat(problems)
                .extracting(Problem::file, Problem::pointer, Problem::message)
                .containsExactly(
                        tuple("f.json", "/at/t", "expected a string, found an array"),
                        tuple("f.json", "/at/i", "expected an integer, found a number"),
                        tuple("f.json", "/at/big", "-2147483649 is out of range"),
                        tuple("f.json", "/at/b", "expected a boolean, found a string"),
                        tuple("f.json", "/at/l/1", "expected a string, found an object"),
                        tuple("f.json", "/at/l/2", "expected a string, found null"),
                        tuple("f.json", "/at/a~1b/x", "expected a string, found an array"),
                        tuple("f.json", "/at/o", "expected an object, found an array"),
                        tuple("f.json", "/at/objs/1", "expected an object, found an integer"));
    }

    @Test
    void objectsByNameKeepTheFileOrderAndReportNullMembers() {
        String json = "{\"at\": {\"teams\": {\"zeta\": {\"c\": \"z\"}, \"alpha\": {\"c\": \"a\"}, \"gone\": null}}}";

        Map<String, String> teams = read(json, r -> r.objectsByName("teams", t -> t.text("c")));

        assertThat(teams).containsExactly(Map.entry("zeta", "z"), Map.entry("alpha", "a"));
        assertThat(problems)
                .extracting(Problem::pointer, Problem::message)
                .containsExactly(tuple("/at/teams/gone", "expected an object, found null"));
    }

    @Test
    void aWholeDocumentIsReadFromTheEmptyPointer() throws Exception {
        JsonNode document = JSON.readTree("{\"edges\": [{\"from\": \"a\"}, {\"from\": \"b\"}]}");

        List<String> froms =
                FieldReader.read("g.json", document, "", r -> r.objects("edges", e -> e.text("from")), problems);
        List<String> again = FieldReader.readList("g.json", document, "/edges", e -> e.text("from"), problems);

        assertThat(froms).containsExactly("a", "b");
        assertThat(again).isEqualTo(froms);
        assertThat(problems).isEmpty();
    }
}
