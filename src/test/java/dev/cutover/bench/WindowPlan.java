package dev.cutover.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * A plan shaped like the upstream example's cutover window (issue 7, benchmark 1): the same phases, the same
 * time boxes and long-running jobs (two S3 batch replications of 540 and 300 minutes and a 60-minute RDS
 * restore in the bulk-transfer phase), the same gates, freeze windows and irreversible DNS switch — written as
 * our own items, with every simulated minute lasting {@code minuteMillis} of real time. A timed step sleeps for
 * its time box; a long-running job is a real background process that writes its state file when its time is
 * up, polled with {@code cat}; a human step's time is spent in its verify command.
 */
final class WindowPlan {
    static final String ASSETS = "arn:aws:s3:::bench-assets";
    static final String LOGS = "arn:aws:s3:::bench-logs";
    static final String ORDERS = "arn:aws:rds:local:" + RunDirWriter.SOURCE_ACCOUNT + ":db:bench-orders";
    static final String USERS =
            "arn:aws:cognito-idp:local:" + RunDirWriter.SOURCE_ACCOUNT + ":userpool/local_benchusers";

    /** The programs the plan's commands use. */
    static final List<String> PROGRAMS = List.of("bash", "cat", "sleep", "true");

    private enum Kind {
        /** A pre/post check: its time box, if any, is spent in its verify command. */
        CHECK,
        /** An automated during item: its command sleeps for the time box. */
        TIMED,
        /** A long-running job in a background process, polled until {@code Complete}/{@code available}. */
        JOB,
        /** A human step (manual, k8s handoff): the operator's time is spent in its verify command. */
        HUMAN
    }

    private record Row(String id, String section, Kind kind, String operationType, int minutes, String datastore) {}

    private static final String PRE = "pre_cutover";
    private static final String DURING = "during_cutover";
    private static final String POST = "post_cutover";

    private static final List<Row> CONTROL_PLANE = List.of(
            new Row("cp-phase0-001-check-access", PRE, Kind.CHECK, null, 5, null),
            new Row("cp-phase0-010-state-bucket", DURING, Kind.TIMED, "aws-cli", 10, null),
            new Row("cp-phase0-020-apply-iam", DURING, Kind.TIMED, "terraform-apply", 25, "iam"),
            new Row("cp-phase0-090-keys-ready", POST, Kind.CHECK, null, 0, null),
            new Row("cp-phase1-010-apply-networking", DURING, Kind.TIMED, "terraform-apply", 20, "networking"),
            new Row("cp-phase1-090-check-routes", POST, Kind.CHECK, null, 0, null),
            new Row("cp-phase2-010-apply-storage", DURING, Kind.TIMED, "terraform-apply", 10, "storage"),
            new Row("cp-phase3-010-apply-databases", DURING, Kind.TIMED, "terraform-apply", 15, "databases"),
            new Row("cp-phase4-001-confirm-image", PRE, Kind.CHECK, null, 5, null),
            new Row("cp-phase4-010-apply-compute", DURING, Kind.TIMED, "terraform-apply", 40, "compute"),
            new Row("cp-phase4-090-smoke", POST, Kind.CHECK, null, 0, null),
            new Row("cp-phase5-010-apply-dns", DURING, Kind.TIMED, "terraform-apply", 10, "dns"),
            new Row("cp-phase6-010-validate-shape", DURING, Kind.HUMAN, "manual", 20, null));

    private static final List<Row> DATA_PLANE = List.of(
            new Row("dp-phase1-001-confirm-policy", PRE, Kind.CHECK, null, 0, null),
            new Row("dp-phase1-010-kms-grant-orders", DURING, Kind.TIMED, "kms-grant", 5, ORDERS),
            new Row("dp-phase1-020-share-snapshot", DURING, Kind.TIMED, "snapshot-share", 5, ORDERS),
            new Row("dp-phase2-010-assets-bulk", DURING, Kind.JOB, "s3-batch-replication", 540, ASSETS),
            new Row("dp-phase2-020-logs-bulk", DURING, Kind.JOB, "s3-batch-replication", 300, LOGS),
            new Row("dp-phase2-030-restore-orders", DURING, Kind.JOB, "snapshot-restore", 60, ORDERS),
            new Row("dp-phase3-010-put-secret", DURING, Kind.TIMED, "secret-put-value", 10, null),
            new Row(
                    "dp-phase3-020-deploy-migration-lambda",
                    DURING,
                    Kind.TIMED,
                    "cognito-deploy-user-migration-lambda",
                    20,
                    USERS),
            new Row("dp-phase3-030-redeploy-handoff", DURING, Kind.HUMAN, "k8s-redeploy-handoff", 60, null),
            new Row("dp-phase4-001-lower-ttl", PRE, Kind.CHECK, null, 0, null),
            new Row("dp-phase4-010-freeze-assets", DURING, Kind.TIMED, "freeze-writes", 5, ASSETS),
            new Row("dp-phase4-020-freeze-orders", DURING, Kind.TIMED, "freeze-writes", 10, ORDERS),
            new Row("dp-phase4-040-switch-dns", DURING, Kind.TIMED, "route53-change", 10, null),
            new Row("dp-phase4-090-release-freeze", POST, Kind.CHECK, null, 0, null),
            new Row("dp-phase5-010-validate-assets", DURING, Kind.HUMAN, "manual-decision", 20, ASSETS),
            new Row("dp-phase5-020-validate-orders", DURING, Kind.HUMAN, "manual-decision", 15, ORDERS),
            new Row("dp-phase5-090-audit", POST, Kind.CHECK, null, 0, null));

