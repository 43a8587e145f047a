package dev.cutover.policy;

import static dev.cutover.policy.CommandRole.READ;
import static dev.cutover.policy.CommandRole.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Command strings in the style of the upstream example checklists, under the upstream default list. */
class UpstreamCommandsTest {
    private static final CommandLint LINT = new CommandLint(AllowedPrograms.upstreamDefault());

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("aws s3control create-job ... --profile $MIGRATION_TARGET_PROFILE", WRITE, false),
                Arguments.of("(set parameter group default_transaction_read_only=on; revoke writes)", WRITE, false),
                Arguments.of(
                        "aws route53 change-resource-record-sets ... (alias -> target ALB) --profile"
                                + " $MIGRATION_TARGET_PROFILE",
                        WRITE,
                        false),
                Arguments.of(
                        "aws s3api put-bucket-policy ... (deny s3:PutObject) --profile $MIGRATION_SOURCE_PROFILE",
                        WRITE,
                        false),
                Arguments.of("aws s3api put-bucket-policy (deny writes)", WRITE, false),
                Arguments.of("set default_transaction_read_only=on", WRITE, false),
                Arguments.of(
                        "aws lambda update-function-code ... && aws cognito-idp update-user-pool --user-pool-id"
                                + " <target-pool-id> --lambda-config UserMigration=<target-lambda-arn> --profile"
                                + " $MIGRATION_TARGET_PROFILE",
                        WRITE,
                        false),
                Arguments.of("terraform apply -target=module.iam", WRITE, false),
                Arguments.of("terraform apply -target=module.iam -auto-approve -input=false", WRITE, true),
                Arguments.of("terraform plan", READ, true),
                Arguments.of("curl -sf https://<target-alb-dns>/health", READ, false),
                Arguments.of(
                        "kubectl --context target get deploy -A --no-headers | wc -l  # compare to source snapshot",
                        READ,
                        false),
                Arguments.of("dig +short @8.8.8.8 api.example.com", READ, true),
                Arguments.of("aws ec2 describe-vpcs --profile $MIGRATION_TARGET_PROFILE", READ, true),
                Arguments.of("aws sts get-caller-identity --profile $MIGRATION_TARGET_PROFILE", READ, true),
                Arguments.of("aws s3 ls --profile $MIGRATION_TARGET_PROFILE", READ, true),
                Arguments.of("aws s3control describe-job --job-id <id>", READ, false),
                Arguments.of(
                        "aws cognito-idp describe-user-pool --user-pool-id <target-pool-id> --query"
                                + " 'UserPool.LambdaConfig.UserMigration'",
                        READ,
                        false),
                Arguments.of(
                        "aws kms create-grant --key-id abc-def-key-2 --grantee-principal <target-role> --operations"
                                + " Decrypt --profile $MIGRATION_SOURCE_PROFILE",
                        WRITE,
                        true),
                Arguments.of(
                        "aws secretsmanager put-secret-value --secret-id prod/orders/db --secret-string"
                                + " file://<operator-supplied> --profile $MIGRATION_TARGET_PROFILE",
                        WRITE,
                        true),
                Arguments.of(
                        "aws rds restore-db-instance-from-db-snapshot ... --kms-key-id <target-key> --profile"
                                + " $MIGRATION_TARGET_PROFILE",
                        WRITE,
                        false));
    }

    @ParameterizedTest(name = "[{index}] {1} {0} => {2}")
    @MethodSource("commands")
    void upstreamStyleCommandsGetTheExpectedVerdict(String command, CommandRole role, boolean executable) {
        LintResult result = LINT.check(command, role);

        assertThat(result.executable()).as(result.reasons().toString()).isEqualTo(executable);
    }

    @Test
    void pollCommandBecomesExecutableOnceNormalized() {
        String poll = CommandNormalizer.normalize(
                Placeholders.substitute("aws s3control describe-job --job-id <id>", java.util.Map.of(), true)
                        .text(),
                new CommandNormalizer.Options(READ, true, "'Job.Status'", "$MIGRATION_TARGET_PROFILE"));

        assertThat(poll)
                .isEqualTo("aws s3control describe-job --job-id {job-id} --query 'Job.Status' --output text"
                        + " --account-id {target-acct} --profile $MIGRATION_TARGET_PROFILE");
        assertThat(LINT.check(poll, READ).executable()).isTrue();
    }

    @Test
    void elidedCommandNamesTheElisionAsTheReason() {
        assertThat(LINT.check("aws s3control create-job ... --profile $MIGRATION_TARGET_PROFILE", WRITE)
                        .reasons())
                .containsExactly("`...` marks elided arguments");
    }

    @Test
    void firstAwsProfileReadsTheFirstAwsStage() {
        assertThat(CommandFacts.firstAwsProfile(
                        "terraform init && aws s3 ls --profile \"$MIGRATION_SOURCE_PROFILE\" && aws s3 ls --profile"
                                + " $MIGRATION_TARGET_PROFILE"))
                .contains("$MIGRATION_SOURCE_PROFILE");
        assertThat(CommandFacts.firstAwsProfile("aws s3 ls --profile=$MIGRATION_TARGET_PROFILE"))
                .contains("$MIGRATION_TARGET_PROFILE");
        assertThat(CommandFacts.firstAwsProfile("aws s3 ls --profile '$MIGRATION_TARGET_PROFILE'"))
                .isEmpty();
        assertThat(CommandFacts.firstAwsProfile("aws s3 ls --profile prod")).isEmpty();
        assertThat(CommandFacts.firstAwsProfile("dig x")).isEmpty();
        assertThat(CommandFacts.firstProgram("dig x | grep y")).contains("dig");
    }
}
