package dev.cutover.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.error.CutoverException;
import dev.cutover.input.RunDirectory;
import dev.cutover.testing.RunDirFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Run directories we have not seen: every key of every input of the complete fixture and of the upstream example
 * (when {@code ../shared} is present), removed or set to null
 * one at a time (every {@value #STRIDE}th key per file in CI; {@code -Dcutover.sweep.all=true} for all of them).
 * Compile must either succeed or refuse with exit 2 naming a problem — never crash, never exit 70.
 */
class MutatedInputsSweepTest {
    private static final int STRIDE = 7;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FILES = List.of(
            "cutover-checklist-control-plane.json",
            "cutover-checklist-data-plane.json",
            "data-migration-plan.json",
            "migration-plan.json",
            "dependency-graph.json",
            "hardcoded-values.json",
            "resource-ownership.json");

    @TempDir
    Path tmp;

    /** One edit of one file of a base run directory (our complete fixture, or the upstream example). */
    record Mutation(Path base, String file, String pointer, String kind) {
        @Override
        public String toString() {
            return kind + " " + base.getFileName() + "/" + file + " " + pointer;
        }
    }

    private static List<Path> bases() {
        List<Path> bases = new ArrayList<>(List.of(RunDirFixtures.source("complete")));
        RunDirFixtures.upstreamExample().ifPresent(bases::add);
        return bases;
    }

    static Stream<Mutation> mutations() throws IOException {
        boolean all = Boolean.getBoolean("cutover.sweep.all");
        List<Mutation> out = new ArrayList<>();
        for (Path base : bases()) {
            for (String file : FILES) {
                List<String> pointers = new ArrayList<>();
                collect(JSON.readTree(base.resolve(file).toFile()), "", pointers);
                for (int i = 0; i < pointers.size(); i++) {
                    if (all || i % STRIDE == 0) {
                        out.add(new Mutation(base, file, pointers.get(i), "remove"));
                        out.add(new Mutation(base, file, pointers.get(i), "null"));
                    }
                }
            }
        }
        return out.stream();
    }

    private static void collect(JsonNode node, String at, List<String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = at + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                out.add(p);
                collect(e.getValue(), p, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at + "/" + i, out);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void compileSucceedsOrRefusesWithExit2NeverCrashes(Mutation m) throws IOException {
        Path dir = copyInputs(m.base(), tmp.resolve("run"));
        Path file = dir.resolve(m.file());
        JsonNode root = JSON.readTree(file.toFile());
        apply(root, m);
        Files.writeString(file, JSON.writeValueAsString(root));

        Optional<CutoverException> refusal = Optional.empty();
        try {
            new CompileService().compileInMemory(new RunDirectory(dir), Optional.empty());
        } catch (CutoverException e) {
            refusal = Optional.of(e);
        }

        refusal.ifPresent(e -> {
            assertThat(e.exitCode()).as(e.code() + ": " + e.getMessage()).isEqualTo(2);
            assertThat(e.problems().isEmpty() && e.getMessage().isBlank()).isFalse();
        });
    }

    private static Path copyInputs(Path base, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(base)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    private static void apply(JsonNode root, Mutation m) {
        int cut = m.pointer().lastIndexOf('/');
        JsonNode parent = root.at(m.pointer().substring(0, cut));
        String last = m.pointer().substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode o) {
            if ("remove".equals(m.kind())) {
                o.remove(last);
            } else {
                o.putNull(last);
            }
        } else if (parent instanceof ArrayNode a) {
            int i = Integer.parseInt(last);
            if ("remove".equals(m.kind())) {
                a.remove(i);
            } else {
                a.set(i, com.fasterxml.jackson.databind.node.NullNode.getInstance());
            }
        }
    }
}
