package dev.cutover.shell;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Runs {@code head -c <bytes> /dev/zero} through {@link CommandRunner} in its own (small-heap) JVM and
 * prints one line of figures; exits 0 only if every byte was counted and logged.
 *
 * <p>Usage: {@code BigOutputMain <folder> <bytes>}.
 */
public final class BigOutputMain {
    private BigOutputMain() {}

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        long bytes = Long.parseLong(args[1]);
        CommandRunner runner =
                new CommandRunner(Clock.fixed(Instant.parse("2026-11-21T10:15:30.123Z"), ZoneOffset.UTC));
        CommandRequest request = new CommandRequest(
                "head -c " + bytes + " /dev/zero",
                folder,
                Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")),
                folder.resolve("big.stdout.log"),
                folder.resolve("big.stderr.log"),
                "execute",
                null);
        long started = System.nanoTime();
        CommandResult result = runner.run(request);
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("exit=" + result.exitCode()
                + " stdoutBytes=" + result.stdoutBytes()
                + " truncated=" + result.stdoutTruncated()
                + " tailChars=" + result.stdoutTail().length()
                + " wallMillis=" + wallMillis
                + " peakHeapBytes=" + peakHeapBytes()
                + " maxHeapBytes=" + Runtime.getRuntime().maxMemory());
        System.exit(result.exitCode() == 0 && result.stdoutBytes() == bytes ? 0 : 1);
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
