package dev.cutover.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The failure analysis against error texts as the AWS CLI and Terraform print them. */
class ErrorAnalysisTest {
    private final ErrorAnalysis analysis = ErrorAnalysis.load();

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "An error occurred (AccessDenied) when calling the PutBucketPolicy operation: Access Denied|access-denied",
                "An error occurred (AccessDeniedException) when calling the CreateGrant operation: User: arn:aws:sts::111111111111:assumed-role/ops/x is not authorized to perform: kms:CreateGrant|access-denied",
                "An error occurred (UnauthorizedOperation) when calling the ModifyImageAttribute operation: You are not authorized to perform this operation.|access-denied",
                "An error occurred (DBInstanceNotFound) when calling the DescribeDBInstances operation: DBInstance prod-orders not found.|not-found",
                "An error occurred (NoSuchBucket) when calling the ListObjectsV2 operation: The specified bucket does not exist|not-found",
                "An error occurred (ResourceNotFoundException) when calling the DescribeSecret operation: Secrets Manager can't find the specified secret.|not-found",
                "An error occurred (BucketAlreadyOwnedByYou) when calling the CreateBucket operation: Your previous request to create the named bucket succeeded and you already own it.|already-exists",
                "An error occurred (DBInstanceAlreadyExists) when calling the RestoreDBInstanceFromDBSnapshot operation: DB Instance already exists|already-exists",
                "An error occurred (Throttling) when calling the DescribeJob operation (reached max retries: 2): Rate exceeded|rate-limited",
                "An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired|expired-credentials",
                "Error loading SSO Token: Token for my-sso does not exist|expired-credentials",
                "Error: Error acquiring the state lock|terraform-lock",
                "An error occurred (InvalidParameterValue) when calling the ModifyDBSnapshotAttribute operation: Invalid snapshot identifier|validation-error",
                "An error occurred (ValidationException) when calling the StartTaskExecution operation: 1 validation error detected|validation-error",
                "bash: line 1: frobnicate: command not found|program-missing",
                "cutover: the command was not run (exit code 127): Cannot run program \"bash\" (in directory \"/run/terraform/root\"): error=2, No such file or directory|program-missing",
                "something went wrong|unknown"
            })
    void everyRealErrorTextLandsInItsCategory(String stderr, String category) {
        assertThat(analysis.classify(stderr, "prod").category()).isEqualTo(category);
    }

    @Test
    void theAnalysisNamesTheDeniedOperationAndTheProfileWithConcreteNextMoves() {
        ErrorAnalysis.Analysis a = analysis.classify(
                "An error occurred (AccessDenied) when calling the PutBucketPolicy operation: Access Denied",
                "src-admin");

        assertThat(a.explanation()).isEqualTo("src-admin is not allowed to call PutBucketPolicy");
        assertThat(a.resolutions())
                .anyMatch(r -> r.contains("aws sts get-caller-identity --profile src-admin"))
                .anyMatch(r -> r.contains("PutBucketPolicy"));
    }

    @Test
    void anExpiredTokenIsNotMistakenForAccessDenied() {
        assertThat(analysis.classify(
                                "An error occurred (ExpiredTokenException) when calling the X operation: AccessDenied",
                                null)
                        .category())
                .isEqualTo("expired-credentials");
    }
}
