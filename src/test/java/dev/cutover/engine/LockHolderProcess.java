package dev.cutover.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A running {@link LockHolderMain} child JVM, driven line by line from a test. */
public final class LockHolderProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final OutputStream in;

    private LockHolderProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = process.getOutputStream();
    }

    /** Starts a child on the test classpath; it prints READY and waits for {@link #go()}. */
    public static LockHolderProcess start(Path runDir) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(
                java.toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-cp",
                System.getProperty("java.class.path"),
                LockHolderMain.class.getName(),
                runDir.toString());
        return new LockHolderProcess(
                new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    public long pid() {
        return process.pid();
    }

    /** The first output line starting with {@code prefix}; JVM noise before it is skipped. */
    public String awaitLine(String... prefixes) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            for (String prefix : prefixes) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }
        throw new IOException("child " + pid() + " ended without printing " + List.of(prefixes));
    }

    public void go() throws IOException {
        in.write("go\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Lets a winner release its lock and exit cleanly; returns its exit code. */
    public int finish() throws IOException, InterruptedException {
        in.close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new IOException("child " + pid() + " did not exit");
        }
        return process.exitValue();
    }

    /** SIGKILL: the child gets no chance to release anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
