package dev.cutover.rehearsal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.compile.StepsJson;
import dev.cutover.digest.Sha256;
import dev.cutover.journal.JournalContents;
import dev.cutover.journal.JournalReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code rehearsal-evidence.json} (docs/rehearsal.md): the claims, the bundle they are derived from — the
 * rehearsal's hash-chained journal and the compiled steps it ran, both byte for byte — and a seal, the SHA-256 of
 * the canonical form of everything else. Written in one fixed key order, 2-space indent, LF, trailing newline.
 */
public final class RehearsalEvidence {
    /** The evidence file a rehearsal writes into its run directory. */
    public static final String FILE = "rehearsal-evidence.json";
    /** Where else the production gate looks: every {@code *.json} in this folder of the run directory. */
    public static final String FOLDER = "rehearsals";
    /** Names this layout; a verifier refuses any other. */
    public static final String FORMAT = "cutover-rehearsal-evidence/1";

    static final String STEPS = "execution_steps_json";
    static final String JOURNAL = "execution_log_jsonl";
    static final ObjectMapper JSON = new ObjectMapper();

    private RehearsalEvidence() {}

    /** The evidence for a rehearsal's journal and steps file, exactly as they are on disk. */
    public static byte[] write(byte[] journal, byte[] steps) {
        JournalContents contents = new JournalReader().read(Path.of("execution-log.jsonl"), journal);
        ObjectNode claims = RehearsalClaims.derive(contents, StepsJson.read(steps));
        ObjectNode bundle = JSON.createObjectNode()
                .put(STEPS, new String(steps, StandardCharsets.UTF_8))
                .put(JOURNAL, new String(journal, StandardCharsets.UTF_8));
        ObjectNode evidence = unsealed(JSON.createObjectNode().put("format", FORMAT), claims, bundle);
        String digest = digest(evidence);
        evidence.putObject("seal").put("algorithm", "sha256").put("digest", digest);
        try {
            String text = JSON.writer(StepsJson.printer()).writeValueAsString(evidence);
            return (text + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /** {@code format}, {@code claims}, {@code bundle} in this order: what the seal covers. */
    static ObjectNode unsealed(JsonNode formatHolder, JsonNode claims, JsonNode bundle) {
        ObjectNode o = JSON.createObjectNode();
        o.set("format", formatHolder.get("format"));
        o.set("claims", claims);
        o.set("bundle", bundle);
        return o;
    }

    /** The SHA-256 of the compact serialisation of {@code unsealed} (keys in the order they are held). */
    static String digest(ObjectNode unsealed) {
        try {
            return Sha256.hex(JSON.writeValueAsBytes(unsealed));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}
