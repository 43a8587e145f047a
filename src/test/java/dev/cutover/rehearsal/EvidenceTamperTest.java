package dev.cutover.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.testing.Rehearsals;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rehearsal evidence cannot be forged by editing it (issue 5): every claim is re-derived from the embedded journal
 * and steps, the journal is hash-chained and bound to the steps, and a seal covers the rest. Each edit below is
 * noticed, and the first failed check is named.
 */
class EvidenceTamperTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COPY = "dp-phase2-010-copy-data";
    private static final String ROLLBACK_OF_COPY = "\"step_id\":\"" + COPY + "\"";

    @TempDir
    Path tmp;

    private final EvidenceVerifier verifier = new EvidenceVerifier();

    private ObjectNode rehearsed(ScriptedApprover approver) throws Exception {
        Scenario s = Scenario.demo(tmp)
                .config("environment: staging\nallowed_programs: [bash, cat, cmp, cp, diff,"
                        + " grep, ln, mkdir, readlink, rm, sha256sum, test, touch, true]\npoll_interval_seconds: 10\n");
        Path evidence = Rehearsals.rehearse(s, approver).evidence();
        return (ObjectNode) JSON.readTree(Files.readAllBytes(evidence));
    }

    private EvidenceVerifier.Result verify(ObjectNode evidence) throws Exception {
        return verifier.verify(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(evidence));
    }

    @Test
    void evidenceAsWrittenVerifiesAndProvesASuccessfulRehearsal() throws Exception {
        EvidenceVerifier.Result r = verify(rehearsed(new ScriptedApprover()));

        assertThat(r.valid()).as(r.message()).isTrue();
        assertThat(r.succeeded()).isTrue();
        assertThat(r.planIdentity()).matches("[0-9a-f]{64}");
    }

    @Test
    void turningAFailedRehearsalIntoASuccessfulOneIsNoticed() throws Exception {
        ObjectNode evidence = rehearsed(new ScriptedApprover().answer(PromptKind.ROLLBACK, COPY, Choice.SKIP));
        assertThat(verify(evidence).succeeded()).isFalse();
        ObjectNode claims = (ObjectNode) evidence.path("claims");
        claims.put("outcome", "succeeded");
        claims.putArray("reasons");

        EvidenceVerifier.Result r = verify(evidence);

        assertThat(r.check()).isEqualTo("claims");
        assertThat(r.message()).isEqualTo("claims.outcome: the file says \"succeeded\", the bundle gives \"failed\"");
    }

    @Test
    void anEditedTimingIsNoticed() throws Exception {
        ObjectNode evidence = rehearsed(new ScriptedApprover());
        ObjectNode copy = step(evidence, COPY);
        copy.put("rollback_ms", copy.path("rollback_ms").asLong() + 1000);

        EvidenceVerifier.Result r = verify(evidence);

        assertThat(r.check()).isEqualTo("claims");
        assertThat(r.message()).startsWith("claims.steps[6].rollback_ms: the file says ");
    }

    @Test
    void anEditedPlanIdentityIsNoticed() throws Exception {
        ObjectNode evidence = rehearsed(new ScriptedApprover());
        ((ObjectNode) evidence.path("claims")).put("plan_identity", "0".repeat(64));

        EvidenceVerifier.Result r = verify(evidence);

        assertThat(r.check()).isEqualTo("claims");
        assertThat(r.message()).startsWith("claims.plan_identity: the file says \"000");
    }

    @Test
    void aDroppedRollbackClaimIsNoticed() throws Exception {
        ObjectNode evidence = rehearsed(new ScriptedApprover());
        ((ArrayNode) evidence.path("claims").path("steps")).remove(6);

        EvidenceVerifier.Result r = verify(evidence);

        assertThat(r.check()).isEqualTo("claims");
        assertThat(r.message()).startsWith("claims.steps[6].step_id: the file says");
    }

    @Test
    void aDroppedRollbackEntryBreaksTheJournalsHashChain() throws Exception {
        ObjectNode evidence = rehearsed(new ScriptedApprover());
        editJournal(
                evidence,
                lines -> lines.removeIf(
                        l -> l.contains(ROLLBACK_OF_COPY) && l.contains("\"event\":\"rollback-executed\"")));

        EvidenceVerifier.Result r = verify(evidence);

        assertThat(r.check()).isEqualTo("journal");
        assertThat(r.message()).contains("line");
    }

    @Test
    void aJournalRewrittenWithAConsistentChainStillCannotClaimTheRollbackRan() throws Exception {
        ObjectNode evidence = rehearsed(new ScriptedApprover());
        editJournal(evidence, lines -> {
            lines.removeIf(l -> l.contains(ROLLBACK_OF_COPY) && l.contains("\"event\":\"rollback-executed\""));
            rechain(lines);
        });

        EvidenceVerifier.Result r = verify(evidence);

        assertThat(r.check()).isEqualTo("claims");
        assertThat(r.message()).contains("the bundle gives");
    }

    @Test
    void stepsSwappedForAnotherPlansAreNoticedBecauseTheJournalDidNotRunThem() throws Exception {
        ObjectNode evidence = rehearsed(new ScriptedApprover());
        ObjectNode bundle = (ObjectNode) evidence.path("bundle");
        String steps = bundle.path("execution_steps_json").asText();
        bundle.put(
                "execution_steps_json",
                steps.replace(
                        "\"execute_cmd\": \"mkdir -p service/target/demo-data service/target/config\"",
                        "\"execute_cmd\": \"mkdir -p service/target/demo-data\""));

        EvidenceVerifier.Result r = verify(evidence);

        assertThat(r.check()).isEqualTo("binding");
        assertThat(r.message()).contains("approved `mkdir -p service/target/demo-data service/target/config`");
    }

    @Test
    void anythingElseEditedBreaksTheSealOrTheLayout() throws Exception {
        ObjectNode evidence = rehearsed(new ScriptedApprover());
        ((ObjectNode) evidence.path("seal")).put("digest", "f".repeat(64));
        assertThat(verify(evidence).check()).isEqualTo("seal");

        ((ObjectNode) evidence.path("seal")).put("algorithm", "none");
        assertThat(verify(evidence).check()).isEqualTo("seal");

        evidence.put("note", "approved by the CTO");
        assertThat(verify(evidence).check()).isEqualTo("layout");
    }

    private static ObjectNode step(ObjectNode evidence, String id) {
        for (JsonNode s : evidence.path("claims").path("steps")) {
            if (s.path("step_id").asText().equals(id)) {
                return (ObjectNode) s;
            }
        }
        throw new AssertionError("no step " + id);
    }

    private static void editJournal(ObjectNode evidence, Consumer<List<String>> edit) {
        ObjectNode bundle = (ObjectNode) evidence.path("bundle");
        List<String> lines = new ArrayList<>(
                List.of(bundle.path("execution_log_jsonl").asText().split("\n")));
        edit.accept(lines);
        bundle.put("execution_log_jsonl", String.join("\n", lines) + "\n");
    }

    /** What a forger would do: renumber the entries and recompute every prev_sha256, so the chain is intact. */
    private static void rechain(List<String> lines) {
        try {
            for (int i = 1; i < lines.size(); i++) {
                ObjectNode entry = (ObjectNode) JSON.readTree(lines.get(i));
                entry.put("entry_id", "e" + i);
                byte[] previous = lines.get(i - 1).getBytes(StandardCharsets.UTF_8);
                entry.put(
                        "prev_sha256",
                        HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(previous)));
                lines.set(i, JSON.writeValueAsString(entry));
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
