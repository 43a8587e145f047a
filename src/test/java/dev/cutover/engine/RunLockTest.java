package dev.cutover.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00.123456Z");
    private static final LockRequest EXECUTE = new LockRequest("alice", "cutover execute", false);
    private static final LockRequest RESUME = new LockRequest("alice", "cutover execute --resume", true);

    @TempDir
    Path root;

    private final RunLock runLock = new RunLock(Clock.fixed(NOW, ZoneOffset.UTC), () -> "host-a");

    @Test
    void freeDirectoryIsAcquiredWithoutWritingTheLockFile() {
        try (AcquiredLock lock = acquired(runLock.probe(dir(), EXECUTE))) {
            assertThat(lock.state()).isEqualTo(LockState.FREE);
            assertThat(lock.takenOverFrom()).isEmpty();
            assertThat(lockFile()).doesNotExist();
            assertThat(root.resolve(RunLock.OS_LOCK_FILE)).exists();
        }
    }

    @Test
    void commitWritesTheLockFileAsOneLineOfJson() throws IOException {
        try (AcquiredLock lock = acquired(runLock.probe(dir(), EXECUTE))) {
            lock.commit();

            String text = Files.readString(lockFile());
            JsonNode json = new ObjectMapper().readTree(text);
            assertThat(text).endsWith("}\n").doesNotContain("\n{");
            assertThat(json.fieldNames())
                    .toIterable()
                    .containsExactly("pid", "started_at", "host", "operator", "command");
            assertThat(json.get("pid").isIntegralNumber()).isTrue();
            assertThat(json.get("pid").asLong())
                    .isEqualTo(ProcessHandle.current().pid());
            assertThat(json.get("started_at").asText()).isEqualTo("2026-11-21T12:00:00.123Z");
            assertThat(json.get("host").asText()).isEqualTo("host-a");
            assertThat(json.get("operator").asText()).isEqualTo("alice");
            assertThat(json.get("command").asText()).isEqualTo("cutover execute");
            assertThat(lock.written())
                    .hasValueSatisfying(w -> assertThat(w.host()).isEqualTo("host-a"));
            assertThat(siblingsOf(lockFile())).containsExactlyInAnyOrder("RUNNING.lock", RunLock.OS_LOCK_FILE);
        }
    }

    @Test
    void secondProbeWhileHeldIsLiveAndNamesTheHolder() {
        try (AcquiredLock lock = acquired(runLock.probe(dir(), EXECUTE))) {
            lock.commit();

            LockRefusal refusal = refused(runLock.probe(dir(), RESUME));

            assertThat(refusal.state()).isEqualTo(LockState.LIVE);
            assertThat(refusal.exitCode()).isEqualTo(4);
            assertThat(refusal.message())
                    .startsWith("Another cutover run is live in this run directory: pid="
                            + ProcessHandle.current().pid()
                            + ", host host-a, operator alice, started 2026-11-21T12:00:00.123Z (cutover execute).");
            assertThat(lockFile()).exists();
        }
    }

    // Only the verdict is checked: closing the second channel drops this JVM's POSIX lock on the file, which is
    // why production wires one RunLock per process (see RunLockProcessTest for the guard that protects it).
    @Test
    void probeFromAnotherRunLockInTheSameJvmIsLive() {
        RunLock other = new RunLock(Clock.fixed(NOW, ZoneOffset.UTC), () -> "host-a");
        try (AcquiredLock lock = acquired(runLock.probe(dir(), EXECUTE))) {
            LockRefusal refusal = refused(other.probe(dir(), EXECUTE));

            assertThat(refusal.state()).isEqualTo(LockState.LIVE);
            assertThat(refusal.exitCode()).isEqualTo(4);
            assertThat(refusal.message()).contains("holds the OS lock on").contains(RunLock.OS_LOCK_FILE);
        }
    }

    @Test
    void staleLockOnThisHostWithoutResumeIsRefusedAndLeftAlone() throws Exception {
        long deadPid = deadPid();
        writeLock("{\"pid\":" + deadPid + ",\"started_at\":\"2026-11-20T08:00:00.000Z\",\"host\":\"host-a\","
                + "\"operator\":\"bob\",\"command\":\"cutover execute\"}\n");
        byte[] before = Files.readAllBytes(lockFile());

        LockRefusal refusal = refused(runLock.probe(dir(), EXECUTE));

        assertThat(refusal.state()).isEqualTo(LockState.STALE_NEEDS_RESUME);
        assertThat(refusal.exitCode()).isEqualTo(3);
        assertThat(refusal.message())
                .isEqualTo("Stale lock from a crashed run (pid=" + deadPid + ", host host-a, operator bob, started"
                        + " 2026-11-20T08:00:00Z (cutover execute); pid " + deadPid + " is no longer running)."
                        + " Re-run with --resume to continue it; to start over instead, use a new run directory"
                        + " (this one keeps its journal).");
        assertThat(Files.readAllBytes(lockFile())).isEqualTo(before);
        assertThat(refused(runLock.probe(dir(), EXECUTE)).state())
                .as("the refusal released the OS lock")
                .isEqualTo(LockState.STALE_NEEDS_RESUME);
    }

    @Test
    void staleLockWithResumeIsTakenOverAndReplacedOnCommit() throws Exception {
        long deadPid = deadPid();
        writeLock("{\"pid\":" + deadPid + ",\"started_at\":\"2026-11-20T08:00:00.000Z\",\"host\":\"HOST-A\","
                + "\"operator\":\"bob\"}\n");

        try (AcquiredLock lock = acquired(runLock.probe(dir(), RESUME))) {
            assertThat(lock.state()).isEqualTo(LockState.STALE_TAKEOVER);
            assertThat(lock.takenOverFrom())
                    .contains(new LockFile(deadPid, Instant.parse("2026-11-20T08:00:00Z"), "HOST-A", "bob", ""));
            assertThat(Files.readString(lockFile())).contains("\"operator\":\"bob\"");

            lock.commit();

            assertThat(Files.readString(lockFile()))
                    .contains("\"pid\":" + ProcessHandle.current().pid())
                    .contains("\"command\":\"cutover execute --resume\"");
        }
    }

    @Test
    void aLivePidThatDoesNotHoldTheOsLockIsStaleBecauseThePidWasReused() throws Exception {
        long alivePid = ProcessHandle.current().pid();
        writeLock("{\"pid\":" + alivePid + ",\"started_at\":\"2026-11-20T08:00:00Z\",\"host\":\"host-a\","
                + "\"operator\":\"bob\",\"command\":\"cutover execute\"}");

        LockRefusal refusal = refused(runLock.probe(dir(), EXECUTE));

        assertThat(refusal.state()).isEqualTo(LockState.STALE_NEEDS_RESUME);
        assertThat(refusal.message()).contains("pid " + alivePid + " is alive but does not hold the lock");
    }

    @Test
    void lockFileFromAnotherHostIsLiveEvenWithResume() throws Exception {
        writeLock("{\"pid\":4242,\"started_at\":\"2026-11-20T08:00:00.000Z\",\"host\":\"bastion-2\","
                + "\"operator\":\"bob\",\"command\":\"cutover execute\"}\n");

        LockRefusal refusal = refused(runLock.probe(dir(), RESUME));

        assertThat(refusal.state()).isEqualTo(LockState.LIVE);
        assertThat(refusal.exitCode()).isEqualTo(4);
        assertThat(refusal.holder()).hasValueSatisfying(h -> assertThat(h.pid()).isEqualTo(4242));
        assertThat(refusal.message())
                .contains("from host bastion-2: pid=4242, host bastion-2, operator bob, started 2026-11-20T08:00:00Z")
                .contains("cannot be checked from here");
    }

    @Test
    void unreadableLockFileIsRefusedEvenWithResume() throws Exception {
        writeLock("{\"pid\":\"12\"}");

        LockRefusal refusal = refused(runLock.probe(dir(), RESUME));

        assertThat(refusal.state()).isEqualTo(LockState.UNREADABLE);
        assertThat(refusal.exitCode()).isEqualTo(3);
        assertThat(refusal.message())
                .contains("`pid` is missing or not an integer")
                .contains("delete " + lockFile());
    }

    @Test
    void jsonThatIsNotALockFileIsUnreadableWithAOneLineReason() throws Exception {
        writeLock("{\"pid\": 12, \"started_at\": ");

        LockRefusal refusal = refused(runLock.probe(dir(), EXECUTE));

        assertThat(refusal.state()).isEqualTo(LockState.UNREADABLE);
        assertThat(refusal.message()).contains("it is not a valid lock file: ").doesNotContain("\n");
    }

    @Test
    void missingRunDirectoryIsRefusedNotAFreeLock() {
        RunDirectory missing = new RunDirectory(root.resolve("no-such-run"));

        assertThatThrownBy(() -> runLock.probe(missing, EXECUTE)).isInstanceOfSatisfying(CutoverException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.RUN_DIR_NOT_WRITABLE);
            assertThat(e.getMessage())
                    .isEqualTo("the folder " + missing.root() + " does not exist, so " + RunLock.OS_LOCK_FILE
                            + " cannot be written in it");
        });
        assertThat(root.resolve("no-such-run")).doesNotExist();
    }

    @Test
    void releaseDeletesTheLockFileAndFreesTheDirectory() {
        AcquiredLock lock = acquired(runLock.probe(dir(), EXECUTE));
        lock.commit();

        lock.release();

        assertThat(lockFile()).doesNotExist();
        assertThat(root.resolve(RunLock.OS_LOCK_FILE))
                .as("the OS lock file is never deleted")
                .exists();
        try (AcquiredLock next = acquired(runLock.probe(dir(), EXECUTE))) {
            assertThat(next.state()).isEqualTo(LockState.FREE);
        }
    }

    @Test
    void abandonKeepsTheLockFileForResume() {
        AcquiredLock lock = acquired(runLock.probe(dir(), EXECUTE));
        lock.commit();

        lock.abandonKeepingFile();
        lock.close();

        assertThat(lockFile()).exists();
        assertThat(refused(runLock.probe(dir(), EXECUTE)).state()).isEqualTo(LockState.STALE_NEEDS_RESUME);
    }

    @Test
    void closingAnUncommittedLockWritesNothingAndFreesTheDirectory() {
        acquired(runLock.probe(dir(), EXECUTE)).close();

        assertThat(lockFile()).doesNotExist();
        try (AcquiredLock next = acquired(runLock.probe(dir(), EXECUTE))) {
            assertThat(next.state()).isEqualTo(LockState.FREE);
        }
    }

    @Test
    void closingAnUncommittedTakeoverLeavesTheStaleFileUntouched() throws Exception {
        writeLock("{\"pid\":" + deadPid() + ",\"started_at\":\"2026-11-20T08:00:00Z\",\"host\":\"host-a\"}");
        byte[] before = Files.readAllBytes(lockFile());

        acquired(runLock.probe(dir(), RESUME)).release();

        assertThat(Files.readAllBytes(lockFile())).isEqualTo(before);
    }

    @Test
    void closingACommittedLockKeepsTheFileLikeACrash() {
        try (AcquiredLock lock = acquired(runLock.probe(dir(), EXECUTE))) {
            lock.commit();
        }

        assertThat(lockFile()).exists();
        assertThat(refused(runLock.probe(dir(), EXECUTE)).state()).isEqualTo(LockState.STALE_NEEDS_RESUME);
    }

    @Test
    void commitIsAllowedOnceAndNotAfterRelease() {
        AcquiredLock lock = acquired(runLock.probe(dir(), EXECUTE));
        lock.commit();
        assertThatThrownBy(lock::commit).isInstanceOf(IllegalStateException.class);
        lock.release();
        assertThatThrownBy(lock::commit).isInstanceOf(IllegalStateException.class);
        assertThat(lockFile()).doesNotExist();
    }

    private RunDirectory dir() {
        return new RunDirectory(root);
    }

    private Path lockFile() {
        return root.resolve(RunDirectory.LOCK);
    }

    private void writeLock(String json) throws IOException {
        Files.writeString(lockFile(), json);
    }

    private static List<String> siblingsOf(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        try (var entries = Files.list(file.getParent())) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    /** The pid of a process that has exited, so it cannot be running (barring immediate reuse). */
    static long deadPid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    static AcquiredLock acquired(LockProbe probe) {
        assertThat(probe).isInstanceOf(LockProbe.Acquired.class);
        return ((LockProbe.Acquired) probe).lock();
    }

    static LockRefusal refused(LockProbe probe) {
        assertThat(probe).isInstanceOf(LockProbe.Refused.class);
        return ((LockProbe.Refused) probe).refusal();
    }
}
