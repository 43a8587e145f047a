package dev.cutover.policy;

import static dev.cutover.policy.CommandRole.READ;
import static dev.cutover.policy.CommandRole.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.policy.CommandNormalizer.Options;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandNormalizerTest {
    private static final String T = "$MIGRATION_TARGET_PROFILE";
    private static final Options POLL = new Options(READ, true, "'Job.Status'", T);
    private static final Options VERIFY = new Options(READ, false, null, T);
    private static final Options EXECUTE = new Options(WRITE, false, null, T);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "aws s3control describe-job --job-id <id>",
                        POLL,
                        "aws s3control describe-job --job-id <id> --query 'Job.Status' --output text"
                                + " --account-id {target-acct} --profile " + T),
                Arguments.of(
                        "aws rds describe-db-instances --db-instance-identifier prod-orders",
                        POLL,
                        "aws rds describe-db-instances --db-instance-identifier prod-orders --query 'Job.Status'"
                                + " --output text --profile " + T),
                Arguments.of(
                        "aws rds describe-db-instances --query=X --output json --profile $MIGRATION_SOURCE_PROFILE",
                        POLL,
                        "aws rds describe-db-instances --query=X --output json --profile $MIGRATION_SOURCE_PROFILE"),
                Arguments.of(
                        "aws s3control describe-job --account-id 1 --job-id j",
                        new Options(READ, true, null, null),
                        "aws s3control describe-job --account-id 1 --job-id j --output text"),
                Arguments.of(
                        "aws kms list-grants --key-id k | grep {target-acct}",
                        VERIFY,
                        "aws kms list-grants --key-id k --profile " + T + " | grep {target-acct}"),
                Arguments.of(
                        "aws s3 ls s3://a  |  tail -2 && aws s3 ls s3://b",
                        VERIFY,
                        "aws s3 ls s3://a --profile " + T + "  |  tail -2 && aws s3 ls s3://b --profile " + T),
                Arguments.of(
                        "aws rds promote-read-replica --db-instance-identifier d",
                        EXECUTE,
                        "aws rds promote-read-replica --db-instance-identifier d"),
                Arguments.of(
                        "terraform init && terraform plan -target=module.{module}",
                        VERIFY,
                        "terraform init -input=false && terraform plan -target=module.{module} -input=false"),
                Arguments.of(
                        "terraform apply -target=module.x -auto-approve -input=true",
                        EXECUTE,
                        "terraform apply -target=module.x -auto-approve -input=true"),
                Arguments.of(
                        "terraform destroy -target=module.x",
                        EXECUTE,
                        "terraform destroy -target=module.x -input=false"),
                Arguments.of("terraform show && terraform validate", VERIFY, "terraform show && terraform validate"),
                Arguments.of("dig +short @8.8.8.8 {record-name}", POLL, "dig +short @8.8.8.8 {record-name}"),
                Arguments.of("grep aws | wc -l", POLL, "grep aws | wc -l"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void normalizerAppendsRequiredOptionsAtTheEndOfEachStage(String command, Options options, String expected) {
        assertThat(CommandNormalizer.normalize(command, options)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void normalizingTwiceEqualsNormalizingOnce(String command, Options options, String ignored) {
        String once = CommandNormalizer.normalize(command, options);

        assertThat(CommandNormalizer.normalize(once, options)).isEqualTo(once);
    }
}
