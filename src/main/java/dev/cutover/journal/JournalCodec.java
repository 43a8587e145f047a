package dev.cutover.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cutover.time.UtcMillis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Turns metadata and entries into compact one-line JSON (keys in declaration order, UTF-8, no LF) and
 * back; parsing is streaming and strict (every entry key present once, no unknown keys, exact types).
 */
final class JournalCodec {
    // Duplicate keys are detected by EntryFields, so they count as a format error and not as torn bytes.
    private final JsonFactory factory = new JsonFactory();
    private final MetadataCodec metadataCodec = new MetadataCodec();

    byte[] encode(JournalMetadata metadata) {
        return metadataCodec.encode(metadata);
    }

    JournalMetadata decodeMetadata(byte[] line, int offset, int length) throws LineProblem {
        return metadataCodec.decode(line, offset, length);
    }

    byte[] encode(JournalEntry entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("entry_id", entry.entryId());
            g.writeStringField("step_id", entry.stepId());
            g.writeNumberField("phase_number", entry.phaseNumber());
            g.writeStringField("event", entry.event().wireName());
            g.writeStringField("at", UtcMillis.format(entry.at()));
            g.writeStringField("operator", entry.operator());
            g.writeStringField("cmd", entry.cmd());
            g.writeFieldName("exit_code");
            if (entry.exitCode() == null) {
                g.writeNull();
            } else {
                g.writeNumber(entry.exitCode());
            }
            g.writeStringField("stdout_tail", entry.stdoutTail());
            g.writeStringField("stderr_tail", entry.stderrTail());
            g.writeStringField("poll_state", entry.pollState());
            g.writeStringField("notes", entry.notes());
            g.writeStringField("prev_sha256", entry.prevSha256());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory JSON generation failed", e);
        }
        return out.toByteArray();
    }

    JournalEntry decodeEntry(byte[] line, int offset, int length) throws LineProblem {
        EntryFields fields = new EntryFields();
        try (JsonParser p = factory.createParser(line, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw LineProblem.notJson("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                fields.read(name, p);
            }
            if (p.nextToken() != null) {
                throw LineProblem.notJson("unexpected content after the JSON object");
            }
        } catch (IOException e) {
            throw LineProblem.notJson("not valid JSON: " + firstLine(e.getMessage()));
        }
        return fields.toEntry();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** Collects the 13 entry keys while parsing; a key may appear once only. */
    private static final class EntryFields {
        private static final String[] KEYS = {
            "entry_id",
            "step_id",
            "phase_number",
            "event",
            "at",
            "operator",
            "cmd",
            "exit_code",
            "stdout_tail",
            "stderr_tail",
            "poll_state",
            "notes",
            "prev_sha256"
        };
        private final Object[] values = new Object[KEYS.length];
        private final boolean[] seen = new boolean[KEYS.length];

        void read(String name, JsonParser p) throws IOException, LineProblem {
            int index = indexOf(name);
            if (index < 0) {
                throw LineProblem.invalid("unknown key \"" + name + "\"");
            }
            if (seen[index]) {
                throw LineProblem.invalid("duplicate key \"" + name + "\"");
            }
            seen[index] = true;
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return;
            }
            boolean numeric = index == 2 || index == 7;
            if (numeric && token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                values[index] = p.getIntValue();
            } else if (!numeric && token == JsonToken.VALUE_STRING) {
                values[index] = p.getText();
            } else {
                throw LineProblem.invalid(
                        "\"" + name + "\" must be " + (numeric ? "an integer" : "a string") + " or null");
            }
        }

        JournalEntry toEntry() throws LineProblem {
            for (int i = 0; i < KEYS.length; i++) {
                if (!seen[i]) {
                    throw LineProblem.invalid("missing key \"" + KEYS[i] + "\"");
                }
            }
            for (int i : new int[] {0, 1, 2, 3, 4, 12}) {
                if (values[i] == null) {
                    throw LineProblem.invalid("\"" + KEYS[i] + "\" must not be null");
                }
            }
            String eventName = (String) values[3];
            JournalEvent event = JournalEvent.fromWireName(eventName)
                    .orElseThrow(() -> LineProblem.invalid("unknown event \"" + eventName + "\""));
            try {
                Instant at = JournalTime.parse((String) values[4]);
                return new JournalEntry(
                        (String) values[0],
                        (String) values[1],
                        (Integer) values[2],
                        event,
                        at,
                        (String) values[5],
                        (String) values[6],
                        (Integer) values[7],
                        (String) values[8],
                        (String) values[9],
                        (String) values[10],
                        (String) values[11],
                        (String) values[12]);
            } catch (IllegalArgumentException e) {
                throw LineProblem.invalid(e.getMessage());
            }
        }

        private static int indexOf(String name) {
            for (int i = 0; i < KEYS.length; i++) {
                if (KEYS[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
