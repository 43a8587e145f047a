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
                "true|false"
            })
    void theSecretFileMayOnlyBeReadByTheAwsCliOrNonPrintingPrograms(String command, boolean exposed) {
        assertThat(SecretFiles.exposesSecret(command)).isEqualTo(exposed);
    }
}
