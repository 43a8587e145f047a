package dev.cutover.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/** The name of the machine this process runs on, recorded in {@code RUNNING.lock} and compared on probe. */
@FunctionalInterface
public interface HostInfo {
    /** This host's name, never blank. */
    String hostName();

    /** The real host name, falling back to {@code $HOSTNAME}, then {@code localhost}. */
    static HostInfo system(Map<String, String> env) {
        String name = lookUp(env); // once: the name written to the lock must be the name compared later
        return () -> name;
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
