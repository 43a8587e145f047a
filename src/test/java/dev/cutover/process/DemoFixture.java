package dev.cutover.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.app.DemoRunDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The demo's sandbox run directory (what {@code cutover demo} writes), written without running it, so a test
 * can change one thing and hand it to {@code cutover execute}.
 */
final class DemoFixture {
    static final String DP_JSON = "cutover-checklist-data-plane.json";
    static final String DP_MD = "cutover-checklist-data-plane.md";
    static final String COPY_STEP = "dp-phase2-010-copy-data";
    static final String APPROVE_ALL =
            "go-no-go * proceed\napprove * approve\nirreversible * approve\nhandoff * approve\ngate * approve\n";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoFixture() {}

    static Path write(Path dir) {
        return new DemoRunDirectory(Clock.systemUTC()).write(dir);
    }

    static Path answers(Path dir, String rules) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(Files.createTempFile(dir, "answers-", ".txt"), rules, StandardCharsets.UTF_8);
    }

    /** Rewrites one JSON input through {@code edit}. */
    static void editJson(Path runDir, String file, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(runDir.resolve(file).toFile());
        edit.accept(root);
        Files.writeString(
                runDir.resolve(file), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    /** The data-plane during item {@code id}. */
    static ObjectNode dpItem(ObjectNode checklist, String id) {
        for (JsonNode phase : checklist.path("phases")) {
            for (String section : List.of("pre_cutover", "during_cutover", "post_cutover")) {
                for (JsonNode item : phase.path(section)) {
                    if (id.equals(item.path("id").asText())) {
                        return (ObjectNode) item;
                    }
                }
            }
        }
        throw new IllegalArgumentException("no item " + id);
    }

    /** Sets {@code cutover.yaml}'s allowed_programs to the demo's list plus {@code extra}. */
    static void allowAlso(Path runDir, String... extra) throws IOException {
        Path yaml = runDir.resolve("cutover.yaml");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(yaml)) {
            if (line.startsWith("allowed_programs: [")) {
                line = line.replace("]", ", " + String.join(", ", extra) + "]");
            }
            lines.add(line);
        }
        Files.write(yaml, lines);
    }

    /** The copy job never finishes: its poll reports RUNNING until the process is killed. */
    static void copyJobNeverFinishes(Path runDir) throws IOException {
        editJson(
                runDir,
                DP_JSON,
                root -> dpItem(root, COPY_STEP).put("command", "bash -c 'echo RUNNING > service/copy-job.state'"));
    }
}
