package dev.cutover.engine;

import dev.cutover.input.FreezeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Write freezes per datastore (FORMATS.md §6.6): a freeze starts when its begin step's execute exits 0 and ends
 * when its release step succeeds. Never released automatically; prompts show what remains of each window.
 */
final class FreezeTracker {
    record Active(FreezeWindow window, Instant startedAt) {
        Duration elapsed(Instant now) {
            return Duration.between(startedAt, now);
        }

        long remainingMinutes(Instant now) {
            return window.durationMinutes() - elapsed(now).toMinutes();
        }
    }

    private final List<FreezeWindow> windows;
    private final Map<String, Active> active = new LinkedHashMap<>();

    FreezeTracker(List<FreezeWindow> windows) {
        this.windows = List.copyOf(windows);
    }

    /** Called after a step's execute exited 0. */
    void executed(String stepId, Instant at) {
        for (FreezeWindow w : windows) {
            if (w.beginsAtStepId().equals(stepId)) {
                active.putIfAbsent(w.datastoreArn(), new Active(w, at));
            }
        }
    }

    /** Called when a step succeeded: releases every freeze whose release step it is. */
    void succeeded(String stepId) {
        active.values().removeIf(a -> stepId.equals(a.window().releaseStepId()));
    }

    /** The datastore a step would freeze while it is already frozen (only skip or abort are offered then). */
    Optional<String> alreadyFrozenBy(String stepId) {
        return windows.stream()
                .filter(w -> w.beginsAtStepId().equals(stepId))
                .map(FreezeWindow::datastoreArn)
                .filter(active::containsKey)
                .findFirst();
    }

    /** The freeze windows {@code stepId} begins (a rollback never releases them: FORMATS.md §6.6). */
    List<FreezeWindow> begunBy(String stepId) {
        return windows.stream().filter(w -> w.beginsAtStepId().equals(stepId)).toList();
    }

    List<Active> active() {
        return List.copyOf(active.values());
    }

    /** One line per active freeze, with OVERRUN past its window. */
    List<String> describe(Instant now) {
        List<String> lines = new ArrayList<>();
        for (Active a : active.values()) {
            long remaining = a.remainingMinutes(now);
            lines.add(
                    a.window().datastoreArn() + " frozen for " + a.elapsed(now).toMinutes() + " min of "
                            + a.window().durationMinutes()
                            + (remaining < 0
                                    ? " — OVERRUN by " + (-remaining) + " min: writes are blocked longer than planned"
                                    : " (" + remaining + " min left)"));
        }
        return lines;
    }
}
