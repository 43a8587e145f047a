package dev.cutover.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a sandbox run directory in the upstream format around two generated checklists: the plans, graph,
 * ownership and hardcoded-values files, both checklists signed today in their Markdown, and a
 * {@code cutover.yaml} (sandbox, a flat allow-list, 1 s polls). Generators fill the checklists' phases.
 */
final class RunDirWriter {
    static final String SOURCE_ACCOUNT = "000000000001";
    static final String TARGET_ACCOUNT = "000000000002";
    static final String TEAM = "platform";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CP_PHASES = List.of(
            "Globals",
            "Networking",
            "Storage Containers",
            "Database Containers",
            "Compute Containers",
            "DNS Scaffolding",
            "Control Plane Validation");
    private static final List<String> DP_PHASES =
            List.of("Pre-Staging", "Bulk Transfers", "Application Data", "Cutover", "Data Validation");
    private static final List<String> PLAN_PHASES =
            List.of("Networking", "Storage", "Databases", "Applications", "DNS Cutover", "Validation");

    /** A datastore of the data-migration plan that data-plane items may name. */
    record Datastore(String arn, String resourceType, String name) {}

    private final String runId;
    private final Instant now;
    private final ObjectNode controlPlane;
    private final ObjectNode dataPlane;

    RunDirWriter(String runId, Clock clock) {
        this.runId = runId;
        this.now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        this.controlPlane = checklist(CP_PHASES, 0);
        this.dataPlane = checklist(DP_PHASES, 1);
        controlPlane.set(
                "handoff_to_data_plane",
                JSON.createObjectNode().set("criteria", JSON.createArrayNode().add("The control plane is complete.")));
        dataPlane.put("data_migration_plan_ref", "./data-migration-plan.json");
        dataPlane.set("freeze_windows", JSON.createArrayNode());
    }

    /** The control-plane phase {@code number} (0..6), to add items to. */
    ObjectNode cpPhase(int number) {
        return (ObjectNode) controlPlane.path("phases").get(number);
    }

    /** The data-plane phase {@code number} (1..5), to add items to. */
    ObjectNode dpPhase(int number) {
        return (ObjectNode) dataPlane.path("phases").get(number - 1);
    }

    ArrayNode freezeWindows() {
        return (ArrayNode) dataPlane.get("freeze_windows");
    }

    /** Adds {@code item} to {@code section} ({@code pre_cutover}, {@code during_cutover}, {@code post_cutover}). */
    static ObjectNode add(ObjectNode phase, String section, ObjectNode item) {
        ((ArrayNode) phase.get(section)).add(item);
        return item;
    }

    /** An empty JSON object, for the generators' other nodes (freeze windows). */
    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** An item with the fields every section has; callers add the section's own. */
    static ObjectNode item(String id, String description) {
        return JSON.createObjectNode()
                .put("id", id)
                .put("description", description)
                .put("owner_team", TEAM);
    }

    /** A go/no-go gate on {@code phase} whose criteria are judged by the signers (they name no step). */
    static void gate(ObjectNode phase, String... criteria) {
        ArrayNode list = JSON.createArrayNode();
        for (String c : criteria) {
            list.add(c);
        }
        phase.set(
                "go_no_go_gate",
                JSON.createObjectNode()
                        .<ObjectNode>set("criteria", list)
                        .set("approvers", JSON.createArrayNode().add(TEAM)));
    }

