package dev.cutover.compile;

import java.util.Map;
import java.util.Optional;

/** The FORMATS.md §4.4 command templates, as data, with upstream placeholders renamed to canonical names. */
final class Templates {
    private static final String S = " --profile $MIGRATION_SOURCE_PROFILE";
    private static final String T = " --profile $MIGRATION_TARGET_PROFILE";
    private static final String MODULE = "-target=module.{module}";
    private static final String SNAPSHOT_PREVIEW =
            "aws rds describe-db-snapshot-attributes --db-snapshot-identifier {snapshot-id}" + S;
    private static final String AMI_PREVIEW =
            "aws ec2 describe-image-attribute --image-id {ami-id} --attribute launchPermission" + S;
    private static final String KMS_PREVIEW = "aws kms list-grants --key-id {kms-key-arn}" + S;
    private static final String GREP_TARGET = " | grep {target-acct}";
    private static final String S3_SYNC = "aws s3 sync s3://{src-bucket} s3://{tgt-bucket}";
    private static final String DESCRIBE_DB = "aws rds describe-db-instances --db-instance-identifier {db-instance-id}";

    private static final Map<String, Template> BY_ACTION = Map.ofEntries(
            Map.entry(
                    "terraform-apply",
                    new Template(
                            "terraform init -input=false && terraform plan " + MODULE + " -input=false",
                            "terraform apply " + MODULE + " -auto-approve -input=false",
                            "terraform plan " + MODULE + " -detailed-exitcode -input=false",
                            null,
                            false)),
            Map.entry(
                    "snapshot-share",
                    new Template(
                            SNAPSHOT_PREVIEW,
                            "aws rds modify-db-snapshot-attribute --db-snapshot-identifier {snapshot-id}"
                                    + " --attribute-name restore --values-to-add {target-acct}" + S,
                            SNAPSHOT_PREVIEW + GREP_TARGET,
                            null,
                            true)),
            Map.entry(
                    "snapshot-restore",
                    new Template(
                            null,
                            "aws rds restore-db-instance-from-db-snapshot --db-instance-identifier {db-instance-id}"
                                    + " --db-snapshot-identifier arn:aws:rds:{region}:{source-acct}:snapshot:{snapshot-id}"
                                    + " --kms-key-id {target-kms-key-arn}" + T,
                            DESCRIBE_DB + " --query 'DBInstances[0].DBInstanceStatus' --output text" + T,
                            "(?i)^available$",
                            true)),
            Map.entry(
                    "ami-share",
                    new Template(
                            AMI_PREVIEW,
                            "aws ec2 modify-image-attribute --image-id {ami-id}"
                                    + " --launch-permission \"Add=[{UserId={target-acct}}]\"" + S,
                            AMI_PREVIEW + GREP_TARGET,
                            null,
                            false)),
            Map.entry(
                    "kms-grant",
                    new Template(
                            KMS_PREVIEW,
                            "aws kms create-grant --key-id {kms-key-arn} --grantee-principal"
                                    + " arn:aws:iam::{target-acct}:root --operations Decrypt DescribeKey" + S,
                            KMS_PREVIEW + GREP_TARGET,
                            null,
                            false)),
            Map.entry(
                    "datasync-start",
                    new Template(
                            "aws datasync describe-task --task-arn {task-arn}" + T,
                            "aws datasync start-task-execution --task-arn {task-arn}" + T,
                            null,
                            null,
                            false)),
            Map.entry(
                    "dms-start-replication-task",
                    new Template(
                            "aws dms describe-replication-tasks"
                                    + " --filters Name=replication-task-arn,Values={replication-task-arn}" + T,
                            "aws dms start-replication-task --replication-task-arn {replication-task-arn}"
                                    + " --start-replication-task-type start-replication" + T,
                            null,
                            null,
                            false)),
            Map.entry(
                    "s3-sync",
                    new Template(
                            S3_SYNC + " --dryrun" + T,
                            S3_SYNC + T,
                            "aws s3 ls s3://{tgt-bucket} --summarize --recursive" + T + " | tail -2",
                            null,
                            false)),
            Map.entry(
                    "s3-batch-replication-job",
                    new Template(
                            "aws s3control describe-job --account-id {target-acct} --job-id {job-id}" + T,
                            null,
                            null,
                            null,
                            false)),
            Map.entry(
                    "dynamodb-export",
                    new Template(
                            "aws dynamodb describe-table --table-name {table-name}" + S,
                            "aws dynamodb export-table-to-point-in-time --table-arn {table-arn}"
                                    + " --s3-bucket {export-bucket}" + S,
                            null,
                            null,
                            false)),
            Map.entry(
                    "dynamodb-import",
                    new Template("aws s3 ls s3://{export-bucket}/{export-prefix}" + T, null, null, null, false)),
            Map.entry(
                    "secret-put-value",
                    new Template(
                            "aws secretsmanager describe-secret --secret-id {secret-id}" + T,
                            "aws secretsmanager put-secret-value --secret-id {secret-id}"
                                    + " --secret-string file://{secret-file}" + T,
                            "aws secretsmanager describe-secret --secret-id {secret-id}"
                                    + " --query VersionIdsToStages --output json" + T,
                            "AWSCURRENT",
                            false)),
            Map.entry(
                    "route53-change",
                    new Template(
                            null,
                            "aws route53 change-resource-record-sets --hosted-zone-id {hosted-zone-id}"
                                    + " --change-batch file://{change-file}" + T,
                            "dig +short @8.8.8.8 {record-name}",
                            "\\S",
                            false)),
            Map.entry(
                    "rds-promote-read-replica",
                    new Template(
                            DESCRIBE_DB + T,
                            "aws rds promote-read-replica --db-instance-identifier {db-instance-id}" + T,
                            DESCRIBE_DB + " --query 'DBInstances[0].StatusInfos'" + T,
                            null,
                            true)));

    private Templates() {}

    /** The template of an action for a resource type, empty when none applies. */
    static Optional<Template> forAction(String action, String resourceType) {
        Template template = BY_ACTION.get(action);
        if (template == null || (template.rdsOnly() && !isRds(resourceType))) {
            return Optional.empty();
        }
        return Optional.of(template);
    }

    static boolean isRds(String resourceType) {
        return resourceType != null && resourceType.startsWith("AWS::RDS::");
    }
}
