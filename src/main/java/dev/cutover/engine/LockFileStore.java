package dev.cutover.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.time.UtcMillis;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads, atomically writes and deletes one {@code RUNNING.lock}; callers hold the OS lock around writes. */
final class LockFileStore {
    private final ObjectMapper mapper = new ObjectMapper();
    private final Path path;

    LockFileStore(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** What is on disk at the lock path. */
    sealed interface Stored permits Absent, Parsed, Unreadable {}

    record Absent() implements Stored {}

    record Parsed(LockFile lock) implements Stored {}

    record Unreadable(String reason) implements Stored {}

    Stored read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return new Absent();
        } catch (IOException e) {
            return new Unreadable("it cannot be read (" + e + ")");
        }
        try {
            return new Parsed(decode(mapper.readTree(bytes)));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            return new Unreadable("it is not a valid lock file: " + firstLine(e.getMessage()));
        }
    }

    /** Temp file, fsync, rename, fsync the directory: a crash leaves the old lock or the new one, never half. */
    void write(LockFile lock) {
        Path temp = path.resolveSibling(
                path.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            try (FileChannel out = FileChannel.open(
                    temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(encode(lock)));
                out.force(true);
            }
            move(temp, path);
            syncDirectory(path.getParent());
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new CutoverException(
                    ErrorCode.IO_FAILURE,
                    "Could not write " + path + " (" + e + ")"
                            + ". Check permissions and free space on the run directory, then retry.",
                    e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
            syncDirectory(path.getParent());
        } catch (IOException e) {
            throw new CutoverException(
                    ErrorCode.IO_FAILURE,
                    "Could not delete " + path + " (" + e + "). Delete it by hand before the next run.",
                    e);
        }
    }

    byte[] encode(LockFile lock) {
        ObjectNode node = mapper.createObjectNode();
        node.put("pid", lock.pid());
        node.put("started_at", UtcMillis.format(lock.startedAt()));
        node.put("host", lock.host());
        node.put("operator", lock.operator());
        node.put("command", lock.command());
        try {
            return (mapper.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a tree of strings and numbers", e);
        }
    }

    private static LockFile decode(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        JsonNode pid = node.path("pid");
        if (!pid.isIntegralNumber() || !pid.canConvertToLong()) {
            throw new IllegalArgumentException("`pid` is missing or not an integer");
        }
        return new LockFile(
                pid.longValue(),
                Instant.parse(requiredText(node, "started_at")),
                requiredText(node, "host"),
                node.path("operator").isTextual() ? node.get("operator").asText() : OperatorIdentity.UNKNOWN,
                // Upstream's SKILL wrote locks without `command` (FORMATS.md §7 #22); such a lock is still valid.
                node.path("command").isTextual() ? node.get("command").asText() : "");
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("`" + field + "` is missing or not a non-empty string");
        }
        return value.asText();
    }

    /** Jackson appends source locations on further lines; the operator needs only the first. */
    private static String firstLine(String message) {
        String text = message == null ? "" : message;
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void syncDirectory(Path dir) {
        // Makes the rename or delete durable; some file systems cannot open a directory, which costs only
        // durability of the directory entry, never correctness of the OS lock.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // best effort, see above
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // the write already failed; its exception is the one the operator needs
        }
    }
}
