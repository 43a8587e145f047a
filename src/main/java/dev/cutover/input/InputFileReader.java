package dev.cutover.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cutover.error.Problem;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads one input file of a run directory, turning every way it can be unusable (missing, not a file,
 * unreadable, not UTF-8, not JSON) into a {@link Problem} instead of an exception.
 */
final class InputFileReader {
    /** The result of reading one file: its content, or the problem that prevented reading it. */
    record Read<T>(Optional<T> content, Optional<Problem> problem) {
        static <T> Read<T> of(T content) {
            return new Read<>(Optional.of(content), Optional.empty());
        }

        static <T> Read<T> failed(Problem problem) {
            return new Read<>(Optional.empty(), Optional.of(problem));
        }
    }

    // Duplicate keys are refused: a second `environment:` line or `production:` block must not silently win.
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    // Duplicate keys are refused: with two "command" members nobody can tell which one was signed.
    private final ObjectMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    Read<JsonNode> readJson(Path root, String fileName) {
        Read<byte[]> bytes = readBytes(root, fileName);
        if (bytes.content().isEmpty()) {
            return Read.failed(bytes.problem().orElseThrow());
        }
        Read<String> text = InputText.utf8(fileName, bytes.content().get());
        if (text.content().isEmpty()) {
            return Read.failed(text.problem().orElseThrow());
        }
        try {
            JsonNode node = json.readTree(text.content().get());
            if (node == null || node.isMissingNode()) {
                return Read.failed(new Problem(
                        fileName, "", "the file is empty", "replace it with the planner's `" + fileName + "`"));
            }
            return Read.of(node);
        } catch (JsonProcessingException e) {
            return Read.failed(SyntaxProblems.of(fileName, "JSON", e));
        } catch (IOException e) {
            return Read.failed(unreadable(fileName, e));
        }
    }

    /**
     * Parses {@code bytes} as one YAML document (cutover.yaml, environments.yaml) into a tree, refusing duplicate
     * keys; an empty document reads as a missing node, a syntax error as a problem naming line and column.
     */
    static Read<JsonNode> parseYaml(byte[] bytes, String fileName) {
        Read<String> text = InputText.utf8(fileName, bytes);
        Optional<Problem> characters = text.content()
                .flatMap(t -> InputText.yamlCharacters(fileName, t))
                .or(text::problem);
        if (characters.isPresent()) {
            return Read.failed(characters.get());
        }
        try {
            JsonNode node = YAML.readTree(text.content().orElseThrow());
            return Read.of(node == null ? MissingNode.getInstance() : node);
        } catch (JsonProcessingException e) {
            return Read.failed(SyntaxProblems.of(fileName, "YAML", e));
        } catch (IOException e) {
            return Read.failed(unreadable(fileName, e));
        }
    }

    Read<String> readMarkdown(Path root, String fileName) {
        Read<byte[]> bytes = readBytes(root, fileName);
        if (bytes.content().isEmpty()) {
            return Read.failed(bytes.problem().orElseThrow());
        }
        Read<String> text = InputText.utf8(fileName, bytes.content().get());
        Optional<Problem> lineEndings = text.content().flatMap(t -> InputText.lineEndings(fileName, t));
        return lineEndings.isPresent() ? Read.failed(lineEndings.get()) : text;
    }

    static Read<byte[]> readBytes(Path root, String fileName) {
        Path file = root.resolve(fileName);
        if (!Files.exists(file)) {
            return Read.failed(new Problem(
                    fileName,
                    "",
                    "the file is missing from the run directory",
                    "copy `" + fileName + "` from the planner's output into " + root));
        }
        if (!Files.isRegularFile(file)) {
            return Read.failed(new Problem(
                    fileName, "", "is not a regular file", "replace it with the planner's `" + fileName + "`"));
        }
        try {
            return Read.of(Files.readAllBytes(file));
        } catch (IOException e) {
            return Read.failed(unreadable(fileName, e));
        }
    }

    static Problem unreadable(String fileName, IOException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
        return new Problem(
                fileName, "", "cannot be read: " + reason, "make it readable by the user running cutover, then retry");
    }
}
