package dev.cutover.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the memory bound: 1 GiB of stdout through the runner in a child JVM limited to a 64 MiB heap. */
@Tag("big-output")
class BigOutputTest {
    static final long GIB = 1L << 30;
    static final String START = "==== 2026-11-21T10:15:30.123Z execute start ====\n";
    // The output ends in a NUL, not a newline, so the runner ends the line before the frame.
    static final String END = "\n==== 2026-11-21T10:15:30.123Z execute exit=0 ====\n";

    @TempDir
    Path dir;

    @Test
    void oneGibibyteOfStdoutStreamsToTheLogWithinA64MibHeap() throws Exception {
        Process child = new ProcessBuilder(javaCommand(dir, GIB))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.out").toFile())
                .start();
        boolean ended = child.waitFor(5, TimeUnit.MINUTES);
        String report = Files.readString(dir.resolve("child.out"));
        if (!ended) {
            child.destroyForcibly().waitFor();
        }

        assertThat(child.exitValue()).as(report).isZero();
        assertThat(report).contains("stdoutBytes=" + GIB, "truncated=true", "maxHeapBytes=");
        Path log = dir.resolve("big.stdout.log");
        assertThat(Files.size(log)).isEqualTo(START.length() + GIB + END.length());
        assertThat(readAt(log, 0, START.length())).isEqualTo(START);
        assertThat(readAt(log, Files.size(log) - END.length(), END.length())).isEqualTo(END);
        // Printed so the figures (wall time, peak heap) are visible in the surefire output.
        System.out.println("big-output child: " + report.strip());
    }

    private static List<String> javaCommand(Path dir, long bytes) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Only the two class folders: the shell package needs nothing but dev.cutover.error and the JDK.
        String classpath = location(CommandRunner.class) + File.pathSeparator + location(BigOutputMain.class);
        return List.of(
                java,
                "-Xmx64m",
                "-XX:+UseSerialGC",
                "-cp",
                classpath,
                BigOutputMain.class.getName(),
                dir.toString(),
                Long.toString(bytes));
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }

    private static String readAt(Path file, long offset, int length) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[length];
            raf.seek(offset);
            raf.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
