package dev.cutover.engine;

import dev.cutover.input.RunDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A child JVM for the process-level lock tests: prints {@code READY}, waits for {@code go} on stdin, then
 * probes and commits the run lock of the directory in {@code args[0]}.
 *
 * <p>Prints {@code WON pid=<pid>} and holds the lock until stdin closes (then releases it), or prints
 * {@code LOST(<exit code>) <state>} and exits with that code.
 */
public final class LockHolderMain {
    private LockHolderMain() {}

    public static void main(String[] args) throws IOException {
        RunDirectory dir = new RunDirectory(Path.of(args[0]));
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("READY");
        System.out.flush();
        if (!"go".equals(stdin.readLine())) {
            System.exit(2);
        }
        long pid = ProcessHandle.current().pid();
        RunLock runLock = new RunLock(Clock.systemUTC(), HostInfo.system(System.getenv()));
        LockProbe probe = runLock.probe(dir, new LockRequest("child-" + pid, "cutover execute", false));
        if (probe instanceof LockProbe.Refused refused) {
            System.out.println("LOST(" + refused.refusal().exitCode() + ") "
                    + refused.refusal().state());
            System.out.flush();
            System.exit(refused.refusal().exitCode());
        }
        AcquiredLock lock = ((LockProbe.Acquired) probe).lock();
        lock.commit();
        System.out.println("WON pid=" + pid);
        System.out.flush();
        while (stdin.read() != -1) {
            // hold the lock until the parent closes our stdin (or kills us)
        }
        lock.release();
    }
}
