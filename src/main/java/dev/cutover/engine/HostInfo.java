package dev.cutover.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The name of the machine this process runs on, recorded in {@code RUNNING.lock} and compared on probe. */
@FunctionalInterface
public interface HostInfo {
    /** Where Linux keeps the name {@code gethostname(2)} returns (the UTS namespace's node name). */
    Path KERNEL_HOST_NAME = Path.of("/proc/sys/kernel/hostname");

    /** This host's name, never blank. */
    String hostName();

    /**
     * This host's name as the kernel knows it, without any name lookup; elsewhere than Linux the JDK's local
     * host name; then {@code $HOSTNAME}, then {@code localhost}.
     */
    static HostInfo system(Map<String, String> env) {
        return system(env, KERNEL_HOST_NAME);
    }

    /** As {@link #system(Map)}, reading the kernel's name from {@code kernelHostName} (tests point it elsewhere). */
    static HostInfo system(Map<String, String> env, Path kernelHostName) {
        // Once: the name written to the lock must be the name compared later.
        String name = readName(kernelHostName).orElseGet(() -> lookUp(env));
        return () -> name;
    }

    /**
     * The kernel's name, read from a file rather than asked of {@code InetAddress.getLocalHost()}: that call also
     * resolves the name, and a cutover may be the very thing that breaks name resolution (the DNS switch). When
     * the lookup failed, the name used to fall back to {@code $HOSTNAME} (which bash does not export) or
     * {@code localhost}, so a {@code --resume} after a crash saw its own lock as another host's and refused it as
     * live; a lookup that hangs would stall every command for the resolver's timeout.
     */
    private static Optional<String> readName(Path kernelHostName) {
        try {
            String name = new String(Files.readAllBytes(kernelHostName), StandardCharsets.UTF_8).strip();
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (IOException | SecurityException e) {
            return Optional.empty(); // not Linux, or /proc not mounted: ask the JDK instead
        }
    }

    private static String lookUp(Map<String, String> env) {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (name != null && !name.isBlank()) {
                return name;
            }
        } catch (UnknownHostException e) {
            // A machine without a resolvable name still needs a stable label for the lock file.
        }
        String fromEnv = env.getOrDefault("HOSTNAME", "").strip();
        return fromEnv.isEmpty() ? "localhost" : fromEnv;
    }
}
