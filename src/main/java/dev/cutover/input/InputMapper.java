package dev.cutover.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.error.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps schema-valid JSON documents onto the input records, field by field. The schema has already vouched for
 * the shape, so a failure here is rare (an integer too large for its field) and becomes a {@link Problem}, never
 * a crash.
 *
 * <p>Written out by hand rather than by Jackson's data binding: binding builds a deserializer per record by
 * reflection on first use, about 60 ms of every cold start, for records whose fields never change at run time.
 * Every JSON name a record reads appears once, here. {@code InputMapperTest} holds the mapping to what data
 * binding produced on the fixtures, {@code InputMapperPropertiesTest} on random edits at the edges of what the
 * schemas accept.
 */
final class InputMapper {
    /** Either the mapped inputs or the problems that prevented mapping them. */
    record Mapped(Inputs inputs, List<Problem> problems) {
        Mapped {
            problems = List.copyOf(problems);
        }
    }

    Mapped map(RunDirectory dir, Map<InputFile, JsonNode> documents, Map<InputFile, String> markdown) {
        List<Problem> problems = new ArrayList<>();
        Checklist controlPlane = checklist(Plane.CP, InputFile.CONTROL_PLANE_CHECKLIST, documents, problems);
        Checklist dataPlane = checklist(Plane.DP, InputFile.DATA_PLANE_CHECKLIST, documents, problems);
        DataMigrationPlan dataPlan =
                whole(InputFile.DATA_MIGRATION_PLAN, documents, InputMapper::dataMigrationPlan, problems);
        MigrationPlan plan = whole(InputFile.MIGRATION_PLAN, documents, InputMapper::migrationPlan, problems);
        DependencyGraph graph = whole(InputFile.DEPENDENCY_GRAPH, documents, InputMapper::dependencyGraph, problems);
        HardcodedValues hardcoded =
                whole(InputFile.HARDCODED_VALUES, documents, InputMapper::hardcodedValues, problems);
        ResourceOwnership ownership =
                whole(InputFile.RESOURCE_OWNERSHIP, documents, InputMapper::resourceOwnership, problems);
        if (!problems.isEmpty()) {
            return new Mapped(null, problems);
        }
        Inputs inputs = new Inputs(
                dir,
                controlPlane,
                dataPlane,
                markdown.get(InputFile.CONTROL_PLANE_MARKDOWN),
                markdown.get(InputFile.DATA_PLANE_MARKDOWN),
                dataPlan,
                plan,
                graph,
                hardcoded,
                ownership,
                capturedAt(documents));
        return new Mapped(inputs, List.of());
    }

    /** Every JSON input's {@code metadata.captured_at}, in the inputs' order (each schema requires one). */
    private static List<CapturedAtText> capturedAt(Map<InputFile, JsonNode> documents) {
        List<CapturedAtText> captured = new ArrayList<>();
        for (InputFile file : InputFile.values()) {
            CapturedAtText.of(file.fileName(), documents.get(file)).ifPresent(captured::add);
        }
        return captured;
    }

    private static <T> T whole(
            InputFile file, Map<InputFile, JsonNode> documents, Function<FieldReader, T> read, List<Problem> problems) {
        return FieldReader.read(file.fileName(), documents.get(file), "", read, problems);
    }

    // ---- the two checklists

    private static Checklist checklist(
            Plane plane, InputFile file, Map<InputFile, JsonNode> documents, List<Problem> problems) {
        JsonNode document = documents.get(file);
        String name = file.fileName();
        ChecklistMetadata metadata = FieldReader.read(name, document, "/metadata", InputMapper::metadata, problems);
        List<ChecklistPhase> phases = FieldReader.readList(name, document, "/phases", InputMapper::phase, problems);
        List<String> criteria =
                FieldReader.read(name, document, "/handoff_to_data_plane", r -> r.texts("criteria"), problems);
        List<FreezeWindow> freezes =
                FieldReader.readList(name, document, "/freeze_windows", InputMapper::freezeWindow, problems);
        return metadata == null || !document.hasNonNull("phases")
                ? null
                : new Checklist(plane, metadata, phases, criteria, freezes);
    }

    private static ChecklistMetadata metadata(FieldReader r) {
        return new ChecklistMetadata(
                r.text("captured_at"),
                r.text("source_account_id"),
                r.text("target_account_id"),
                r.text("run_id"),
                r.text("plugin_version"));
    }

    private static ChecklistPhase phase(FieldReader r) {
        return new ChecklistPhase(
                r.integerOrZero("number"),
                r.text("name"),
                r.text("description"),
                r.texts("terraform_modules"),
                r.integer("estimated_duration_minutes"),
                r.object("go_no_go_gate", InputMapper::gate),
                r.objects("pre_cutover", InputMapper::item),
                r.objects("during_cutover", InputMapper::item),
                r.objects("post_cutover", InputMapper::item));
    }

