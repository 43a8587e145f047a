package dev.cutover.compile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The FORMATS.md §4.5 polling table, as data. */
final class PollRules {
    private static final Map<String, PollRule> BY_ACTION = Map.of(
            "datasync-start",
            new PollRule(
                    "aws datasync describe-task-execution --task-execution-arn {task-execution-arn}",
                    "Status",
                    List.of("SUCCESS"),
                    List.of("ERROR")),
            "dms-start-replication-task",
            new PollRule(
                    "aws dms describe-replication-tasks"
                            + " --filters Name=replication-task-arn,Values={replication-task-arn}",
                    "'ReplicationTasks[0].Status'",
                    List.of("stopped"),
                    List.of("failed")),
            "s3-batch-replication-job",
            new PollRule(
                    "aws s3control describe-job --job-id {job-id}",
                    "'Job.Status'",
                    List.of("Complete"),
                    List.of("Failed", "Cancelled")),
            "dynamodb-export",
            new PollRule(
                    "aws dynamodb describe-export --export-arn {export-arn}",
                    "'ExportDescription.ExportStatus'",
                    List.of("COMPLETED"),
                    List.of("FAILED")),
            "dynamodb-import",
            new PollRule(
                    "aws dynamodb describe-import --import-arn {import-arn}",
                    "'ImportTableDescription.ImportStatus'",
                    List.of("COMPLETED"),
                    List.of("FAILED", "CANCELLED")),
            "snapshot-restore",
            new PollRule(
                    "aws rds describe-db-instances --db-instance-identifier {db-instance-id}",
                    "'DBInstances[0].DBInstanceStatus'",
                    List.of("available"),
                    List.of("failed")),
            "cognito-idp-import-job",
            new PollRule(
                    "aws cognito-idp describe-user-import-job --user-pool-id {user-pool-id} --job-id {job-id}",
                    "'UserImportJob.Status'",
                    List.of("Succeeded"),
                    List.of("Failed", "Stopped", "Expired")));

    private PollRules() {}

    /** The polling row of an action; the snapshot-restore row only applies to RDS resources (§4.4 (R)). */
    static Optional<PollRule> forAction(String action, String resourceType) {
        if ("snapshot-restore".equals(action) && !Templates.isRds(resourceType)) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_ACTION.get(action));
    }
}
