package dev.cutover.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cutover as a child process the way an operator runs it: through the {@code ./cutover} launcher next to the
 * jar's {@code target/} folder (its JVM options and class-data sharing archive; extra JVM options go in
 * {@code CUTOVER_JAVA_OPTS}, which the launcher puts last), or {@code java -jar} with the given options alone
 * ({@link #runPlain}, the JVM's defaults); stdin {@code /dev/null}. Wall time from start to exit, and optionally
 * the peak RSS of that JVM read from {@code /proc/<pid>/status} (VmHWM, the kernel's high-water mark, re-read
 * every few milliseconds until exit; the launcher {@code exec}s java, so the pid is the JVM's).
 */
final class JarRunner {
    private static final Pattern VM_HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");
    private static final long PATIENCE_MINUTES = 10;

    private final Path jar;
    private final Path launcher;
    private final Path logs;
    private int runs;

    /** @param logs where each run's stdout and stderr are kept (created) */
    JarRunner(Path jar, Path logs) {
        this.jar = jar.toAbsolutePath();
        this.launcher = launcherOf(this.jar);
        this.logs = logs;
    }

    /** The checkout's {@code ./cutover} when {@code jar} is its {@code target/cutover.jar}. */
    static Path launcherOf(Path jar) {
        Path launcher = jar.getParent().getParent().resolve("cutover");
        if (!jar.getFileName().toString().equals("cutover.jar") || !Files.isRegularFile(launcher)) {
            throw new IllegalStateException("no ./cutover launcher next to " + jar + "'s folder");
        }
        return launcher;
    }

    /** Lets the launcher make its class-data sharing archive (first run of a jar) before anything is timed. */
    Run prepareLauncher() throws IOException, InterruptedException {
        return run(List.of(), false, "--version").expectExit(0, "./cutover --version");
    }

    /**
     * One finished run: exit code, wall time, when it started and ended (to place journal timestamps), peak RSS
     * (0 when not tracked or unreadable), output files.
     */
    record Run(int exit, long millis, Instant startedAt, Instant endedAt, long peakRssKb, Path out, Path err) {
        String output() {
            try {
                return Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(output unreadable: " + e + ")";
            }
        }

        /** This run, or an exception carrying its output when it did not exit with {@code expected}. */
        Run expectExit(int expected, String what) {
            if (exit != expected) {
                throw new IllegalStateException(what + " exited " + exit + " (expected " + expected + "); output in "
                        + out + " and " + err + ":\n" + tail(output()));
            }
            return this;
        }
    }

    /** Through the launcher; {@code jvmOptions} are added after its own (CUTOVER_JAVA_OPTS). */
    Run run(List<String> jvmOptions, boolean trackMemory, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", launcher.toString()));
        cmd.addAll(List.of(args));
        return start(cmd, String.join(" ", jvmOptions), trackMemory, args);
    }

    /** {@code java [jvmOptions] -jar cutover.jar args}, without the launcher's options: the JVM's defaults. */
    Run runPlain(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(List.of(args));
        return start(cmd, null, false, args);
    }

    private Run start(List<String> cmd, String javaOpts, boolean trackMemory, String... args)
            throws IOException, InterruptedException {
        Files.createDirectories(logs);
        int n = ++runs;
        String label = String.format("%03d-%s", n, args.length == 0 ? "java" : args[0]);
        Path out = logs.resolve(label + ".out");
        Path err = logs.resolve(label + ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().put("USER", "bench-operator");
        pb.environment().remove("CUTOVER_JAVA_OPTS");
        if (javaOpts != null && !javaOpts.isEmpty()) {
            pb.environment().put("CUTOVER_JAVA_OPTS", javaOpts);
        }
        // The launcher runs the `java` it finds first on PATH: make it this JVM's.
        pb.environment()
                .put(
                        "PATH",
                        Path.of(System.getProperty("java.home"), "bin")
                                + File.pathSeparator
                                + pb.environment().getOrDefault("PATH", ""));
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        Process p = pb.start();
        long peak = trackMemory ? peakRssKb(p) : 0;
        if (!p.waitFor(PATIENCE_MINUTES, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IllegalStateException("cutover " + String.join(" ", args) + " ran for more than "
                    + PATIENCE_MINUTES + " minutes; killed (output in " + out + ")");
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Run(p.exitValue(), millis, startedAt, Instant.now(), peak, out, err);
    }

    /** The JVM's high-water RSS, re-read every 5 ms while it runs; the last reading before exit counts. */
    private static long peakRssKb(Process p) throws InterruptedException {
        Path status = Path.of("/proc/" + p.pid() + "/status");
        long peak = 0;
        while (p.isAlive()) {
            try {
                Matcher m = VM_HWM.matcher(Files.readString(status));
                if (m.find()) {
                    peak = Math.max(peak, Long.parseLong(m.group(1)));
                }
            } catch (IOException | RuntimeException e) {
                // the process ended between the check and the read, or /proc is not there
            }
            Thread.sleep(5);
        }
        return peak;
    }

    static String tail(String text) {
        return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
    }
}
