package dev.cutover.input;

import com.fasterxml.jackson.core.JsonLocation;
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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads one input file of a run directory, turning every way it can be unusable (missing, not a file,
 * unreadable, not UTF-8, not JSON) into a {@link Problem} instead of an exception.
 */
final class InputFileReader {
    /** How Jackson's strict duplicate detection starts its message; the key follows, then a quote. */
    private static final String DUPLICATE_KEY = "Duplicate field '";

    private static final String BYTE_ORDER_MARK = "\uFEFF";

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
        try {
            JsonNode node = json.readTree(bytes.content().get());
            if (node == null || node.isMissingNode()) {
                return Read.failed(new Problem(
                        fileName, "", "the file is empty", "replace it with the planner's `" + fileName + "`"));
            }
            return Read.of(node);
        } catch (JsonProcessingException e) {
            return Read.failed(syntaxProblem(fileName, "JSON", e));
        } catch (IOException e) {
            return Read.failed(unreadable(fileName, e));
        }
    }

    /**
     * Parses {@code bytes} as one YAML document (cutover.yaml, environments.yaml) into a tree, refusing duplicate
     * keys; an empty document reads as a missing node, a syntax error as a problem naming line and column.
     */
    static Read<JsonNode> parseYaml(byte[] bytes, String fileName) {
        try {
            JsonNode node = YAML.readTree(bytes);
            return Read.of(node == null ? MissingNode.getInstance() : node);
        } catch (JsonProcessingException e) {
            return Read.failed(syntaxProblem(fileName, "YAML", e));
        } catch (IOException e) {
            return Read.failed(unreadable(fileName, e));
        }
    }

    Read<String> readMarkdown(Path root, String fileName) {
        Read<byte[]> bytes = readBytes(root, fileName);
        if (bytes.content().isEmpty()) {
            return Read.failed(bytes.problem().orElseThrow());
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes.content().get());
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer)
                    .toString();
            // A byte-order mark (editors on Windows write one) says how the file is encoded; it is not part of
            // the first line, where the sign-off may be.
            return Read.of(text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return Read.failed(new Problem(
                    fileName,
                    "",
                    "is not valid UTF-8 (bad byte sequence at byte offset " + buffer.position() + ")",
                    "save the file as UTF-8"));
        }
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

    static Problem syntaxProblem(String fileName, String format, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        // Parser messages span several lines (YAML adds indented source excerpts); keep the statements only.
        String message = String.valueOf(e.getOriginalMessage());
        int keyEnd = message.indexOf('\'', DUPLICATE_KEY.length());
        if (message.startsWith(DUPLICATE_KEY) && keyEnd > 0) {
            String key = message.substring(DUPLICATE_KEY.length(), keyEnd);
            return new Problem(
                    fileName,
                    "",
                    "is not valid " + format + where + ": the key `" + key + "` appears twice in the same object",
                    "keep one `" + key + "` and delete the other (the repeat is" + where
                            + "); Cutover never picks one of two values for you");
        }
        String detail = e.getOriginalMessage()
                .lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining("; "));
        return new Problem(
                fileName,
                "",
                "is not valid " + format + where + ": " + detail,
                "repair the " + format + " syntax" + where + " (often a missing comma, quote or bracket)");
    }
}
