package dev.cutover.rehearsal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Reads an evidence file as exactly one JSON value (docs/rehearsal.md, check 1): a key repeated in any object, or
 * anything but white space after the value, is refused. A lenient parser keeps the last of two {@code claims} and
 * ignores what follows the closing brace, so a file could carry text that reads as evidence but is never verified.
 * A byte-order mark, CRLF line ends and any indentation stay accepted: they change no value.
 */
final class EvidenceJson {
    private static final String DUPLICATE_KEY = "Duplicate field '";

    // Trailing content is checked by hand (not FAIL_ON_TRAILING_TOKENS) so that text which is not even a JSON
    // token ("garbage") is reported as what it is, content after the evidence, rather than as a syntax error.
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private EvidenceJson() {}

    /** Why the bytes are not one JSON value with unique keys; the message is one line for the operator. */
    static final class NotStrict extends Exception {
        private static final long serialVersionUID = 1L;

        NotStrict(String message) {
            super(message);
        }
    }

    /** The tree of {@code bytes}, or null when they hold no value at all. */
    static JsonNode read(byte[] bytes) throws NotStrict {
        try (JsonParser parser = STRICT.createParser(bytes)) {
            JsonNode root = STRICT.readTree(parser);
            if (root == null || root.isMissingNode()) {
                return null;
            }
            requireNothingAfter(parser);
            return root;
        } catch (JsonProcessingException e) {
            throw new NotStrict(problem(e));
        } catch (IOException e) {
            throw new NotStrict("not JSON: " + firstLine(e.getMessage()));
        }
    }

    private static void requireNothingAfter(JsonParser parser) throws NotStrict {
        JsonLocation at;
        try {
            if (parser.nextToken() == null) {
                return;
            }
            at = parser.currentTokenLocation();
        } catch (IOException e) {
            at = e instanceof JsonProcessingException j ? j.getLocation() : null;
        }
        throw new NotStrict("content after the closing brace of the evidence" + where(at)
                + ": the file holds one JSON object and nothing else (a second object or any other text"
                + " would never be verified)");
    }

    private static String problem(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        int keyEnd = message.indexOf('\'', DUPLICATE_KEY.length());
        if (message.startsWith(DUPLICATE_KEY) && keyEnd > 0) {
            return "the key \"" + message.substring(DUPLICATE_KEY.length(), keyEnd) + "\" appears twice in one object"
                    + where(e.getLocation())
                    + ": evidence holds each key once (with two, a reader could be shown either value)";
        }
        return "not JSON" + where(e.getLocation()) + ": " + firstLine(message);
    }

    private static String where(JsonLocation at) {
        return at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static String firstLine(String message) {
        return String.valueOf(message).lines().findFirst().orElse("");
    }
}
