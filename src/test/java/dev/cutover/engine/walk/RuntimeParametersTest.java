package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.approval.Question;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runtime parameters (FORMATS.md §4.3, §6.2): asked after step-started and before preview and approval, recorded
 * in the approval-requested notes, substituted single-quoted; a secret file must be an existing regular file
 * outside the run directory, and its contents never reach any file the run writes.
 */
class RuntimeParametersTest {
    private static final String STEP = "dp-phase3-020-stage-secret";

    @TempDir
    Path tmp;

    private final String marker = "S3CR3T-" + UUID.randomUUID();

    private Scenario withParameterStep() {
        return Scenario.demo(tmp)
                .addItem(
                        Scenario.DP,
                        3,
                        "during_cutover",
                        STEP,
                        item -> item.put("description", "Stage the operator's secret and label the target config.")
                                .put("owner_team", "platform")
                                .put("operation_type", "lambda-code-upload")
                                .put("tool", "shell")
                                .put("command", "test -s {secret-file} && touch service/target/config/{label}")
                                .put("long_running", false)
                                .put("verification_command", "test -e service/target/config/{label}")
                                .put("irreversible", false));
    }

    private RunOutcome runWithSecret(String... secretValues) throws IOException {
        Scenario scenario = withParameterStep();
        Files.writeString(tmp.resolve("secret.txt"), marker + "\n");
        Files.writeString(scenario.dir().resolve("secret-inside.txt"), "not a secret\n");
        return scenario.run(
                new ScriptedApprover().param("secret-file", secretValues).param("label", "blue; rm", "blue"));
    }

    @Test
    void parametersAreAskedBeforeApprovalRecordedAndSubstitutedSingleQuoted() throws Exception {
        String secret = tmp.resolve("secret.txt").toString();
        RunOutcome run = runWithSecret(secret);

        List<Question> asked = run.approver().asked().stream()
                .filter(q -> q.stepId().equals(STEP))
                .toList();
        assertThat(asked).extracting(Question::wireName).containsExactly("param:secret-file", "param:label", "approve");
        JsonNode notes = new ObjectMapper()
                .readTree(run.entries(STEP, "approval-requested")
                        .get(0)
                        .path("notes")
                        .asText());
        assertThat(notes.path("secret-file").asText()).isEqualTo(secret);
        assertThat(notes.path("label").asText()).isEqualTo("blue");
        String expected = "test -s '" + secret + "' && touch service/target/config/'blue'";
        assertThat(run.entries(STEP, "executed").get(0).path("cmd").asText()).isEqualTo(expected);
        assertThat(run.file("service/target/config/blue")).exists();
        assertThat(run.events(STEP))
                .startsWith("step-started", "approval-requested")
                .endsWith("step-succeeded");
        assertThat(run.approver().rejectedValues()).containsExactly("label=blue; rm");
        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
    }

    @Test
    void aParameterOnlyTheVerifyNeedsIsAlsoAskedBeforeApprovalAndRecorded() throws Exception {
        String step = "dp-phase3-030-check-folder";
        RunOutcome run = Scenario.demo(tmp)
                .addItem(
                        Scenario.DP,
                        3,
                        "during_cutover",
                        step,
                        item -> item.put("description", "Check a folder.")
                                .put("operation_type", "lambda-code-upload")
                                .put("tool", "shell")
                                .put("command", "touch service/target/config/checked")
                                .put("verification_command", "test -d service/target/{folder}"))
                .run(new ScriptedApprover().param("folder", "config"));

        List<String> asked = run.approver().asked().stream()
                .filter(q -> q.stepId().equals(step))
                .map(Question::wireName)
                .toList();
        assertThat(asked).containsExactly("param:folder", "approve");
        assertThat(run.entries(step, "approval-requested").get(0).path("notes").asText())
                .isEqualTo("{\"folder\":\"config\"}");
        assertThat(run.entries(step, "verify-passed").get(0).path("cmd").asText())
                .isEqualTo("test -d service/target/'config'");
    }

    @Test
    void aSecretFileMustBeAnExistingRegularFileOutsideTheRunDirectory() throws Exception {
        Path inside = tmp.resolve("run/secret-inside.txt");
        String good = tmp.resolve("secret.txt").toString();
        RunOutcome run = runWithSecret(
                inside.toString(),
                "secret.txt",
                tmp.toString(),
                tmp.resolve("nope").toString(),
                good);

        assertThat(run.approver().rejectedValues())
                .containsExactly(
                        "secret-file=" + inside,
                        "secret-file=secret.txt",
                        "secret-file=" + tmp,
                        "secret-file=" + tmp.resolve("nope"),
                        "label=blue; rm");
        assertThat(run.entries(STEP, "executed").get(0).path("cmd").asText()).contains("'" + good + "'");
    }

    @Test
    void aSecretFileReachedThroughASymlinkIntoTheRunDirectoryIsRefused() throws Exception {
        Path alias = Files.createSymbolicLink(tmp.resolve("alias"), tmp.resolve("run"));
        Path throughLink = alias.resolve("secret-inside.txt");
        String good = tmp.resolve("secret.txt").toString();
        RunOutcome run = runWithSecret(throughLink.toString(), good);

        assertThat(run.approver().rejectedValues()).contains("secret-file=" + throughLink);
        assertThat(run.entries(STEP, "executed").get(0).path("cmd").asText()).contains("'" + good + "'");
    }

    @Test
    void theSecretFilesContentsNeverAppearInAnyFileUnderTheRunDirectory() throws Exception {
        RunOutcome run = runWithSecret(tmp.resolve("secret.txt").toString());

        assertThat(run.verdict()).isEqualTo("completed");
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(run.dir())) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            assertThat(regular)
                    .extracting(p -> run.dir().relativize(p).toString())
                    .contains(
                            "execution-log.jsonl",
                            "execution-summary.json",
                            "execution-report.md",
                            "execution-steps.json",
                            "execution/" + STEP + ".stdout.log");
            for (Path f : regular) {
                assertThat(indexOf(Files.readAllBytes(f), needle))
                        .as(f.toString())
                        .isEqualTo(-1);
            }
        }
        assertThat(run.output()).doesNotContain(marker);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