    private static final String IRREVERSIBLE = "dp-phase4-040-switch-dns";

    private final int minuteMillis;

    /** @param minuteMillis real milliseconds per simulated minute (the issue: 10) */
    WindowPlan(int minuteMillis) {
        if (minuteMillis < 1) {
            throw new IllegalArgumentException("a simulated minute lasts at least 1 ms, got " + minuteMillis);
        }
        this.minuteMillis = minuteMillis;
    }

    /** Writes the run directory (and its {@code jobs/} folder for the jobs' state files) into {@code dir}. */
    Path write(Path dir, Clock clock) {
        RunDirWriter w = new RunDirWriter("bench-window", clock);
        CONTROL_PLANE.forEach(r -> RunDirWriter.add(w.cpPhase(phase(r)), r.section(), item(r)));
        DATA_PLANE.forEach(r -> RunDirWriter.add(w.dpPhase(phase(r)), r.section(), item(r)));
        RunDirWriter.gate(w.cpPhase(6), "Every control-plane module is applied.", "The network shape matches.");
        RunDirWriter.gate(w.dpPhase(4), "Bulk copies complete.", "The restored database is available.");
        w.freezeWindows().add(freeze(ASSETS, 35, "dp-phase4-010-freeze-assets"));
        w.freezeWindows().add(freeze(ORDERS, 45, "dp-phase4-020-freeze-orders"));
        w.write(
                dir,
                List.of(
                        new RunDirWriter.Datastore(ASSETS, "AWS::S3::Bucket", "bench-assets"),
                        new RunDirWriter.Datastore(LOGS, "AWS::S3::Bucket", "bench-logs"),
                        new RunDirWriter.Datastore(ORDERS, "AWS::RDS::DBInstance", "bench-orders"),
                        new RunDirWriter.Datastore(USERS, "AWS::Cognito::UserPool", "bench-users")),
                PROGRAMS);
        try {
            Files.createDirectories(dir.resolve("jobs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static int phase(Row r) {
        return r.id().charAt("cp-phase".length()) - '0';
    }

    private ObjectNode item(Row r) {
        ObjectNode item = RunDirWriter.item(r.id(), "Benchmark item " + r.id() + " (" + r.minutes() + " min).");
        if (r.minutes() > 0) {
            item.put("time_box_minutes", r.minutes());
        }
        if (r.kind() == Kind.CHECK) {
            return item.put("verification_command", r.minutes() > 0 ? sleep(r) : "true");
        }
        item.put("operation_type", r.operationType())
                .put("tool", r.kind() == Kind.HUMAN ? "manual" : "shell")
                .put("irreversible", r.id().equals(IRREVERSIBLE));
        if (r.id().startsWith("dp-")) {
            item.put("datastore_arn", r.datastore());
        } else if (r.operationType().equals("terraform-apply")) {
            item.put("terraform_module", r.datastore());
        }
        return switch (r.kind()) {
            case TIMED -> item.put("command", sleep(r)).put("verification_command", "true");
            case HUMAN -> item.putNull("command").put("verification_command", sleep(r));
            case JOB -> job(item, r);
            case CHECK -> throw new IllegalStateException("handled above");
        };
    }

    /** A job that really runs in the background: {@code running} now, its success state when its time is up. */
    private ObjectNode job(ObjectNode item, Row r) {
        boolean restore = r.operationType().equals("snapshot-restore");
        String running = restore ? "creating" : "Active";
        String done = restore ? "available" : "Complete";
        String state = "jobs/" + r.id() + ".state";
        String command = "bash -c 'echo " + running + " > " + state + "; nohup bash -c \"sleep " + seconds(r)
                + "; echo " + done + " > " + state + "\" > /dev/null 2>&1 &'";
        item.put("command", command).put("long_running", true).put("poll_cmd", "cat " + state);
        item.putArray("poll_terminal_states").add(done).add(restore ? "failed" : "Failed");
        return item.putNull("verification_command");
    }

    private static ObjectNode freeze(String datastore, int minutes, String begins) {
        return RunDirWriter.object()
                .put("datastore_arn", datastore)
                .put("duration_minutes", minutes)
                .put("begins_at_step_id", begins)
                .put("release_step_id", "dp-phase4-090-release-freeze");
    }

    private String sleep(Row r) {
        return "sleep " + seconds(r);
    }

    private String seconds(Row r) {
        return String.format(Locale.ROOT, "%.3f", r.minutes() * minuteMillis / 1000.0);
    }
}
