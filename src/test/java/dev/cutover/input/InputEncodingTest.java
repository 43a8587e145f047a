package dev.cutover.input;

import static java.nio.charset.StandardCharsets.UTF_16;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.error.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Inputs that are not UTF-8 text, or that a parser would only describe in its own terms, in operator words. */
class InputEncodingTest {
    private static final String GRAPH = RunDirectory.DEPENDENCY_GRAPH;
    private static final String SAVE_AS_UTF8 = "save the file as UTF-8";

    private final SchemaValidator validator = new SchemaValidator();

    @TempDir
    Path tmp;

    @Test
    void aUtf16JsonInputIsRefusedLikeAUtf16MarkdownChecklist() throws Exception {
        Path dir = TestRunDirs.complete(tmp.resolve("run"));
        Path checklist = dir.resolve(Plane.CP.jsonFile());
        Files.write(checklist, Files.readString(checklist).getBytes(UTF_16));

        Problem problem = onlyInputProblem(dir);

        assertThat(problem.file()).isEqualTo(Plane.CP.jsonFile());
        assertThat(problem.message()).isEqualTo("is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8");
        assertThat(problem.fix()).isEqualTo(SAVE_AS_UTF8);
    }

    @Test
    void aUtf16JsonInputWithoutAByteOrderMarkIsRefusedAtItsFirstNul() throws Exception {
        Path dir = TestRunDirs.complete(tmp.resolve("run"));
        Path checklist = dir.resolve(Plane.DP.jsonFile());
        Files.write(checklist, Files.readString(checklist).getBytes(UTF_16LE));

        Problem problem = onlyInputProblem(dir);

        assertThat(problem.message())
                .isEqualTo("holds a NUL character at line 1, column 2: it looks like UTF-16 or a binary file, not"
                        + " UTF-8 text");
        assertThat(problem.fix()).isEqualTo(SAVE_AS_UTF8);
    }

    @Test
    void aBadByteInAJsonInputIsAnEncodingProblemAtItsRealPositionNotASyntaxError() throws Exception {
        Path dir = TestRunDirs.complete(tmp.resolve("run"));
        Files.write(dir.resolve(GRAPH), bytes("{\n  \"edges\": [],\n  \"x\": \"caf", 0xFF, "\"\n}\n"));

        Problem problem = onlyInputProblem(dir);

        assertThat(problem.message())
                .isEqualTo("is not valid UTF-8: bad byte 0xFF at line 3, column 12 (byte offset 28)");
        assertThat(problem.fix()).isEqualTo(SAVE_AS_UTF8);
    }

    @Test
    void jsonNestedDeeperThanAThousandLevelsIsSaidInWordsWithoutParserInternals() throws Exception {
        Path dir = TestRunDirs.complete(tmp.resolve("run"));
        Files.writeString(dir.resolve(GRAPH), "[".repeat(1100) + "]".repeat(1100));

        Problem problem = onlyInputProblem(dir);

        assertThat(problem.message())
                .isEqualTo("is not valid JSON: arrays and objects are nested 1001 levels deep, more than the 1000"
                        + " Cutover reads");
        assertThat(problem.fix()).startsWith("replace it with the planner's `dependency-graph.json`");
        assertNoInternals(problem);
    }

    @Test
    void aNumberLongerThanAThousandDigitsIsSaidInWordsWithoutParserInternals() throws Exception {
        Path dir = TestRunDirs.complete(tmp.resolve("run"));
        Files.writeString(dir.resolve(GRAPH), "{\"edges\": [], \"n\": " + "7".repeat(1200) + "}");

        Problem problem = onlyInputProblem(dir);

        assertThat(problem.message()).endsWith("a number has 1200 digits, more than the 1000 Cutover reads");
        assertThat(problem.fix()).startsWith("shorten the number to at most 1000 digits");
        assertNoInternals(problem);
    }

