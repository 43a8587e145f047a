package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.error.Problem;
import dev.cutover.policy.AllowedPrograms;
import dev.cutover.testing.RunDirFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Test helpers: compile the complete fixture, optionally after JSON-pointer edits, and inspect the result. */
final class Compiles {
    static final String CP = "cutover-checklist-control-plane.json";
    static final String DP = "cutover-checklist-data-plane.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Compiles() {}

    static Plan complete() {
        return compile(RunDirFixtures.source("complete"));
    }

    static Plan compile(Path dir) {
        return compile(dir, AllowedPrograms.upstreamDefault());
    }

    static Plan compile(Path dir, AllowedPrograms allowed) {
        return new StepCompiler(allowed).compile(TestInputs.load(dir));
    }

    /** A copy of the complete fixture in {@code dir} with the edits applied. */
    static Path edited(Path dir, Edit... edits) {
        RunDirFixtures.copy("complete", dir);
        for (Edit edit : edits) {
            RunDirFixtures.apply(dir, edit.toJson());
        }
        return dir;
    }

    static Plan compileEdited(Path dir, Edit... edits) {
        return compile(edited(dir, edits));
    }

    static CutoverException failure(Path dir, Edit... edits) {
        return failure(dir, AllowedPrograms.upstreamDefault(), edits);
    }

    /** As {@link #failure(Path, Edit...)}, compiled under {@code allowed} instead of the upstream default list. */
    static CutoverException failure(Path dir, AllowedPrograms allowed, Edit... edits) {
        Path run = edited(dir, edits);
        CutoverException e = catchThrowableOfType(CutoverException.class, () -> compile(run, allowed));
        assertThat(e).as("compile should fail").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.COMPILE_FAILED);
        return e;
    }

    static Problem problemAt(CutoverException e, String file, String pointer) {
        return e.problems().stream()
                .filter(p -> p.file().equals(file) && p.pointer().equals(pointer))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + file + " " + pointer + " in " + e.problems()));
    }

    static ExecutionStep step(Plan plan, String id) {
        return plan.step(id).orElseThrow(() -> new AssertionError("no step " + id));
    }

    /** An edit in the {@link RunDirFixtures} patch format; {@code valueJson} is JSON text. */
    record Edit(String file, String op, String path, String valueJson) {
        static Edit replace(String file, String path, String valueJson) {
            return new Edit(file, "replace", path, valueJson);
        }

        static Edit add(String file, String path, String valueJson) {
            return new Edit(file, "add", path, valueJson);
        }

        static Edit remove(String file, String path) {
            return new Edit(file, "remove", path, null);
        }

        JsonNode toJson() {
            ObjectNode node =
                    JSON.createObjectNode().put("file", file).put("op", op).put("path", path);
            if (valueJson != null) {
                try {
                    node.set("value", JSON.readTree(valueJson));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return node;
        }
    }
}
