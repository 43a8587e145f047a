package dev.cutover.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.app.CompileService;
import dev.cutover.app.CompiledPlan;
import dev.cutover.app.DemoRunDirectory;
import dev.cutover.app.ReviewService;
import dev.cutover.input.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The sandbox demo (which passes every check) written into a temp folder, edited through Jackson into the plan
 * a test needs, then loaded and compiled exactly as {@code cutover review} does.
 */
public final class ReviewFixture {
    public static final String CP = "cutover-checklist-control-plane.json";
    public static final String DP = "cutover-checklist-data-plane.json";
    public static final String DATA_PLAN = "data-migration-plan.json";
    public static final String CONFIG = "cutover.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    private ReviewFixture(Path dir) {
        this.dir = dir;
    }

    /** The demo written into {@code tmp/run}. */
    public static ReviewFixture demo(Path tmp) {
        Path dir = tmp.resolve("run");
        new DemoRunDirectory(Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC)).write(dir);
        return new ReviewFixture(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Rewrites one JSON input through {@code edit}. */
    public ReviewFixture json(String file, Consumer<ObjectNode> edit) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(dir.resolve(file).toFile());
            edit.accept(root);
            Files.writeString(
                    dir.resolve(file), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites checklist item {@code id} of either checklist. */
    public ReviewFixture item(String id, Consumer<ObjectNode> edit) {
        return json(id.startsWith("cp-") ? CP : DP, root -> edit.accept(item(root, id)));
    }

    /** Rewrites the data-migration plan's first datastore (the demo's only one). */
    public ReviewFixture datastore(Consumer<ObjectNode> edit) {
        return json(
                DATA_PLAN,
                root -> edit.accept((ObjectNode) root.path("datastores").get(0)));
    }

    /** Replaces every line of {@code cutover.yaml} starting with {@code key:} (and its indented block). */
    public ReviewFixture yaml(String key, String replacement) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(CONFIG));
            StringBuilder out = new StringBuilder();
            boolean skipping = false;
            for (String line : lines) {
                if (line.startsWith(key + ":")) {
                    skipping = true;
                    out.append(replacement.isEmpty() ? "" : replacement + "\n");
                    continue;
                }
                if (skipping && (line.startsWith(" ") || line.startsWith("-"))) {
                    continue;
                }
                skipping = false;
                out.append(line).append('\n');
            }
            Files.writeString(dir.resolve(CONFIG), out.toString());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The inputs compiled in memory, as the review sees them. */
    public ReviewContext context() {
        CompiledPlan compiled = new CompileService().compileInMemory(new RunDirectory(dir), Optional.empty());
        RunDirectory run = new RunDirectory(dir);
        return ReviewContext.of(
                compiled.inputs(), compiled.config(), compiled.plan(), ReviewService.rehearsalOf(run, compiled));
    }

    /** What one check finds in this plan. */
    public List<Finding> findings(ReviewCheck check) {
        return check.findings(context());
    }

    private static ObjectNode item(JsonNode checklist, String id) {
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
}
