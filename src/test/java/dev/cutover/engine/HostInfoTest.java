package dev.cutover.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host name in the run lock: the kernel's, read without a name lookup, and read once. */
class HostInfoTest {
    @TempDir
    Path dir;

    @Test
    void theKernelsNameWinsOverTheEnvironment() throws IOException {
        Path file = Files.writeString(dir.resolve("hostname"), "cutover-db-01\n");

        assertThat(HostInfo.system(Map.of("HOSTNAME", "elsewhere"), file).hostName())
                .isEqualTo("cutover-db-01");
    }

    @Test
    void theNameIsReadOnceSoTheLockAndTheProbeAgree() throws IOException {
        Path file = Files.writeString(dir.resolve("hostname"), "before\n");
        HostInfo host = HostInfo.system(Map.of(), file);

        Files.writeString(file, "after\n");

        assertThat(host.hostName()).isEqualTo("before");
    }

    @Test
    void aMissingOrBlankKernelNameFallsBackToTheSameNonBlankName() throws IOException {
        Path blank = Files.writeString(dir.resolve("blank"), " \n");
        Map<String, String> env = Map.of("HOSTNAME", "from-env");

        String missing = HostInfo.system(env, dir.resolve("absent")).hostName();

        assertThat(missing).isNotBlank();
        assertThat(HostInfo.system(env, blank).hostName()).isEqualTo(missing);
    }

    @Test
    void onLinuxTheNameIsTheOneUnameReports() throws Exception {
        assumeTrue(Files.isReadable(HostInfo.KERNEL_HOST_NAME), "not Linux: no " + HostInfo.KERNEL_HOST_NAME);
        Process uname =
                new ProcessBuilder("uname", "-n").redirectErrorStream(true).start();
        assertThat(uname.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String expected = new String(uname.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(HostInfo.system(Map.of("HOSTNAME", "not-this")).hostName()).isEqualTo(expected);
    }
}
