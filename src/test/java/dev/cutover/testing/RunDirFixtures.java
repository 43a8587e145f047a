package dev.cutover.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Materialises the run-directory fixtures under {@code src/test/resources/rundirs/} into temp folders.
 *
 * <p>A valid fixture is a complete run directory (e.g. {@code rundirs/complete/}). An invalid fixture is a
 * folder {@code rundirs/invalid/<case>/} holding one {@code case.json}:
 *
 * <pre>{@code
 * { "base": "complete",
 *   "description": "why this input must be refused",
 *   "edits": [ {"file": "migration-plan.json", "op": "replace", "path": "/phases/0/number", "value": 7},
 *              {"file": "dependency-graph.json", "op": "raw", "value": "{ not json"},
 *              {"file": "resource-ownership.json", "op": "delete-file"} ],
 *   "expect": {"exit": 2, "file": "migration-plan.json", "pointer": "/phases/0/number", "contains": "..."} }
 * }</pre>
 *
 * Ops: {@code replace}, {@code add} (appends to an array when the last pointer segment is {@code -}),
 * {@code remove} on JSON pointers; {@code raw} replaces the whole file text; {@code delete-file}.
 */
public final class RunDirFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunDirFixtures() {}

    /** The source folder of a fixture on the test class path, e.g. {@code complete}. */
    public static Path source(String name) {
        URL url = RunDirFixtures.class.getResource("/rundirs/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture rundirs/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies fixture {@code name} into {@code target} (created) and returns {@code target}. */
    public static Path copy(String name, Path target) {
        copyTree(source(name), target);
        return target;
    }

    /** The invalid cases, by folder name, sorted. */
    public static List<String> invalidCases() {
        try (Stream<Path> s = Files.list(source("invalid"))) {
            return s.filter(p -> Files.isRegularFile(p.resolve("case.json")))
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an invalid case's {@code case.json}. */
    public static JsonNode invalidCase(String name) {
        try {
            return JSON.readTree(source("invalid/" + name).resolve("case.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds invalid case {@code name} into {@code target}: its base, then its edits. */
    public static Path materialiseInvalid(String name, Path target) {
        JsonNode spec = invalidCase(name);
        copy(spec.path("base").asText("complete"), target);
        for (JsonNode edit : spec.path("edits")) {
            apply(target, edit);
        }
        return target;
    }

    /** Applies one edit (see class comment) to a run directory. */
    public static void apply(Path runDir, JsonNode edit) {
        Path file = runDir.resolve(edit.path("file").asText());
        String op = edit.path("op").asText();
        try {
            switch (op) {
                case "raw" -> Files.writeString(file, edit.path("value").asText(), StandardCharsets.UTF_8);
                case "delete-file" -> Files.delete(file);
                case "replace", "add", "remove" -> {
                    JsonNode root = JSON.readTree(file.toFile());
                    patch(root, op, edit.path("path").asText(), edit.get("value"));
                    Files.writeString(
                            file,
                            JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
                            StandardCharsets.UTF_8);
                }
                default -> throw new IllegalArgumentException("unknown edit op " + op);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void patch(JsonNode root, String op, String pointer, JsonNode value) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode obj) {
            switch (op) {
                case "remove" -> obj.remove(last);
                default -> obj.set(last, value);
            }
        } else if (parent instanceof ArrayNode arr) {
            if ("-".equals(last)) {
                arr.add(value);
                return;
            }
            int i = Integer.parseInt(last);
            switch (op) {
                case "remove" -> arr.remove(i);
                case "add" -> arr.insert(i, value);
                default -> arr.set(i, value);
            }
        } else {
            throw new IllegalArgumentException("pointer parent is not a container: " + pointer);
        }
    }

    /** A byte-level snapshot of every file under {@code dir}: used to prove a command wrote nothing. */
    public static List<String> snapshot(Path dir) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted().toList()) {
                String rel = dir.relativize(p).toString();
                out.add(
                        Files.isDirectory(p)
                                ? rel + "/"
                                : rel + " " + java.util.HexFormat.of().formatHex(sha256(Files.readAllBytes(p))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The upstream planner's example run in {@code ../shared}, when this checkout has it. */
    public static java.util.Optional<Path> upstreamExample() {
        String shared = System.getProperty("cutover.shared.dir", "../shared");
        Path p = Path.of(shared, "fixtures", "aws-migration-architect-example-run");
        return Files.isDirectory(p) ? java.util.Optional.of(p) : java.util.Optional.empty();
    }
}
