package dev.cutover.journal;

import java.util.Objects;
import java.util.Optional;

/**
 * How a webhook delivery's outcome is journaled (docs/journal.md, "Notification deliveries"): the closed event
 * list has no notification event, so each outcome is one run-level {@code executed} entry whose {@code cmd} is
 * {@code notify <webhook> <event>} (never the URL, which may hold a token), {@code exit_code} 0 when delivered and
 * 1 when it finally failed, and {@code notes} saying how ({@code notification delivered: HTTP 204 after 1
 * attempt}). Run-level entries change no step's state, no verdict and no resume decision; readers that look at
 * the last entry of a live run skip these ({@link #is}).
 *
 * @param webhook the webhook's name from cutover.yaml
 * @param event the notification's event ({@code run-started}, {@code gate-signed}, …)
 * @param delivered true when the webhook answered 2xx
 * @param notes the outcome in words
 */
public record NotificationEntry(String webhook, String event, boolean delivered, String notes) {
    /** The program name in {@code cmd}. */
    public static final String COMMAND = "notify";

    private static final String PREFIX = COMMAND + " ";

    public NotificationEntry {
        requireWord(webhook, "webhook");
        requireWord(event, "event");
        Objects.requireNonNull(notes, "notes");
    }

    /** The run-level draft to append. */
    public EntryDraft draft() {
        return EntryDraft.runLevel(JournalEvent.EXECUTED)
                .withCmd(PREFIX + webhook + " " + event)
                .withExitCode(delivered ? 0 : 1)
                .withNotes(notes);
    }

    /** True when {@code entry} records a notification delivery. */
    public static boolean is(JournalEntry entry) {
        return entry.isRunLevel()
                && entry.event() == JournalEvent.EXECUTED
                && entry.cmd() != null
                && entry.cmd().startsWith(PREFIX);
    }

    /** The delivery {@code entry} records, if it records one. */
    public static Optional<NotificationEntry> of(JournalEntry entry) {
        if (!is(entry)) {
            return Optional.empty();
        }
        String[] words = entry.cmd().substring(PREFIX.length()).split(" ", -1);
        if (words.length != 2 || words[0].isEmpty() || words[1].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NotificationEntry(
                words[0],
                words[1],
                Integer.valueOf(0).equals(entry.exitCode()),
                entry.notes() == null ? "" : entry.notes()));
    }

    private static void requireWord(String value, String what) {
        if (value == null || value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(what + " must be one word: " + value);
        }
    }
}