    @Test
    void contentAfterTheEndOfTheDocumentIsSaidInWordsWithItsPosition() throws Exception {
        Path dir = TestRunDirs.complete(tmp.resolve("run"));
        Path graph = dir.resolve(GRAPH);
        Files.writeString(graph, Files.readString(graph).stripTrailing() + "\n{}\n");
        long line = Files.readAllLines(graph).size();

        Problem problem = onlyInputProblem(dir);

        assertThat(problem.message())
                .isEqualTo("is not valid JSON at line " + line + ", column 1: more content follows the end of the"
                        + " document");
        assertThat(problem.fix()).startsWith("delete everything after the document's closing bracket or brace");
        assertNoInternals(problem);
    }

    @Test
    void aMarkdownChecklistWithCarriageReturnOnlyLineEndingsIsRefusedForItsLineEndings() throws Exception {
        Path dir = TestRunDirs.complete(tmp.resolve("run"));
        Path markdown = dir.resolve(Plane.DP.markdownFile());
        Files.writeString(
                markdown, Files.readString(markdown).replace("\r\n", "\n").replace('\n', '\r'));

        Problem problem = onlyInputProblem(dir);

        assertThat(problem.file()).isEqualTo(Plane.DP.markdownFile());
        assertThat(problem.message())
                .startsWith("ends a line with a carriage return alone (CR, classic Mac OS line endings) at line 1,")
                .doesNotContain("APPROVED BY");
        assertThat(problem.fix()).isEqualTo("save the file with LF (or CRLF) line endings");
    }

    @Test
    void aMarkdownChecklistWithCrlfLineEndingsStillLoads() throws Exception {
        Path dir = TestRunDirs.complete(tmp.resolve("run"));
        Path markdown = dir.resolve(Plane.DP.markdownFile());
        Files.writeString(
                markdown, Files.readString(markdown).replace("\r\n", "\n").replace("\n", "\r\n"));

        assertThat(new InputLoader(validator).load(new RunDirectory(dir)).dataPlaneMarkdown())
                .contains("\r\n");
    }

    @Test
    void aBadByteInCutoverYamlNamesItsLineAndColumnAndSaysSaveAsUtf8() throws Exception {
        Files.write(tmp.resolve("cutover.yaml"), bytes("environment: sandbox\n# caf", 0xFF, "\n"));

        Problem problem = onlyConfigProblem();

        assertThat(problem.message())
                .isEqualTo("is not valid UTF-8: bad byte 0xFF at line 2, column 6 (byte offset 26)");
        assertThat(problem.fix()).isEqualTo(SAVE_AS_UTF8);
        assertNoInternals(problem);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x07, 0x1B, 0x7F})
    void aControlCharacterInCutoverYamlNamesItsLineAndColumn(int control) throws Exception {
        Files.write(tmp.resolve("cutover.yaml"), bytes("environment: sandbox\n# a", control, "\n"));

        Problem problem = onlyConfigProblem();

        assertThat(problem.message()).contains("at line 2, column 4").doesNotContain("line 1, column 1");
        assertThat(problem.fix()).contains(SAVE_AS_UTF8).doesNotContain("missing comma");
    }

    @Test
    void aUtf16CutoverYamlIsRefused() throws Exception {
        Files.write(tmp.resolve("cutover.yaml"), "environment: sandbox\n".getBytes(UTF_16));

        assertThat(onlyConfigProblem().message())
                .isEqualTo("is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8");
    }

    private Problem onlyInputProblem(Path dir) {
        CutoverException e = catchThrowableOfType(
                CutoverException.class, () -> new InputLoader(validator).load(new RunDirectory(dir)));
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INPUT_INVALID);
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    private Problem onlyConfigProblem() {
        CutoverException e = catchThrowableOfType(
                CutoverException.class, () -> new RunConfigLoader(validator).load(new RunDirectory(tmp)));
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    private static void assertNoInternals(Problem problem) {
        assertThat(problem.message() + " " + problem.fix())
                .doesNotContain(
                        "com.fasterxml", "java.", "StreamReadConstraints", "DeserializationFeature", "Exception");
    }

    /** Text with raw bytes between its parts: {@code bytes("a", 0xFF, "b")}. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer b) {
                out.write(b);
            } else {
                out.writeBytes(((String) part).getBytes(UTF_8));
            }
        }
        return out.toByteArray();
    }
}
