package dev.cutover.compile;

import java.util.List;
import java.util.Optional;

/**
 * Reading the parts of ARNs the rules need: last segment (§4.3), service, region, and the CloudFormation
 * type derived from the ARN when no plan names it (§3.1).
 */
final class Arns {
    private record TypeRule(String service, String resourcePrefix, String type) {}

    // Small on purpose: only resource kinds the data plane migrates; anything else gets a generic type.
    private static final List<TypeRule> TYPES = List.of(
            new TypeRule("s3", "", "AWS::S3::Bucket"),
            new TypeRule("rds", "db:", "AWS::RDS::DBInstance"),
            new TypeRule("rds", "cluster:", "AWS::RDS::DBCluster"),
            new TypeRule("dynamodb", "table/", "AWS::DynamoDB::Table"),
            new TypeRule("elasticfilesystem", "file-system/", "AWS::EFS::FileSystem"),
            new TypeRule("cognito-idp", "userpool/", "AWS::Cognito::UserPool"),
            new TypeRule("secretsmanager", "secret:", "AWS::SecretsManager::Secret"),
            new TypeRule("route53", "hostedzone/", "AWS::Route53::HostedZone"),
            new TypeRule("ec2", "image/", "AWS::EC2::Image"),
            new TypeRule("kms", "key/", "AWS::KMS::Key"));

    private Arns() {}

    /** Text after the last {@code :} or {@code /}. */
    static String lastSegment(String arn) {
        int cut = Math.max(arn.lastIndexOf(':'), arn.lastIndexOf('/'));
        return arn.substring(cut + 1);
    }

    static Optional<String> service(String arn) {
        return field(arn, 2);
    }

    static Optional<String> region(String arn) {
        return field(arn, 3);
    }

    /** The CloudFormation-style type of an ARN, e.g. {@code arn:aws:s3:::b} ⇒ {@code AWS::S3::Bucket}. */
    static String resourceType(String arn) {
        String service = service(arn).orElse("");
        String resource = field(arn, 5).orElse("");
        return TYPES.stream()
                .filter(t -> t.service().equals(service) && resource.startsWith(t.resourcePrefix()))
                .map(TypeRule::type)
                .findFirst()
                .orElse("AWS::" + service + "::Resource");
    }

    /** KMS keys compare by key id: the text after {@code key/}, else the whole value (§4.3 (R)). */
    static String kmsKeyId(String keyOrArn) {
        int cut = keyOrArn.indexOf("key/");
        return cut < 0 ? keyOrArn : keyOrArn.substring(cut + 4);
    }

    private static Optional<String> field(String arn, int index) {
        if (arn == null || !arn.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = arn.split(":", 6);
        return parts.length > index && !parts[index].isEmpty() ? Optional.of(parts[index]) : Optional.empty();
    }
}
