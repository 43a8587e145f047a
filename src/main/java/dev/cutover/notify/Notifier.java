package dev.cutover.notify;

import dev.cutover.input.Webhook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends notifications to every webhook in the background and reports each delivery's outcome once. Each webhook
 * has its own delivery thread, so its events arrive in the order they happened and a webhook that hangs delays
 * only itself. {@link #send} only queues: the walk never waits for the network. {@link #finish} gives deliveries
 * still under way a bounded grace, then reports each as failed (abandoned) and stops the threads; nothing is
 * reported after it returns. With no webhooks nothing is started.
 */
public final class Notifier {
    private static final Notifier NONE = new Notifier(List.of(), null, o -> {}, Duration.ZERO);

    private final List<Lane> lanes;
    private final WebhookSender sender;
    private final Consumer<DeliveryOutcome> outcomes;
    private final Duration grace;
    private final Object lock = new Object();
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    private long nextId;
    private boolean closed;

    private Notifier(List<Lane> lanes, WebhookSender sender, Consumer<DeliveryOutcome> outcomes, Duration grace) {
        this.lanes = lanes;
        this.sender = sender;
        this.outcomes = outcomes;
        this.grace = grace;
    }

    /** One webhook and the thread that delivers to it. */
    private record Lane(Webhook webhook, ExecutorService executor) {}

    /** A delivery queued or under way, reported as abandoned if the run ends first. */
    private record Pending(String webhook, NotificationKind kind) {}

    /** Sends nothing and starts nothing. */
    public static Notifier none() {
        return NONE;
    }

    /**
     * Starts one delivery thread per webhook (none when there are none).
     *
     * @param outcomes told each delivery's outcome, from a delivery thread or from {@link #finish}; calls are
     *     serialized, and an exception it throws is contained
     */
    public static Notifier start(
            List<Webhook> webhooks, NotificationSettings settings, Consumer<DeliveryOutcome> outcomes) {
        Objects.requireNonNull(outcomes, "outcomes");
        if (webhooks.isEmpty()) {
            return NONE;
        }
        List<Lane> lanes = new ArrayList<>();
        for (Webhook w : webhooks) {
            lanes.add(new Lane(w, Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "cutover-notify-" + w.name());
                t.setDaemon(true); // a delivery never keeps the process alive
                return t;
            })));
        }
        return new Notifier(
                List.copyOf(lanes),
                new WebhookSender(settings.retry(), settings.pause()),
                outcomes,
                settings.endOfRunGrace());
    }

    /** True when there is at least one webhook. */
    public boolean active() {
        return !lanes.isEmpty();
    }

    /** Queues {@code notification} for every webhook and returns at once; ignored after {@link #finish}. */
    public void send(Notification notification) {
        Objects.requireNonNull(notification, "notification");
        for (Lane lane : lanes) {
            long id;
            synchronized (lock) {
                if (closed) {
                    return;
                }
                id = nextId++;
                pending.put(id, new Pending(lane.webhook().name(), notification.kind()));
            }
            try {
                lane.executor().execute(() -> deliver(id, lane.webhook(), notification));
            } catch (RejectedExecutionException e) {
                report(id, new DeliveryOutcome(lane.webhook().name(), notification.kind(), false, 0, "not queued"));
            }
        }
    }

    private void deliver(long id, Webhook webhook, Notification notification) {
        DeliveryOutcome outcome;
        try {
            outcome = sender.deliver(webhook, notification);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // only finish() interrupts, and it has reported this delivery as abandoned
        } catch (RuntimeException e) {
            outcome = new DeliveryOutcome(
                    webhook.name(),
                    notification.kind(),
                    false,
                    0,
                    "internal error (" + e.getClass().getSimpleName() + ")");
        }
        report(id, outcome);
    }

    private void report(long id, DeliveryOutcome outcome) {
        synchronized (lock) {
            if (closed || pending.remove(id) == null) {
                return;
            }
            tell(outcome);
        }
    }

    // Called with the lock held: outcomes are told one at a time and never after finish().
    private void tell(DeliveryOutcome outcome) {
        try {
            outcomes.accept(outcome);
        } catch (RuntimeException e) {
            // Recording an outcome must not break a delivery thread or the end of the run; the journal's own
            // failure surfaces on the walk's next append.
        }
    }

    /**
     * Waits up to the grace for deliveries under way, reports each one still pending as failed ("abandoned at end
     * of run"), in the order they were sent, and stops the delivery threads. Idempotent.
     */
    public void finish() {
        long deadline = System.nanoTime() + grace.toNanos();
        lanes.forEach(l -> l.executor().shutdown());
        try {
            for (Lane lane : lanes) {
                long left = Math.max(0, deadline - System.nanoTime());
                lane.executor().awaitTermination(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            if (!closed) {
                closed = true;
                pending.values()
                        .forEach(p -> tell(new DeliveryOutcome(
                                p.webhook(),
                                p.kind(),
                                false,
                                0,
                                "abandoned at end of run, not delivered within the grace of "
                                        + WebhookSender.seconds(grace))));
                pending.clear();
            }
        }
        stopLanes();
    }

    // Interrupts deliveries still under way (HttpClient.send and the pauses give way to it) and lets their threads
    // end briefly, so a run leaves no delivery thread behind.
    private void stopLanes() {
        lanes.forEach(l -> l.executor().shutdownNow());
        try {
            for (Lane lane : lanes) {
                lane.executor().awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops at once without reporting anything more (the run is failing with an unexpected error). */
    public void abandon() {
        synchronized (lock) {
            closed = true;
            pending.clear();
        }
        stopLanes();
    }
}
