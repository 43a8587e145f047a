package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.testing.RunDirFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What compile prints for a cutover.yaml that is not UTF-8: position, encoding, fix, and a next step that fits. */
class InputEncodingCliTest {
    @TempDir
    Path tmp;

    @Test
    void aBadByteInCutoverYamlIsReportedWhereItIsWithAnEncodingFixAndNothingIsWritten() throws Exception {
        Path dir = RunDirFixtures.copy("complete", tmp.resolve("run"));
        Path config = dir.resolve("cutover.yaml");
        Files.write(config, "environment: sandbox\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.write(config, new byte[] {'#', ' ', (byte) 0xFF, '\n'}, StandardOpenOption.APPEND);
        List<String> before = RunDirFixtures.snapshot(dir);

        CliRunner.Result r = CliRunner.run("compile", "--run-dir", dir.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains("cutover.yaml: is not valid UTF-8: bad byte 0xFF at line 2, column 3 (byte offset 23)")
                .contains("fix: save the file as UTF-8")
                .doesNotContain("CharConversionException", "line 1, column 1", "missing comma", "the key named");
        assertThat(RunDirFixtures.snapshot(dir)).isEqualTo(before);
    }
}
