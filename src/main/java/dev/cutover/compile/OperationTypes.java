package dev.cutover.compile;

import dev.cutover.input.Plane;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The FORMATS.md §4.2 operation_type → action/tool/long-running table, as data. */
final class OperationTypes {
    private static final Map<String, OperationType> SHARED = Map.ofEntries(
            row("manual-decision", "manual-decision", "human", false),
            row("terraform-apply", "terraform-apply", "terraform", false),
            row("snapshot-share", "snapshot-share", "aws-cli", false),
            row("kms-grant", "kms-grant", "aws-cli", false),
            row("ami-share", "ami-share", "aws-cli", false),
            row("s3-sync", "s3-sync", "aws-cli", false),
            row("secret-put-value", "secret-put-value", "aws-cli", false),
            row("route53-change", "route53-change", "aws-cli", false),
            row("rds-promote-read-replica", "rds-promote-read-replica", "aws-cli", false),
            row("dynamodb-export", "dynamodb-export", "aws-cli", true),
            row("dynamodb-import", "dynamodb-import", "aws-cli", true),
            row("snapshot-restore", "snapshot-restore", "aws-cli", true),
            row("datasync-start", "datasync-start", "datasync", true),
            row("dms-start", "dms-start-replication-task", "dms", true),
            row("s3-batch-replication", "s3-batch-replication-job", "s3-batch", true),
            row("freeze-writes", "freeze-writes", "aws-cli", false),
            row("dms-promote", "dms-promote", "aws-cli", false),
            row("traffic-shift", "traffic-shift", "aws-cli", false),
            row("ecr-push", "ecr-push", "aws-cli", false),
            row("lambda-code-upload", "lambda-code-upload", "aws-cli", false),
            row("cognito-deploy-user-migration-lambda", "cognito-deploy-user-migration-lambda", "aws-cli", false),
            row("cognito-update-idp-secret", "cognito-update-idp-secret", "aws-cli", false),
            row("wafv2-associate", "wafv2-associate", "aws-cli", false),
            row("cognito-idp-import-job", "cognito-idp-import-job", "aws-cli", true),
            row("k8s-redeploy-handoff", "k8s-redeploy-handoff", "human", false));

    // Control-plane-only vocabulary (§7 #7): aws-cli gets an action of its own, manual means a decision.
    private static final Map<String, OperationType> CONTROL_PLANE_ONLY = Map.ofEntries(
            row("aws-cli", "aws-cli", "aws-cli", false), row("manual", "manual-decision", "human", false));

    static final OperationType VERIFY_ONLY = new OperationType(OperationType.VERIFY_ONLY, "aws-cli", false);
    static final OperationType MANUAL_CHECK = new OperationType(OperationType.MANUAL_DECISION, "human", false);

    private OperationTypes() {}

    /** The row for a during-cutover item's operation_type on a plane, empty when unknown there. */
    static Optional<OperationType> lookup(Plane plane, String operationType) {
        if (operationType == null) {
            return Optional.empty();
        }
        if (plane == Plane.CP) {
            // The control-plane schema allows only terraform-apply, aws-cli and manual.
            return Optional.ofNullable(
                    switch (operationType) {
                        case "terraform-apply" -> SHARED.get(operationType);
                        default -> CONTROL_PLANE_ONLY.get(operationType);
                    });
        }
        return Optional.ofNullable(SHARED.get(operationType));
    }

    /** Every operation_type a during-cutover item on {@code plane} may have, sorted, for error messages. */
    static String namesFor(Plane plane) {
        return String.join(", ", names(plane));
    }

    /** Every operation_type a during-cutover item on {@code plane} may have, sorted. */
    static Set<String> names(Plane plane) {
        Set<String> names = new TreeSet<>(plane == Plane.CP ? CONTROL_PLANE_ONLY.keySet() : SHARED.keySet());
        if (plane == Plane.CP) {
            names.add("terraform-apply");
        }
        return names;
    }

    private static Map.Entry<String, OperationType> row(
            String operationType, String action, String tool, boolean longRunning) {
        return Map.entry(operationType, new OperationType(action, tool, longRunning));
    }
}
