package dev.cutover.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeValueTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "file:///root/.aws/credentials",
                "fileb:///root/.aws/credentials",
                "FILE:///etc/passwd",
                "FileB://relative/key.pem",
                "file://"
            })
    void valuesTheAwsCliWouldReadAsALocalFileAreRefused(String value) {
        assertThat(SafeValue.isSafe(value)).isFalse();
        assertThat(SafeValue.problem(value))
                .hasValueSatisfying(p -> assertThat(p).contains("file://").contains("would read"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/root/file://x", "files://x", "file:/x", "filebased-name", "s3://bucket/file://x"})
    void valuesThatOnlyMentionFilesStaySafe(String value) {
        assertThat(SafeValue.isSafe(value)).isTrue();
        assertThat(SafeValue.problem(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "-x", "$HOME", ""})
    void unsafeCharactersAreStillNamedAsSuch(String value) {
        assertThat(SafeValue.problem(value)).hasValue("contains characters unsafe in a shell command");
    }
}
