package dev.cutover.input;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.testing.RunDirFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Valid run directories for input tests, copied into temp folders, plus one-line edits on them. */
final class TestRunDirs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestRunDirs() {}

    /** Whether the project's complete fixture (all nine inputs) is on the test class path. */
    static boolean completeFixturePresent() {
        URL url = TestRunDirs.class.getResource("/rundirs/complete/" + RunDirectory.RESOURCE_OWNERSHIP);
        URL markdown = TestRunDirs.class.getResource("/rundirs/complete/" + Plane.DP.markdownFile());
        return url != null && markdown != null;
    }

    /** Copies the complete fixture into {@code target}; skips the test while that fixture is still incomplete. */
    static Path complete(Path target) {
        assumeTrue(completeFixturePresent(), "rundirs/complete/ is not complete yet");
        return RunDirFixtures.copy("complete", target);
    }

    /** Copies the upstream planner's example run into {@code target}; skips the test when it is absent. */
    static Path upstream(Path target) {
        Path source = RunDirFixtures.upstreamExample().orElse(null);
        assumeTrue(source != null, "the upstream example run is not in ../shared");
        try (Stream<Path> files = Files.list(source)) {
            Files.createDirectories(target);
            for (Path file : files.toList()) {
                Path copy = target.resolve(file.getFileName().toString());
                Files.writeString(copy, Files.readString(file, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    static void replace(Path dir, String file, String pointer, Object value) {
        edit(dir, file, "replace", pointer, JSON.valueToTree(value));
    }

    static void remove(Path dir, String file, String pointer) {
        edit(dir, file, "remove", pointer, null);
    }

    static void raw(Path dir, String file, String text) {
        ObjectNode edit =
                JSON.createObjectNode().put("file", file).put("op", "raw").put("value", text);
        RunDirFixtures.apply(dir, edit);
    }

    static void deleteFile(Path dir, String file) {
        ObjectNode edit = JSON.createObjectNode().put("file", file).put("op", "delete-file");
        RunDirFixtures.apply(dir, edit);
    }

    static void write(Path dir, String file, byte[] bytes) {
        try {
            Files.write(dir.resolve(file), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void edit(Path dir, String file, String op, String pointer, JsonNode value) {
        ObjectNode edit =
                JSON.createObjectNode().put("file", file).put("op", op).put("path", pointer);
        if (value != null) {
            edit.set("value", value);
        }
        RunDirFixtures.apply(dir, edit);
    }
}
