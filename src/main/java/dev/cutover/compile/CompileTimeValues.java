package dev.cutover.compile;

import dev.cutover.input.DataMigrationPlan;
import dev.cutover.input.DependencyGraph;
import dev.cutover.input.Inputs;
import dev.cutover.input.RunDirectory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholder values known at compile time for one item (FORMATS.md §4.3), each with its source field.
 * A source that is absent or null leaves the placeholder open, i.e. a runtime parameter; safety is checked
 * by the caller, only for placeholders a command actually uses.
 */
final class CompileTimeValues {
    private static final Pattern SECRET_ID = Pattern.compile("--secret-id(?:=|\\s+)([^\\s'\"]+)");
    private final Inputs inputs;
    /**
     * Indexed once: searching the plan's datastores and the graph's edges for every item cost items × (datastores
     * + edges) (docs/performance.md). Each keeps the first match, as the searches did.
     */
    private final Map<String, Integer> datastoreIndexes;
    /** The first {@code kms-key-use} edge (with a target) from each resource. */
    private final Map<String, Integer> keyUseEdges = new HashMap<>();
    /** The {@code r53-*} edges with a context, in file order. */
    private final List<Integer> recordNameEdges = new ArrayList<>();

    CompileTimeValues(Inputs inputs) {
        this.inputs = inputs;
        this.datastoreIndexes = inputs.dataMigrationPlan().positionsByArn();
        List<DependencyGraph.Edge> edges = inputs.dependencyGraph().edges();
        for (int i = 0; i < edges.size(); i++) {
            DependencyGraph.Edge e = edges.get(i);
            if ("kms-key-use".equals(e.relation()) && e.from() != null && e.to() != null) {
                keyUseEdges.putIfAbsent(e.from(), i);
            }
            if (e.relation() != null && e.relation().startsWith("r53-") && e.context() != null) {
                recordNameEdges.add(i);
            }
        }
    }

    Map<String, SourcedValue> forItem(SourceItem at) {
        Map<String, SourcedValue> values = new LinkedHashMap<>();
        String checklist = at.file();
        put(
                values,
                "target-acct",
                inputs.checklist(at.plane()).metadata().targetAccountId(),
                checklist,
                "/metadata/target_account_id");
        put(
                values,
                "source-acct",
                inputs.checklist(at.plane()).metadata().sourceAccountId(),
                checklist,
                "/metadata/source_account_id");
        put(values, "module", at.item().terraformModule(), checklist, at.pointer("terraform_module"));
        addRegion(values, at);
        addDatastoreValues(values, at);
        addRecordName(values, at);
        addSecretId(values, at);
        return values;
    }

    private void addRegion(Map<String, SourcedValue> values, SourceItem at) {
        var metadata = inputs.migrationPlan().metadata();
        if (metadata != null && metadata.targetRegion() != null) {
            put(values, "region", metadata.targetRegion(), RunDirectory.MIGRATION_PLAN, "/metadata/target_region");
        } else {
            String arn = at.item().datastoreArn();
            Arns.region(arn).ifPresent(r -> put(values, "region", r, at.file(), at.pointer("datastore_arn")));
        }
    }

    private void addDatastoreValues(Map<String, SourcedValue> values, SourceItem at) {
        String arn = at.item().datastoreArn();
        if (arn == null) {
            return;
        }
        String field = at.pointer("datastore_arn");
        for (String name : List.of("db-instance-id", "src-bucket", "table-name")) {
            put(values, name, Arns.lastSegment(arn), at.file(), field);
        }
        put(values, "table-arn", arn, at.file(), field);
        put(values, "datastore-arn", arn, at.file(), field);
        sourceKey(arn).ifPresent(v -> values.put("kms-key-arn", v));
        int index = datastoreIndex(arn);
        if (index >= 0) {
            DataMigrationPlan.Encryption enc =
                    inputs.dataMigrationPlan().datastores().get(index).encryption();
            if (enc != null) {
                put(
                        values,
                        "target-kms-key-arn",
                        enc.targetKmsKeyArn(),
                        RunDirectory.DATA_MIGRATION_PLAN,
                        "/datastores/" + index + "/encryption/target_kms_key_arn");
            }
        }
    }

    /** The datastore's source KMS key: the plan's, else its {@code kms-key-use} graph edge. */
    Optional<SourcedValue> sourceKey(String datastoreArn) {
        int index = datastoreIndex(datastoreArn);
        if (index >= 0) {
            DataMigrationPlan.Encryption enc =
                    inputs.dataMigrationPlan().datastores().get(index).encryption();
            if (enc != null && enc.sourceKmsKeyArn() != null) {
                return Optional.of(new SourcedValue(
                        enc.sourceKmsKeyArn(),
                        RunDirectory.DATA_MIGRATION_PLAN,
                        "/datastores/" + index + "/encryption/source_kms_key_arn"));
            }
        }
        Integer edge = keyUseEdges.get(datastoreArn);
        return edge == null
                ? Optional.empty()
                : Optional.of(new SourcedValue(
                        inputs.dependencyGraph().edges().get(edge).to(),
                        RunDirectory.DEPENDENCY_GRAPH,
                        "/edges/" + edge + "/to"));
    }

    private void addRecordName(Map<String, SourcedValue> values, SourceItem at) {
        List<DependencyGraph.Edge> edges = inputs.dependencyGraph().edges();
        String text = nullToEmpty(at.item().description()) + "\n"
                + nullToEmpty(at.item().command());
        int only = -1;
        int count = 0;
        for (int i : recordNameEdges) {
            DependencyGraph.Edge e = edges.get(i);
            if (text.contains(e.context())) {
                put(values, "record-name", e.context(), RunDirectory.DEPENDENCY_GRAPH, "/edges/" + i + "/context");
                return;
            }
            only = i;
            count++;
        }
        if (count == 1) {
            put(
                    values,
                    "record-name",
                    edges.get(only).context(),
                    RunDirectory.DEPENDENCY_GRAPH,
                    "/edges/" + only + "/context");
        }
    }

    private void addSecretId(Map<String, SourcedValue> values, SourceItem at) {
        String command = at.item().command();
        if (command == null) {
            return;
        }
        Matcher m = SECRET_ID.matcher(command);
        if (m.find() && !m.group(1).startsWith("<") && !m.group(1).startsWith("{")) {
            put(values, "secret-id", m.group(1), at.file(), at.pointer("command"));
        }
    }

    private int datastoreIndex(String arn) {
        return datastoreIndexes.getOrDefault(arn, -1);
    }

    /** The data-migration plan's (first) datastore with this ARN. */
    Optional<DataMigrationPlan.Datastore> datastore(String arn) {
        int index = datastoreIndex(arn);
        return index < 0
                ? Optional.empty()
                : Optional.of(inputs.dataMigrationPlan().datastores().get(index));
    }

    private static void put(Map<String, SourcedValue> values, String name, String value, String file, String ptr) {
        if (value != null) {
            values.put(name, new SourcedValue(value, file, ptr));
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
