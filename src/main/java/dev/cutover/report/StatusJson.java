package dev.cutover.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.cutover.compile.StepsJson;
import java.io.IOException;
import java.time.Instant;

/**
 * Writes a {@link StatusView} as {@code status --json}: snake_case keys in record component order, instants
 * in the journal's shape, nulls written, 2-space indent, LF, trailing newline.
 */
public final class StatusJson {
    private static final ObjectWriter WRITER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new SimpleModule().addSerializer(Instant.class, new InstantSerializer()))
            .build()
            .writer(StepsJson.printer());

    private StatusJson() {}

    /** The JSON text. */
    public static String write(StatusView view) {
        try {
            return WRITER.writeValueAsString(view) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a status view always serializes", e);
        }
    }

    /** Instants as {@code 2026-11-21T13:45:01.123Z}, the journal's own shape. */
    private static final class InstantSerializer extends StdSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(ReportTime.format(value));
        }
    }
}
