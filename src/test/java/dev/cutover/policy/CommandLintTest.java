package dev.cutover.policy;

import static dev.cutover.policy.CommandRole.READ;
import static dev.cutover.policy.CommandRole.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLintTest {
    private static final String T = " --profile $MIGRATION_TARGET_PROFILE";
    private static final CommandLint DEFAULT = new CommandLint(AllowedPrograms.upstreamDefault());

    static Stream<Arguments> defaultListVerdicts() {
        return Stream.of(
                // command, role, executable
                Arguments.of("aws ec2 describe-vpcs" + T, READ, true),
                Arguments.of("aws kms list-aliases" + T, READ, true),
                Arguments.of("aws sts get-caller-identity" + T, READ, true),
                Arguments.of("aws s3api head-object --bucket b --key k" + T, READ, true),
                Arguments.of("aws s3 ls s3://b --summarize --recursive" + T + " | tail -2", READ, true),
                Arguments.of("aws s3 sync s3://a s3://b --dryrun" + T, READ, true),
                Arguments.of("aws s3 sync s3://a s3://b" + T, READ, false),
                Arguments.of("aws s3 sync s3://a s3://b" + T, WRITE, true),
                Arguments.of("aws s3 cp s3://a s3://b" + T, READ, false),
                Arguments.of("aws rds modify-db-snapshot-attribute --db-snapshot-identifier s" + T, READ, false),
                Arguments.of("aws rds modify-db-snapshot-attribute --db-snapshot-identifier s" + T, WRITE, true),
                Arguments.of("aws kms list-grants --key-id k" + T + " | grep 222222222222", READ, true),
                Arguments.of("aws kms list-grants --key-id k" + T + " | grep 2 | wc -l", WRITE, true),
                Arguments.of("grep x", READ, false),
                Arguments.of("wc -l", WRITE, false),
                Arguments.of("true", READ, true),
                Arguments.of("true", WRITE, true),
                Arguments.of("dig +short @8.8.8.8 api.example.com | true", WRITE, true),
                Arguments.of("curl -sf https://example.com/health", READ, false),
                Arguments.of("/usr/bin/aws s3 ls" + T, READ, false),
                Arguments.of("./dig x", READ, false),
                Arguments.of(
                        "terraform init -input=false && terraform plan -target=module.db -input=false", READ, true),
                Arguments.of("terraform plan -out=tfplan", READ, false),
                Arguments.of("terraform plan -out tfplan", READ, false),
                Arguments.of("terraform plan -out=tfplan", WRITE, true),
                Arguments.of("terraform show", READ, true),
                Arguments.of("terraform validate", READ, true),
                Arguments.of("terraform output", READ, true),
                Arguments.of("terraform output db_endpoint", READ, true),
                Arguments.of("terraform show -no-color", READ, true),
                Arguments.of("aws s3api get-object --bucket b --key k" + T, WRITE, true),
                Arguments.of(
                        "aws s3api get-object-attributes --bucket b --key k --object-attributes ETag" + T, READ, true),
                Arguments.of("aws ec2 get-password-data --instance-id i" + T, READ, true),
                Arguments.of("aws apigateway get-api-keys --no-include-values" + T, READ, true),
                Arguments.of("terraform state list", READ, true),
                Arguments.of("terraform state show module.db.aws_db_instance.x", READ, true),
                Arguments.of("terraform state rm module.db", READ, false),
                Arguments.of("terraform state rm module.db", WRITE, true),
                Arguments.of("terraform import a b", READ, false),
                Arguments.of("terraform apply -target=module.iam -auto-approve -input=false", WRITE, true),
                Arguments.of("terraform apply -target=module.iam -auto-approve -input=false", READ, false),
                Arguments.of("terraform apply -target module.iam --auto-approve", WRITE, true),
                Arguments.of("terraform apply -target=module.{module} -auto-approve", WRITE, true),
                Arguments.of("terraform destroy -target=module.a -target=module.b -auto-approve", WRITE, true),
                Arguments.of("terraform apply -auto-approve=true -target=module.a", WRITE, true));
    }

    @ParameterizedTest(name = "[{index}] {1} {0} => {2}")
    @MethodSource("defaultListVerdicts")
    void lintDecidesUnderTheUpstreamDefaultList(String command, CommandRole role, boolean executable) {
        LintResult result = DEFAULT.check(command, role);

        assertThat(result.executable()).as(result.reasons().toString()).isEqualTo(executable);
        assertThat(result.reasons().isEmpty()).isEqualTo(executable);
    }

    static Stream<Arguments> refusedWithReason() {
        return Stream.of(
                Arguments.of("aws secretsmanager get-secret-value --secret-id s" + T, "`get-secret-value` is never"),
                Arguments.of("aws secretsmanager batch-get-secret-value --secret-id-list s" + T, "`batch-get-secret"),
                Arguments.of("aws kms decrypt --ciphertext-blob fileb://x" + T, "`decrypt` is never"),
                Arguments.of("aws sts get-session-token" + T, "`get-session-token` is never"),
                Arguments.of("aws ecr get-login-password" + T, "`get-login-password` is never"),
                Arguments.of("aws ecr get-authorization-token" + T, "`get-authorization-token` is never"),
                Arguments.of("aws sso get-role-credentials --role-name r" + T, "`get-role-credentials` is never"),
                Arguments.of("aws ssm get-parameter --name p --with-decryption" + T, "`--with-decryption`"),
                Arguments.of("aws sts assume-role --role-arn r --role-session-name s" + T, "`assume-role` is never"),
                Arguments.of("aws iam create-access-key --user-name u" + T, "`create-access-key` is never"),
                Arguments.of("aws configure export-credentials" + T, "`export-credentials` is never"),
                Arguments.of("aws configure get aws_secret_access_key" + T, "`get` is never"),
                Arguments.of("aws rds generate-db-auth-token --hostname h" + T, "`generate-db-auth-token`"),
                Arguments.of("aws eks get-token --cluster-name c" + T, "`get-token` is never"),
                Arguments.of("aws redshift get-cluster-credentials --cluster-identifier c" + T, "`get-cluster-cred"),
                Arguments.of("aws redshift get-cluster-credentials-with-iam --cluster-identifier c" + T, "with-iam`"),
                Arguments.of("aws redshift-serverless get-credentials --workgroup-name w" + T, "`get-credentials`"),
                Arguments.of("aws lightsail get-instance-access-details --instance-name i" + T, "`get-instance-acc"),
                Arguments.of("aws iam create-service-specific-credential --user-name u" + T, "`create-service-"),
                Arguments.of("aws iam reset-service-specific-credential --user-name u" + T, "`reset-service-"),
                Arguments.of("aws codeartifact get-authorization-token --domain d" + T, "`get-authorization-token`"),
                Arguments.of("aws ecr-public get-login-password" + T, "`get-login-password` is never"),
                Arguments.of("aws apigateway get-api-keys --include-values" + T, "--include-values` is never"),
                Arguments.of("aws apigateway get-api-keys --include-val" + T, "--include-values` is never"),
                Arguments.of("aws apigateway get-api-key --api-key k --include-value" + T, "--include-value` is"),
                Arguments.of(
                        "aws ec2 get-password-data --instance-id i --priv-launch-key k.pem" + T,
                        "--priv-launch-key` is never"),
                Arguments.of("terraform output -json", "terraform output -json is never run"),
                Arguments.of("terraform output -raw db_password", "terraform output -raw is never run"),
                Arguments.of("terraform output --raw=true db_password", "terraform output -raw is never run"),
                Arguments.of("terraform show -json", "terraform show -json is never run"),
                Arguments.of("AWS_PROFILE=prod aws s3 ls" + T, "sets an environment variable"),
                Arguments.of("aws ssm get-parameters --names p --with-decryption=true" + T, "`--with-decryption`"),
                Arguments.of("aws --region eu-west-1 s3 ls" + T, "found `--region`"),
                Arguments.of("aws s3 --recursive ls" + T, "found `--recursive`"),
                Arguments.of("aws s3" + T, "found `--profile`"),
                Arguments.of("aws", "aws needs a service and an operation"),
                Arguments.of("aws s3 ls", "aws needs `--profile"),
                Arguments.of("aws s3 ls" + T + T, "2 `--profile` options"),
                Arguments.of("aws s3 ls --profile=$MIGRATION_TARGET_PROFILE" + T, "2 `--profile` options"),
                Arguments.of("aws s3 ls --profile prod", "found `prod`"),
                Arguments.of("aws s3 ls --profile '$MIGRATION_TARGET_PROFILE'", "found `'$MIGRATION_TARGET_PROFILE'`"),
                Arguments.of("aws s3 ls --profile", "must be followed by"),
                Arguments.of("terraform force-unlock 1234", "force-unlock is never run"),
                Arguments.of("terraform apply -target=module.iam", "needs -auto-approve"),
                Arguments.of("terraform apply -target=module.iam -auto-approve=false", "needs -auto-approve"),
                Arguments.of("terraform apply -target=module.iam -auto-approve -auto-approve=0", "needs -auto-approve"),
                Arguments.of("terraform apply -auto-approve", "at least one -target=module.<name>"),
                Arguments.of("terraform destroy -auto-approve", "at least one -target=module.<name>"),
                Arguments.of(
                        "terraform apply -target=aws_s3_bucket.x -auto-approve", "`aws_s3_bucket.x` is not module"),
                Arguments.of(
                        "terraform apply -target=module.a -target=module.a.aws_x.y -auto-approve",
                        "`module.a.aws_x.y`"),
                Arguments.of("terraform apply -target=module.a -target=aws_x.y -auto-approve", "`aws_x.y` is not"),
                Arguments.of("terraform -chdir=x apply -target=module.a -auto-approve", "found `-chdir=x`"),
                Arguments.of("terraform state -state=x list", "terraform state needs a subcommand"),
                Arguments.of("terraform", "terraform needs a subcommand"),
                Arguments.of("curl -sf https://example.com", "program `curl` is not allowed in a"),
                Arguments.of("/usr/bin/aws s3 ls" + T, "`/usr/bin/aws` is not a bare program name"),
                Arguments.of("aws s3 ls" + T + " | jq .", "program `jq` is not allowed as a pipe stage"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("refusedWithReason")
    void lintRefusesInEveryRoleNamingTheOffence(String command, String reason) {
        for (CommandRole role : CommandRole.values()) {
            LintResult result = DEFAULT.check(command, role);
            assertThat(result.executable()).as(role.toString()).isFalse();
            assertThat(result.reasons()).anySatisfy(r -> assertThat(r).contains(reason));
        }
    }

    static Stream<Arguments> abbreviatedAwsOptions() {
        return Stream.of(
                // the AWS CLI (argparse) reads any unambiguous prefix of a long option as that option
                Arguments.of("aws s3 rm s3://b --recursive" + T + " --prof prod-admin", "--profile"),
                Arguments.of("aws s3 ls s3://b" + T + " --prof=prod-admin", "--profile"),
                Arguments.of("aws s3 ls s3://b --p $MIGRATION_TARGET_PROFILE", "--profile"),
                Arguments.of("aws s3 ls s3://b" + T + " \"--profil\" prod-admin", "--profile"),
                Arguments.of("aws ssm get-parameter --name /db/password --with-decrypt" + T, "--with-decryption"),
                Arguments.of("aws ssm get-parameters --names p --with-d=true" + T, "--with-decryption"),
                Arguments.of("aws s3 sync s3://a s3://b --dry" + T, "--dryrun"),
                Arguments.of("aws rds describe-db-instances --que x" + T, "--query"),
                Arguments.of("aws rds describe-db-instances --out json" + T, "--output"),
                Arguments.of("aws s3control describe-job --account 1 --job-id j" + T, "--account-id"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("abbreviatedAwsOptions")
    void lintRefusesAbbreviationsOfTheAwsOptionsItChecks(String command, String option) {
        for (CommandRole role : CommandRole.values()) {
            LintResult result = DEFAULT.check(command, role);
            assertThat(result.executable()).as(role.toString()).isFalse();
            assertThat(result.reasons()).anySatisfy(r -> assertThat(r).contains("spell `" + option + "` in full"));
        }
    }

    @Test
    void abbreviatedWithDecryptionIsRefusedLikeTheFullOption() {
        LintResult result =
                DEFAULT.check("aws ssm get-parameter --name /db/password --with-decrypt" + T, CommandRole.READ);

        assertThat(result.reasons()).contains("aws `--with-decryption` is never allowed: it would print secret values");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "aws s3api get-object --bucket b --key k journal.jsonl",
                "aws s3api get-object-torrent --bucket b --key k out",
                "aws glacier get-job-output --account-id - --vault-name v --job-id j out",
                "aws apigateway get-export --rest-api-id a --stage-name s --export-type swagger out.json"
            })
    void readCommandsMayNotDownloadIntoALocalFile(String command) {
        LintResult result = DEFAULT.check(command + T, READ);

        assertThat(result.executable()).isFalse();
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).contains("writes a local file"));
    }

    @Test
    void lintKeepsOptionsThatOnlyShareAPrefixWithACheckedOne() {
        assertThat(DEFAULT.check("aws ec2 describe-instances --output-format x --dry-run" + T, READ)
                        .executable())
                .as("longer names and `--dry-run` are other options, not abbreviations")
                .isTrue();
        assertThat(DEFAULT.check("aws s3 ls s3://b --recursive --page-size 10" + T, READ)
                        .executable())
                .isTrue();
    }

    @Test
    void onlyProgramsTheAllowListRefusesAreNamedAsNotAllowed() {
        assertThat(DEFAULT.check("aws s3 ls" + T + " | jq . | sort", READ).notAllowed())
                .containsExactly("jq", "sort");
        assertThat(DEFAULT.check("/usr/bin/aws s3 ls" + T, READ).notAllowed())
                .as("a path is refused for not being a bare name; listing it would not help")
                .isEmpty();
        assertThat(DEFAULT.check("aws s3 rm s3://b/k" + T, READ).notAllowed())
                .as("aws is allowed; its rules refuse the call")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "aws s3 ls" + T + "; true",
                "aws s3 ls" + T + " > out",
                "aws s3 ls" + T + " < in",
                "aws s3 ls" + T + " & true",
                "aws s3 ls" + T + " || true",
                "aws s3 ls s3://b/*" + T,
                "aws s3 ls $BUCKET" + T,
                "aws s3 ls \"$BUCKET\"" + T,
                "aws s3 ls `echo b`" + T,
                "aws s3 ls $(echo b)" + T,
                "aws s3 ls ~/x" + T,
                "aws s3 ls a\\ b" + T,
                "aws s3 ls (x)" + T,
                "aws s3 ls #" + T,
                "aws s3 ls ..." + T,
                "aws s3 ls {a,b}" + T,
                "aws s3 ls 'x" + T,
                "aws s3 ls\n" + T
            })
    void lintRefusesForbiddenSyntaxEvenForAllowedPrograms(String command) {
        assertThat(DEFAULT.check(command, WRITE).executable()).isFalse();
        assertThat(DEFAULT.check(command, READ).reasons()).isNotEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "tail -n 5 /home/u/.aws/credentials",
                "tail /etc/passwd",
                "tail -n 5 -- /etc/passwd",
                "tail -",
                "tail -f /var/log/x",
                "grep -r . /root/.aws",
                "grep -r x",
                "grep -R x",
                "grep -rn x",
                "grep --recursive x",
                "grep --rec x",
                "grep -d recurse x",
                "grep -f /root/.aws/credentials",
                "grep --file=/root/.aws/credentials",
                "grep --include=credentials x",
                "grep x /etc/passwd",
                "grep -e x /etc/passwd",
                "grep --regexp=x /etc/passwd",
                "grep -- x /etc/passwd",
                "wc -l /etc/passwd",
                "wc --files0-from=/root/list"
            })
    void freeFilterStagesMayOnlyReadTheirStandardInput(String filter) {
        String command = "aws s3 ls" + T + " | " + filter;
        for (CommandRole role : CommandRole.values()) {
            LintResult result = DEFAULT.check(command, role);

            assertThat(result.executable()).as(role.toString()).isFalse();
            assertThat(result.reasons()).anySatisfy(r -> assertThat(r).contains("may only read its standard input"));
            assertThat(result.notAllowed()).isEmpty();
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "grep x",
                "grep -x target/demo-data",
                "grep -qx 'a b'",
                "grep -c -i /root/.aws",
                "grep -e x",
                "grep -e x -e y",
                "grep -ie x",
                "grep --regexp=x",
                "grep -- -x",
                "grep -m 1 x",
                "grep -m1 -v x",
                "wc",
                "wc -l",
                "wc --lines",
                "tail -2",
                "tail -n 5",
                "tail -n +2",
                "tail -n5",
                "tail -c 100",
                "tail --lines=3"
            })
    void freeFilterStagesReadingStandardInputAreExecutable(String filter) {
        LintResult result = DEFAULT.check("aws s3 ls" + T + " | " + filter, READ);

        assertThat(result.executable()).as(result.reasons().toString()).isTrue();
    }

    @Test
    void aListedFilterFollowsTheNormalRules() {
        CommandLint flat = new CommandLint(AllowedPrograms.flat(List.of("dig", "grep", "tail")));
        CommandLint structured = new CommandLint(AllowedPrograms.structured(List.of("grep"), List.of("cp")));

        assertThat(flat.check("dig x | grep -r x service", WRITE).executable()).isTrue();
        assertThat(flat.check("dig x | tail -n 1 service/log", READ).executable())
                .isTrue();
        assertThat(structured.check("cp a b | grep -r x service", WRITE).executable())
                .isTrue();
        assertThat(structured.check("cp a b | wc -l service/log", WRITE).executable())
                .isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "timeout 60 aws secretsmanager get-secret-value --secret-id s" + T,
                "nice aws rds delete-db-instance --db-instance-identifier d",
                "nice -n 10 aws s3 ls" + T,
                "nohup terraform force-unlock 1234",
                "command aws sts get-session-token" + T,
                "exec aws s3 ls" + T,
                "setsid aws s3 ls" + T,
                "stdbuf -oL aws s3 ls" + T,
                "ionice -c 3 aws s3 ls" + T,
                "env aws s3 ls" + T,
                "xargs aws s3 ls" + T,
                "sudo -u root aws s3 ls" + T,
                "doas aws s3 ls" + T,
                "time aws s3 ls" + T,
                "eval aws s3 ls" + T
            })
    void wrapperStagesAreRefusedEvenWhenListed(String command) {
        CommandLint lint = new CommandLint(AllowedPrograms.flat(List.of(
                "aws",
                "terraform",
                "timeout",
                "nice",
                "nohup",
                "command",
                "exec",
                "setsid",
                "stdbuf",
                "ionice",
                "env",
                "xargs",
                "sudo",
                "doas",
                "time",
                "eval")));
        String program = command.substring(0, command.indexOf(' '));
        for (CommandRole role : CommandRole.values()) {
            LintResult result = lint.check(command, role);

            assertThat(result.executable()).as(role.toString()).isFalse();
            assertThat(result.reasons())
                    .anySatisfy(r -> assertThat(r)
                            .startsWith("`" + program + "` runs another program")
                            .contains("run the program directly: Cutover checks aws/terraform commands only when"
                                    + " they are the stage's program"));
            assertThat(result.notAllowed()).isEmpty();
        }
        assertThat(lint.check("aws s3 ls" + T + " | " + command, READ).executable())
                .as("a wrapper is refused as a pipe stage too")
                .isFalse();
    }

    @Test
    void lintListsProgramsInOrder() {
        LintResult result = DEFAULT.check("terraform init && aws s3 ls" + T + " | grep x | wc -l", READ);

        assertThat(result.programs()).containsExactly("terraform", "aws", "grep", "wc");
    }

    @Test
    void flatListAllowsItsProgramsAnywhereInAnyRole() {
        CommandLint lint = new CommandLint(AllowedPrograms.flat(List.of("cp", "diff", "jq")));

        for (CommandRole role : CommandRole.values()) {
            assertThat(lint.check("cp a b", role).executable()).isTrue();
            assertThat(lint.check("diff a b | jq .", role).executable()).isTrue();
            assertThat(lint.check("true", role).executable()).isTrue();
            assertThat(lint.check("dig x", role).executable()).isFalse();
            assertThat(lint.check("aws s3 ls" + T, role).executable()).isFalse();
        }
    }

    @Test
    void structuredListSeparatesReadAndWritePrograms() {
        CommandLint lint = new CommandLint(AllowedPrograms.structured(List.of("jq", "curl"), List.of("cp")));

        assertThat(lint.check("curl -sf https://x/health", READ).executable()).isTrue();
        assertThat(lint.check("curl -sf https://x/health", WRITE).executable()).isFalse();
        assertThat(lint.check("cp a b", WRITE).executable()).isTrue();
        assertThat(lint.check("cp a b", READ).executable()).isFalse();
        assertThat(lint.check("cp a b | jq .", WRITE).executable()).isTrue();
        assertThat(lint.check("jq . | cp a b", READ).executable()).isFalse();
        assertThat(lint.check("cp a b | grep x | tail -1 | wc -l", WRITE).executable())
                .isTrue();
    }

    @Test
    void structuredAwsServesEveryRoleUnderBuiltInClasses() {
        CommandLint lint = new CommandLint(AllowedPrograms.structured(List.of("aws", "terraform"), List.of()));

        assertThat(lint.check("aws rds promote-read-replica --db-instance-identifier d" + T, WRITE)
                        .executable())
                .isTrue();
        assertThat(lint.check("aws rds promote-read-replica --db-instance-identifier d" + T, READ)
                        .executable())
                .isFalse();
        assertThat(lint.check("terraform apply -target=module.a -auto-approve", WRITE)
                        .executable())
                .isTrue();
        assertThat(lint.check("aws secretsmanager get-secret-value --secret-id s" + T, READ)
                        .executable())
                .isFalse();
    }

    @Test
    void lintAcceptsOpenPlaceholdersAsPlainWords() {
        LintResult result =
                DEFAULT.check("aws s3control describe-job --account-id {target-acct} --job-id {job-id}" + T, READ);

        assertThat(result.executable()).as(result.reasons().toString()).isTrue();
    }

    @Test
    void lintAcceptsProfileInDoubleQuotesOrEqualsForm() {
        assertThat(DEFAULT.check("aws s3 ls --profile \"$MIGRATION_SOURCE_PROFILE\"", READ)
                        .executable())
                .isTrue();
        assertThat(DEFAULT.check("aws s3 ls --profile=$MIGRATION_SOURCE_PROFILE", READ)
                        .executable())
                .isTrue();
        assertThat(DEFAULT.check("aws s3 ls --profile=\"$MIGRATION_TARGET_PROFILE\"", READ)
                        .executable())
                .isTrue();
    }

    @Test
    void lintRequiresAProfileOnEveryAwsStage() {
        LintResult result = DEFAULT.check("aws s3 ls" + T + " && aws s3 ls", READ);

        assertThat(result.executable()).isFalse();
        assertThat(result.reasons())
                .containsExactly(
                        "aws needs `--profile $MIGRATION_SOURCE_PROFILE` or `--profile $MIGRATION_TARGET_PROFILE`");
    }
}