    private static GoNoGoGate gate(FieldReader r) {
        return new GoNoGoGate(r.texts("criteria"), r.texts("approvers"));
    }

    private static ChecklistItem item(FieldReader r) {
        return new ChecklistItem(
                r.text("id"),
                r.text("description"),
                r.text("owner_team"),
                r.integer("time_box_minutes"),
                r.text("verification_command"),
                r.text("operation_type"),
                r.text("terraform_module"),
                r.text("command"),
                r.text("datastore_arn"),
                r.text("tool"),
                r.bool("long_running"),
                r.text("poll_cmd"),
                r.texts("poll_terminal_states"),
                r.bool("irreversible"),
                r.text("rollback_command"));
    }

    private static FreezeWindow freezeWindow(FieldReader r) {
        return new FreezeWindow(
                r.text("datastore_arn"),
                r.integerOrZero("duration_minutes"),
                r.text("begins_at_step_id"),
                r.text("enforcement_command"),
                r.text("release_step_id"));
    }

    // ---- data-migration-plan.json

    private static DataMigrationPlan dataMigrationPlan(FieldReader r) {
        return new DataMigrationPlan(
                r.object("metadata", m -> planMetadata(m, DataMigrationPlan.Metadata::new)),
                r.objects("datastores", InputMapper::datastore),
                r.objects(
                        "warnings",
                        w -> new DataMigrationPlan.Warning(
                                w.text("severity"),
                                w.text("datastore_arn"),
                                w.text("message"),
                                w.text("remediation"))));
    }

    private static DataMigrationPlan.Datastore datastore(FieldReader r) {
        return new DataMigrationPlan.Datastore(
                r.text("resource_arn"),
                r.text("resource_type"),
                r.text("name"),
                r.text("owner_team"),
                r.object("strategy", s -> new DataMigrationPlan.Strategy(s.text("tool"), s.text("mode"))),
                r.object(
                        "encryption",
                        e -> new DataMigrationPlan.Encryption(
                                e.text("source_kms_key_arn"),
                                e.text("target_kms_key_arn"),
                                e.bool("requires_target_kms_grant"))),
                r.object(
                        "freeze_window",
                        f -> new DataMigrationPlan.FreezePolicy(
                                f.bool("required"),
                                f.integer("duration_minutes"),
                                f.integer("begins_at_phase"),
                                f.text("begins_at_step_id"),
                                f.text("notes"))),
                r.texts("depends_on"),
                r.integer("rto_target_minutes"));
    }

    // ---- migration-plan.json

    private static MigrationPlan migrationPlan(FieldReader r) {
        return new MigrationPlan(
                r.object("metadata", m -> planMetadata(m, MigrationPlan.Metadata::new)),
                r.objects("phases", InputMapper::migrationPhase));
    }

    /** The metadata both plans carry, onto either plan's record. */
    private static <T> T planMetadata(FieldReader m, PlanMetadata<T> make) {
        return make.of(
                m.text("source_account_id"), m.text("target_account_id"), m.text("target_region"), m.text("run_id"));
    }

    private interface PlanMetadata<T> {
        T of(String sourceAccountId, String targetAccountId, String targetRegion, String runId);
    }

    private static MigrationPlan.Phase migrationPhase(FieldReader r) {
        return new MigrationPlan.Phase(
                r.integerOrZero("number"),
                r.text("name"),
                r.objects(
                        "steps",
                        s -> new MigrationPlan.Step(
                                s.text("id"),
                                s.text("description"),
                                s.texts("resources"),
                                s.text("risk"),
                                s.text("owner_team"))),
                r.object(
                        "rollback",
                        b -> new MigrationPlan.Rollback(
                                b.text("description"), b.texts("steps"), b.integer("rollback_window_minutes"))),
                r.object("go_no_go_gate", InputMapper::gate));
    }

    // ---- dependency-graph.json, hardcoded-values.json, resource-ownership.json

    private static DependencyGraph dependencyGraph(FieldReader r) {
        return new DependencyGraph(r.objects(
                "edges",
                e -> new DependencyGraph.Edge(e.text("from"), e.text("to"), e.text("relation"), e.text("context"))));
    }

    private static HardcodedValues hardcodedValues(FieldReader r) {
        return new HardcodedValues(r.objects(
                "manual_review_required",
                i -> new HardcodedValues.ReviewItem(
                        i.text("location"), i.text("value"), i.text("kind"), i.text("reason"))));
    }

    private static ResourceOwnership resourceOwnership(FieldReader r) {
        return new ResourceOwnership(
                r.objectsByName("teams", t -> new ResourceOwnership.Team(t.texts("resources"), t.text("contact"))),
                r.texts("unowned_resources"));
    }
}
