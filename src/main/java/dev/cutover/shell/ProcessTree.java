package dev.cutover.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The bash process and every descendant seen while it ran, so a timeout can kill them all, including
 * background children that outlived bash (they are re-parented and no longer its descendants).
 */
final class ProcessTree {
    private static final long EXIT_POLL_MILLIS = 20;

    private final ProcessHandle root;
    private final Set<ProcessHandle> seen = new LinkedHashSet<>();

    ProcessTree(ProcessHandle root) {
        this.root = root;
    }

    /** Remembers the current descendants; called periodically while bash runs. */
    void track() {
        root.descendants().forEach(seen::add);
    }

    /** Sends SIGTERM to the tree, waits up to {@code grace}, then SIGKILLs the survivors. */
    void kill(Duration grace) throws InterruptedException {
        List<ProcessHandle> victims = snapshot();
        // bash first: if a foreground child died first, bash could start the next command of `a; b`.
        root.destroy();
        victims.forEach(ProcessHandle::destroy);
        List<ProcessHandle> everyone = new ArrayList<>(victims);
        everyone.add(root);
        if (awaitExit(everyone, grace)) {
            return;
        }
        List<ProcessHandle> survivors = snapshot();
        root.destroyForcibly();
        survivors.forEach(ProcessHandle::destroyForcibly);
        survivors.add(root);
        awaitExit(survivors, grace);
    }

    private List<ProcessHandle> snapshot() {
        track();
        Set<ProcessHandle> all = new LinkedHashSet<>(seen);
        for (ProcessHandle handle : seen) {
            handle.descendants().forEach(all::add);
        }
        List<ProcessHandle> alive = new ArrayList<>();
        for (ProcessHandle handle : all) {
            if (isRunning(handle)) {
                alive.add(handle);
            }
        }
        return alive;
    }

    /**
     * Whether the process still runs: a zombie (exited, not yet reaped) does not. {@link ProcessHandle#isAlive}
     * counts zombies as alive, and where PID 1 never reaps orphans (some containers) they stay zombies.
     */
    static boolean isRunning(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
            // The state letter follows the command name, which is parenthesised and may contain spaces.
            int close = stat.lastIndexOf(')');
            char state = close >= 0 && close + 2 < stat.length() ? stat.charAt(close + 2) : '?';
            return state != 'Z' && state != 'X';
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            // No procfs (not Linux): trust the JDK.
            return true;
        }
    }

    private static boolean awaitExit(List<ProcessHandle> handles, Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (true) {
            if (handles.stream().noneMatch(ProcessTree::isRunning)) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            // Polling, because ProcessHandle.onExit never completes for a zombie that nobody reaps.
            Thread.sleep(EXIT_POLL_MILLIS);
        }
    }
}
