package dev.cutover.shell;

import dev.cutover.digest.Sha256;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What identifies a command Cutover is about to start, before its pid exists: the SHA-256 of bash's arguments,
 * its working directory and its two logs. A {@link RunningMarker} written before the start carries it, so that
 * {@code --resume} can still find the command if Cutover died before the pid was recorded.
 *
 * <p>Both ways of finding it read Linux's {@code /proc}, and only on resume (a scan of every process is far too
 * slow for each command's path):
 *
 * <ul>
 *   <li>a process whose arguments after argv[0] are bash's, in that working directory: bash itself;
 *   <li>a process whose stdout or stderr is one of the logs: bash <em>replaced</em> by the command (bash execs a
 *       lone simple command such as {@code aws ...}, which keeps bash's pid and descriptors but not its
 *       arguments), or a process it started that inherited them.
 * </ul>
 *
 * @param argumentsSha256 hex SHA-256 of bash's arguments after argv[0], each followed by NUL (as in
 *     {@code /proc/PID/cmdline})
 * @param workingDirectory the command's cwd, absolute
 * @param stdoutLog the log the command's stdout is appended to, absolute
 * @param stderrLog the log the command's stderr is appended to, absolute
 */
public record LaunchSignature(String argumentsSha256, Path workingDirectory, Path stdoutLog, Path stderrLog) {

    /** The signature of {@code request} as {@link CommandRunner} starts it. */
    static LaunchSignature of(CommandRequest request) {
        List<String> arguments = CommandRunner.bashArguments(request.command());
        return new LaunchSignature(
                sha256(arguments.subList(1, arguments.size())),
                request.workingDirectory().toAbsolutePath(),
                request.stdoutLog().toAbsolutePath(),
                request.stderrLog().toAbsolutePath());
    }

    /** The marker fields: {@code args=<sha256> cwd=<path> out=<path> err=<path>}, paths URL-encoded (no spaces). */
    String fields() {
        return "args=" + argumentsSha256 + " cwd=" + encode(workingDirectory) + " out=" + encode(stdoutLog) + " err="
                + encode(stderrLog);
    }

    /** Parses the four fields written by {@link #fields()}; empty when they are not exactly those. */
    static Optional<LaunchSignature> parse(String[] fields) {
        if (fields.length != 4
                || !fields[0].matches("args=[0-9a-f]{64}")
                || !fields[1].startsWith("cwd=")
                || !fields[2].startsWith("out=")
                || !fields[3].startsWith("err=")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LaunchSignature(
                    fields[0].substring("args=".length()),
                    decode(fields[1].substring("cwd=".length())),
                    decode(fields[2].substring("out=".length())),
                    decode(fields[3].substring("err=".length()))));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a malformed %-escape or a path that is not one
        }
    }

    /** The earliest-started live process that is this command (or one it started still writing its logs). */
    Optional<ProcessHandle> findLive() {
        Set<Path> logs = new HashSet<>();
        real(stdoutLog).ifPresent(logs::add);
        real(stderrLog).ifPresent(logs::add);
        Optional<Path> cwd = real(workingDirectory);
        long self = ProcessHandle.current().pid();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.pid() != self)
                    .filter(p -> writesTo(p, logs) || runsBashHere(p, cwd))
                    .filter(ProcessHandle::isAlive)
                    .min(Comparator.comparing(
                            (ProcessHandle p) -> p.info().startInstant().orElse(Instant.MAX)));
        }
    }

    private static boolean writesTo(ProcessHandle process, Set<Path> logs) {
        return !logs.isEmpty() && (logs.contains(descriptor(process, 1)) || logs.contains(descriptor(process, 2)));
    }

    private boolean runsBashHere(ProcessHandle process, Optional<Path> cwd) {
        return cwd.isPresent()
                && process.info()
                        .arguments()
                        .map(arguments -> sha256(List.of(arguments)).equals(argumentsSha256))
                        .orElse(false)
                && cwd.equals(link(Path.of("/proc", Long.toString(process.pid()), "cwd")));
    }

    private static Path descriptor(ProcessHandle process, int fd) {
        return link(Path.of("/proc", Long.toString(process.pid()), "fd", Integer.toString(fd)))
                .orElse(null);
    }

    private static Optional<Path> link(Path procLink) {
        try {
            return Optional.of(Files.readSymbolicLink(procLink));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty(); // gone, another user's, or no /proc: not a process we can tell is ours
        }
    }

    private static Optional<Path> real(Path path) {
        try {
            // /proc shows resolved paths: compare like with like.
            return Optional.of(path.toRealPath());
        } catch (IOException e) {
            return Optional.empty(); // never created: nothing can be writing it
        }
    }

    private static String sha256(List<String> arguments) {
        MessageDigest digest = Sha256.newDigest();
        for (String argument : arguments) {
            digest.update((argument + "\0").getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(digest);
    }

    private static String encode(Path path) {
        return URLEncoder.encode(path.toString(), StandardCharsets.UTF_8);
    }

    private static Path decode(String text) {
        return Path.of(URLDecoder.decode(text, StandardCharsets.UTF_8));
    }
}
