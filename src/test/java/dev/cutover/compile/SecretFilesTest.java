package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretFilesTest {
    @ParameterizedTest(name = "{0} -> exposed={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "aws secretsmanager put-secret-value --secret-id x --secret-string file://{secret-file} --profile $P|false",
                "cp {secret-file} /vault/db|false",
                "test -s {secret-file}|false",
                "cat {secret-file}|true",
                "cmp -l {secret-file} /vault/db|true",
                "aws s3 cp {secret-file} s3://bucket/k --profile $P|true",
                "test -s /x && cat {secret-file}|true",
                "true|false",
                "cp {secret-file} /dev/stdout|true",
                "cp {secret-file} /dev/stderr|true",
                "cp {secret-file} /dev/tty|true",
                "cp {secret-file} /dev/fd/1|true",
                "cp {secret-file} /proc/self/fd/1|true",
                "cp {secret-file} /proc/4242/fd/2|true",
                "cp {secret-file} /proc/thread-self/fd/1|true",
                "cp -- {secret-file} '/dev/stdout'|true",
                "cp {secret-file} //dev/./stdout|true",
                "cp {secret-file} ../../../../../../dev/stdout|true",
                "cp --target-directory=/dev/fd {secret-file}|true",
                "cp -t /proc/self/fd {secret-file}|true",
                "test -s {secret-file} && cp {secret-file} /dev/stderr|true",
                "cp {secret-file} /vault/dev/stdout.bak|false",
                "cp {secret-file} /proc/self/../self/fd/1|true",
                "cp {secret-file} -t/dev/fd|true",
                "cp {secret-file} execution/dp-phase3-010-x.stdout.log|true",
                "cp {secret-file} /vault/stdout|false"
            })
    void theSecretFileMayOnlyBeReadByTheAwsCliOrNonPrintingPrograms(String command, boolean exposed) {
        assertThat(SecretFiles.exposesSecret(command)).as(command).isEqualTo(exposed);
    }
}
