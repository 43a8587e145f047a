package dev.cutover.compile;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads and writes {@code execution-steps.json} byte-for-byte reproducibly (FORMATS.md §3.1): UTF-8, LF,
 * 2-space indent, {@code "key": value}, keys in {@link ExecutionStep}'s declared order, nulls written,
 * trailing newline. The pretty printer is built explicitly so no platform line separator leaks in.
 */
public final class StepsJson {
    private static final TypeReference<List<ExecutionStep>> STEPS = new TypeReference<>() {};

    // Configured once and never changed afterwards; ObjectMapper is thread-safe in that state.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private StepsJson() {}

    public static byte[] write(List<ExecutionStep> steps) {
        try {
            String json = MAPPER.writer(printer()).forType(STEPS).writeValueAsString(steps);
            return (json + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new CutoverException(ErrorCode.INTERNAL, "cannot serialise steps: " + e.getOriginalMessage(), e);
        }
    }

    public static List<ExecutionStep> read(byte[] json) {
        try {
            return MAPPER.readValue(json, STEPS);
        } catch (IOException e) {
            throw new CutoverException(
                    ErrorCode.STEPS_FILE_INVALID, "execution-steps.json is not a compiled plan: " + e.getMessage(), e);
        }
    }

    /**
     * The layout of every JSON file Cutover writes for people and diff tools: 2-space indent, {@code "key":
     * value}, LF line ends on every platform, empty containers as {@code []} and {@code {}}. A fresh instance
     * each call (Jackson pretty printers are stateful).
     */
    public static DefaultPrettyPrinter printer() {
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayValueSpacing(Separators.Spacing.NONE)
                .withArrayEmptySeparator("")
                .withObjectEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(lf);
        printer.indentArraysWith(lf);
        return printer;
    }
}