    /** Writes every input file into {@code dir} (created). */
    Path write(Path dir, List<Datastore> datastores, List<String> allowedPrograms) {
        try {
            Files.createDirectories(dir);
            writeJson(dir.resolve("cutover-checklist-control-plane.json"), controlPlane);
            writeJson(dir.resolve("cutover-checklist-data-plane.json"), dataPlane);
            writeSigned(dir.resolve("cutover-checklist-control-plane.md"), "CONTROL PLANE", controlPlane);
            writeSigned(dir.resolve("cutover-checklist-data-plane.md"), "DATA PLANE", dataPlane);
            writeJson(dir.resolve("migration-plan.json"), migrationPlan());
            writeJson(dir.resolve("data-migration-plan.json"), dataMigrationPlan(datastores));
            writeJson(dir.resolve("dependency-graph.json"), dependencyGraph());
            writeJson(dir.resolve("hardcoded-values.json"), hardcodedValues());
            writeJson(dir.resolve("resource-ownership.json"), ownership(datastores));
            Files.writeString(dir.resolve("cutover.yaml"), config(allowedPrograms), StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated run directory " + dir, e);
        }
    }

    private ObjectNode checklist(List<String> names, int firstNumber) {
        ObjectNode root = JSON.createObjectNode();
        root.set("metadata", metadata(true));
        ArrayNode phases = root.putArray("phases");
        for (int i = 0; i < names.size(); i++) {
            ObjectNode p = phases.addObject().put("number", firstNumber + i).put("name", names.get(i));
            p.putArray("pre_cutover");
            p.putArray("during_cutover");
            p.putArray("post_cutover");
        }
        return root;
    }

    private ObjectNode metadata(boolean withTarget) {
        ObjectNode m =
                JSON.createObjectNode().put("captured_at", now.toString()).put("source_account_id", SOURCE_ACCOUNT);
        if (withTarget) {
            m.put("target_account_id", TARGET_ACCOUNT);
        }
        return m.put("run_id", runId).put("plugin_version", "bench");
    }

    private ObjectNode dependencyGraph() {
        ObjectNode root = JSON.createObjectNode();
        root.set("metadata", metadata(false).put("inventory_ref", "./inventory.json"));
        root.putArray("edges");
        root.putArray("iam_trusts");
        return root;
    }

    private ObjectNode migrationPlan() {
        ObjectNode root = JSON.createObjectNode();
        root.set("metadata", metadata(true).put("target_region", "local"));
        ArrayNode phases = root.putArray("phases");
        for (int i = 0; i < PLAN_PHASES.size(); i++) {
            ObjectNode p = phases.addObject().put("number", i + 1).put("name", PLAN_PHASES.get(i));
            p.putArray("prerequisites");
            p.putArray("steps");
            p.put("estimated_duration_minutes", 0);
            ObjectNode rollback = p.putObject("rollback").put("description", "Undo this phase by hand.");
            // A rollback text on phases 1-5 keeps the point of no return where the upstream example has it.
            ArrayNode steps = rollback.putArray("steps");
            if (i < 5) {
                steps.add("restore the previous state of this phase by hand");
            }
            rollback.put("rollback_window_minutes", 60);
        }
        return root;
    }

    private ObjectNode dataMigrationPlan(List<Datastore> datastores) {
        ObjectNode root = JSON.createObjectNode();
        root.set("metadata", metadata(true).put("target_region", "local"));
        root.putObject("summary")
                .put("total_data_bytes", 0)
                .put("estimated_total_transfer_hours", 0)
                .put("estimated_total_transfer_cost_usd", 0)
                .put("cutover_window_recommendation_hours", 0);
        ArrayNode list = root.putArray("datastores");
        for (Datastore d : datastores) {
            ObjectNode n = list.addObject()
                    .put("resource_arn", d.arn())
                    .put("resource_type", d.resourceType())
                    .put("name", d.name())
                    .put("owner_team", TEAM);
            n.putObject("sizing").put("bytes", 0).put("sizing_method", "manual");
            n.putObject("strategy")
                    .put("tool", strategyTool(d.resourceType()))
                    .put("mode", "bulk")
                    .put("reason", "benchmark");
            n.putObject("encryption").put("at_rest", false).put("requires_target_kms_grant", false);
            n.putObject("transfer_estimate").put("assumed_throughput_mbps", 100);
            n.putObject("cost_estimate").put("total_usd", 0);
            n.putObject("validation").put("acceptance_criteria", "benchmark").putArray("methods");
            n.putArray("depends_on");
        }
        root.putArray("warnings");
        return root;
    }

    private static String strategyTool(String resourceType) {
        return switch (resourceType) {
            case "AWS::S3::Bucket" -> "s3-batch-replication";
            case "AWS::RDS::DBInstance" -> "aws-rds-snapshot-share";
            default -> "manual";
        };
    }

    private ObjectNode hardcodedValues() {
        ObjectNode root = JSON.createObjectNode();
        root.set("metadata", metadata(false));
        root.putArray("auto_parameterized");
        root.putArray("manual_review_required");
        return root;
    }

    private ObjectNode ownership(List<Datastore> datastores) {
        ObjectNode root = JSON.createObjectNode();
        root.set("metadata", metadata(false));
        root.putArray("ownership_tags").add("Team");
        ArrayNode resources = root.putObject("teams").putObject(TEAM).putArray("resources");
        datastores.forEach(d -> resources.add(d.arn()));
        root.putArray("unowned_resources");
        return root;
    }

    private static String config(List<String> allowedPrograms) {
        return "# Generated by bench/: a local sandbox, nothing here touches a cloud account.\n"
                + "environment: sandbox\n"
                + "allowed_programs: [" + String.join(", ", allowedPrograms) + "]\n"
                + "poll_interval_seconds: 0.01\n";
    }

    /** The signed Markdown: the sign-off line (FORMATS.md §5), then each item's short id once. */
    private void writeSigned(Path file, String title, ObjectNode checklist) throws IOException {
        StringBuilder md = new StringBuilder("# Cutover Checklist — " + title + " (generated for benchmarks)\n\n");
        md.append("> APPROVED BY: Bench Operator  ON: ")
                .append(LocalDate.ofInstant(now, ZoneOffset.UTC))
                .append("\n\n");
        Set<String> shortIds = new LinkedHashSet<>();
        for (JsonNode phase : checklist.path("phases")) {
            for (String section : List.of("pre_cutover", "during_cutover", "post_cutover")) {
                for (JsonNode item : phase.path(section)) {
                    String id = item.path("id").asText();
                    shortIds.add(id.substring(0, Math.min(id.length(), "cp-phase0-000".length())));
                }
            }
        }
        shortIds.forEach(id -> md.append("- [ ] `").append(id).append("`\n"));
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
    }

    private static void writeJson(Path file, JsonNode node) throws IOException {
        Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
    }
}
