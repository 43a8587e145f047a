package dev.cutover.approval;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process for the pseudo-terminal tests whose merged output is collected in the background, so a
 * test can wait for a prompt before typing, like an operator would.
 */
final class ChildProcess implements AutoCloseable {
    // Generous: only a hung child ever reaches it, and then the test fails with the output so far.
    private static final long PATIENCE_MILLIS = 60_000;

    private final Process process;
    private final StringBuilder output = new StringBuilder();
    private final Thread pump;

    private ChildProcess(Process process) {
        this.process = process;
        this.pump = new Thread(this::collect, "child-output");
        pump.setDaemon(true);
        pump.start();
    }

    static ChildProcess start(List<String> command) throws IOException {
        return new ChildProcess(
                new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** The command line that runs {@link PromptDemoMain} in a fresh JVM with this build's classes. */
    static List<String> demoJavaCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classDir(PromptDemoMain.class) + ":" + classDir(TerminalApprover.class) + ":"
                        + classDir(dev.cutover.error.ErrorCode.class),
                PromptDemoMain.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Joins words for {@code sh -c}, single-quoting each (class paths here contain no single quote). */
    static String shellJoin(List<String> words) {
        return String.join(" ", words.stream().map(w -> "'" + w + "'").toList());
    }

    void type(String keys) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write(keys.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    void closeInput() throws IOException {
        process.getOutputStream().close();
    }

    /** Waits until the output contains {@code text}; returns the output so far. */
    String awaitOutput(String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        synchronized (output) {
            while (output.indexOf(text) < 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0 || (!process.isAlive() && !pump.isAlive() && output.indexOf(text) < 0)) {
                    throw new AssertionError("child never printed \"" + text + "\"; output:\n" + output);
                }
                output.wait(Math.min(left, 200));
            }
            return output.toString();
        }
    }

    /** Waits for the child to end and for all its output; returns the exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS)) {
            throw new AssertionError("child did not end; output:\n" + output());
        }
        pump.join(PATIENCE_MILLIS);
        return process.exitValue();
    }

    String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    private void collect() {
        byte[] buffer = new byte[1024];
        try (InputStream out = process.getInputStream()) {
            for (int n = out.read(buffer); n != -1; n = out.read(buffer)) {
                synchronized (output) {
                    output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    output.notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (output) {
                output.append("\n[output read failed: ").append(e).append("]\n");
                output.notifyAll();
            }
        }
    }

    @Override
    public void close() {
        // Only this child and the processes it started (script's shell and JVM) are ended.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String classDir(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
