package dev.cutover.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.compile.PlanIdentity;
import dev.cutover.testing.Rehearsals;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence holds exactly format, claims, bundle and seal (docs/rehearsal.md, check 1): a repeated key — a forged
 * {@code claims} placed before the real one — or anything after the closing brace is refused by
 * {@code verify-evidence} and by the production gate, naming what is wrong; a byte-order mark, CRLF and compact
 * JSON change no value and stay accepted.
 */
class EvidenceStrictJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORGED_FIRST = "\"claims\": {\"outcome\": \"failed\", \"note\": \"anything at all\"},\n"
            + "  \"bundle\": {\"execution_steps_json\": \"[]\", \"execution_log_jsonl\": \"forged\"},\n"
            + "  \"format\":";

    @TempDir
    static Path tmp;

    private static String evidence;

    private final EvidenceVerifier verifier = new EvidenceVerifier();

    @BeforeAll
    static void rehearse() throws Exception {
        Scenario s = Scenario.demo(tmp.resolve("staging"))
                .config("environment: staging\nallowed_programs: [bash, cat, cmp, cp, diff,"
                        + " grep, ln, mkdir, readlink, rm, sha256sum, test, touch, true]\npoll_interval_seconds: 10\n");
        evidence =
                Files.readString(Rehearsals.rehearse(s, new ScriptedApprover()).evidence());
    }

    private EvidenceVerifier.Result verify(String text) {
        return verifier.verify(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void evidenceWithAForgedClaimsKeyBeforeTheRealOneIsRefused() {
        EvidenceVerifier.Result r = verify(evidence.replaceFirst("\"format\":", FORGED_FIRST));

        assertThat(r.valid()).isFalse();
        assertThat(r.check()).isEqualTo("layout");
        assertThat(r.message()).startsWith("the key \"claims\" appears twice in one object (line 5, column ");
    }

    @Test
    void aRepeatedKeyInsideTheClaimsIsRefused() {
        EvidenceVerifier.Result r =
                verify(evidence.replaceFirst("\"outcome\":", "\"outcome\": \"failed\", \"outcome\":"));

        assertThat(r.check()).isEqualTo("layout");
        assertThat(r.message()).startsWith("the key \"outcome\" appears twice in one object");
    }

    @Test
    void textAfterTheClosingBraceIsRefused() {
        EvidenceVerifier.Result r = verify(evidence + "garbage {\"outcome\":\"failed\"}\n");

        assertThat(r.check()).isEqualTo("layout");
        assertThat(r.message())
                .startsWith("content after the closing brace of the evidence (line ")
                .contains("the file holds one JSON object and nothing else");
    }

    @Test
    void aSecondEvidenceObjectAfterTheFirstIsRefused() {
        EvidenceVerifier.Result r = verify(evidence + evidence);

        assertThat(r.check()).isEqualTo("layout");
        assertThat(r.message()).startsWith("content after the closing brace of the evidence");
    }

    @Test
    void aByteOrderMarkCrlfLineEndsAndCompactJsonStillVerify() throws Exception {
        assertThat(verify("\uFEFF" + evidence).valid()).isTrue();
        assertThat(verify(evidence.replace("\n", "\r\n")).valid()).isTrue();
        String compact = JSON.writeValueAsString(JSON.readTree(evidence));
        assertThat(verify(compact).valid()).as(verify(compact).message()).isTrue();
        assertThat(verify(evidence + "\n \t\n").valid()).isTrue();
    }

    @Test
    void theProductionGateRefusesEvidenceWithARepeatedKeyNamingTheFile() throws Exception {
        Path production = Files.createDirectories(tmp.resolve("production-repeated-key"));
        Files.writeString(
                production.resolve(RehearsalEvidence.FILE), evidence.replaceFirst("\"format\":", FORGED_FIRST));
        PlanIdentity plan = new PlanIdentity(verify(evidence).planIdentity());

        RehearsalGate.Decision d = new RehearsalGate().check(production, plan);

        assertThat(d.passed()).isFalse();
        assertThat(d.message())
                .startsWith("rehearsal-evidence.json: evidence invalid (layout check failed: the key \"claims\""
                        + " appears twice in one object");
    }

    @Test
    void theProductionGateRefusesEvidenceFollowedByAnythingNamingTheFile() throws Exception {
        Path production = Files.createDirectories(tmp.resolve("production-trailing"));
        Files.writeString(production.resolve(RehearsalEvidence.FILE), evidence + "garbage\n");
        PlanIdentity plan = new PlanIdentity(verify(evidence).planIdentity());

        RehearsalGate.Decision d = new RehearsalGate().check(production, plan);

        assertThat(d.passed()).isFalse();
        assertThat(d.message())
                .startsWith("rehearsal-evidence.json: evidence invalid (layout check failed: content after the"
                        + " closing brace of the evidence");
    }
}
