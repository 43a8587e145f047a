package dev.cutover.shell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The bash process and every descendant seen while it ran, so a timeout can kill them all, including
 * background children that outlived bash (they are re-parented and no longer its descendants).
 */
final class ProcessTree {
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
            if (handle.isAlive()) {
                alive.add(handle);
            }
        }
        return alive;
    }

    private static boolean awaitExit(List<ProcessHandle> handles, Duration grace) throws InterruptedException {
        CompletableFuture<?>[] exits =
                handles.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(grace.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for process exit failed", e);
        }
    }
}
