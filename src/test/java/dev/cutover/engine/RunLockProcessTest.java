package dev.cutover.engine;

import static dev.cutover.engine.RunLockTest.acquired;
import static dev.cutover.engine.RunLockTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.input.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The run lock across real processes: child JVMs hold it, die by SIGKILL, and race for it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunLockProcessTest {
    private static final LockRequest EXECUTE = new LockRequest("parent", "cutover execute", false);
    private static final LockRequest RESUME = new LockRequest("parent", "cutover execute --resume", true);

    @TempDir
    Path root;

    private final RunLock runLock = new RunLock(Clock.systemUTC(), HostInfo.system(System.getenv()));

    @Test
    void lockHeldByAnotherProcessIsLiveThenStaleAfterSigkillThenTakenOverWithResume() throws Exception {
        long childPid;
        try (LockHolderProcess child = LockHolderProcess.start(root)) {
            child.awaitLine("READY");
            child.go();
            assertThat(child.awaitLine("WON", "LOST")).startsWith("WON");
            childPid = child.pid();

            LockRefusal live = refused(runLock.probe(dir(), RESUME));
            assertThat(live.state()).isEqualTo(LockState.LIVE);
            assertThat(live.exitCode()).isEqualTo(4);
            assertThat(live.message()).contains("pid=" + childPid).contains("operator child-" + childPid);

            child.kill();
        }

        assertThat(root.resolve(RunDirectory.LOCK))
                .as("SIGKILL leaves the lock file behind")
                .exists();
        LockRefusal stale = refused(runLock.probe(dir(), EXECUTE));
        assertThat(stale.state()).isEqualTo(LockState.STALE_NEEDS_RESUME);
        assertThat(stale.exitCode()).isEqualTo(3);
        assertThat(stale.message()).startsWith("Stale lock from a crashed run (pid=" + childPid + ",");
        try (AcquiredLock takeover = acquired(runLock.probe(dir(), RESUME))) {
            assertThat(takeover.state()).isEqualTo(LockState.STALE_TAKEOVER);
            assertThat(takeover.takenOverFrom())
                    .hasValueSatisfying(h -> assertThat(h.pid()).isEqualTo(childPid));
            takeover.commit();
            assertThat(Files.readString(root.resolve(RunDirectory.LOCK)))
                    .contains("\"pid\":" + ProcessHandle.current().pid() + ",");
            takeover.release();
        }
        assertThat(root.resolve(RunDirectory.LOCK)).doesNotExist();
    }

    @Test
    void aSecondProbeInTheHoldingProcessDoesNotLoosenTheOsLock() throws Exception {
        try (AcquiredLock held = acquired(runLock.probe(dir(), EXECUTE))) {
            assertThat(refused(runLock.probe(dir(), EXECUTE)).state()).isEqualTo(LockState.LIVE);

            try (LockHolderProcess child = LockHolderProcess.start(root)) {
                child.awaitLine("READY");
                child.go();

                assertThat(child.awaitLine("WON", "LOST")).isEqualTo("LOST(4) LIVE");
                assertThat(child.finish()).isEqualTo(4);
            }
            assertThat(held.state()).isEqualTo(LockState.FREE);
        }
    }

    @Test
    void statusSeesTheOsLockOfALiveRunEvenWithoutItsLockFileAndNotAfterSigkill() throws Exception {
        Map<String, String> env = System.getenv();
        assertThat(RunLock.observe(dir())).as("no run ever locked here").isEqualTo(OsLockSight.UNKNOWN);
        try (LockHolderProcess child = LockHolderProcess.start(root)) {
            child.awaitLine("READY");
            child.go();
            assertThat(child.awaitLine("WON", "LOST")).startsWith("WON");
            assertThat(LockInspection.of(dir(), env).live()).isTrue();

            Files.delete(root.resolve(RunDirectory.LOCK)); // as an operator told to delete a stale lock might

            assertThat(RunLock.observe(dir())).isEqualTo(OsLockSight.HELD);
            LockInspection inspection = LockInspection.of(dir(), env);
            assertThat(inspection.holder()).isEmpty();
            assertThat(inspection.live()).isTrue();
            assertThat(refused(runLock.probe(dir(), RESUME)).state())
                    .as("looking did not loosen the child's lock")
                    .isEqualTo(LockState.LIVE);
            child.kill();
        }
        assertThat(RunLock.observe(dir())).isEqualTo(OsLockSight.FREE);
        assertThat(LockInspection.of(dir(), env).live()).isFalse();
    }

    @Test
    void aLockFileNamingALiveProcessIsNotLiveWhenNobodyHoldsTheOsLock() throws Exception {
        try (AcquiredLock held = acquired(runLock.probe(dir(), EXECUTE))) {
            held.commit(); // RUNNING.lock names this test's own, very alive, pid
            held.abandonKeepingFile();
        }
        assertThat(root.resolve(RunDirectory.LOCK)).exists();

        LockInspection inspection = LockInspection.of(dir(), System.getenv());

        assertThat(inspection.holder())
                .hasValueSatisfying(h ->
                        assertThat(h.pid()).isEqualTo(ProcessHandle.current().pid()));
        assertThat(inspection.live())
                .as("a pid alone proves nothing: it may have been reused")
                .isFalse();
    }

    @Test
    void aStatusLookingAtTheLockOverAndOverNeverMakesAStartingRunRefuse() throws Exception {
        RunLock.observe(dir()); // nothing to see yet; creates nothing
        assertThat(root.resolve(RunLock.OS_LOCK_FILE)).doesNotExist();
        try (AcquiredLock first = acquired(runLock.probe(dir(), EXECUTE))) {
            first.release(); // leaves the OS lock file for the looks below
        }
        AtomicBoolean looking = new AtomicBoolean(true);
        AtomicInteger looks = new AtomicInteger();
        Thread status = new Thread(() -> {
            while (looking.get()) {
                RunLock.observe(dir());
                looks.incrementAndGet();
            }
        });
        status.start();
        try {
            for (int attempt = 0; attempt < 5; attempt++) {
                try (LockHolderProcess child = LockHolderProcess.start(root)) {
                    child.awaitLine("READY");
                    child.go();
                    assertThat(child.awaitLine("WON", "LOST")).startsWith("WON");
                    assertThat(child.finish()).isZero();
                }
            }
        } finally {
            looking.set(false);
            status.join();
        }
        assertThat(looks.get()).as("the looks really overlapped the starts").isGreaterThan(100);
    }

    @ParameterizedTest(name = "{0} processes")
    @ValueSource(ints = {2, 8})
    void racingProcessesHaveExactlyOneWinnerAndTheRestExitFour(int processes) throws Exception {
        List<LockHolderProcess> children = new ArrayList<>();
        try {
            for (int i = 0; i < processes; i++) {
                children.add(LockHolderProcess.start(root));
            }
            for (LockHolderProcess child : children) {
                child.awaitLine("READY");
            }
            for (LockHolderProcess child : children) {
                child.go(); // all are warmed up and blocked on stdin, so the probes really overlap
            }
            List<String> results = new ArrayList<>();
            List<Integer> exitCodes = new ArrayList<>();
            for (LockHolderProcess child : children) {
                results.add(child.awaitLine("WON", "LOST"));
            }
            for (LockHolderProcess child : children) {
                exitCodes.add(child.finish()); // only now may the winner release
            }

            assertThat(results).filteredOn(r -> r.startsWith("WON")).hasSize(1);
            assertThat(results).filteredOn(r -> r.equals("LOST(4) LIVE")).hasSize(processes - 1);
            assertThat(exitCodes).containsOnly(0, 4).filteredOn(c -> c == 0).hasSize(1);
            assertThat(root.resolve(RunDirectory.LOCK))
                    .as("the winner released cleanly")
                    .doesNotExist();
        } finally {
            children.forEach(LockHolderProcess::close);
        }
    }

    private RunDirectory dir() {
        return new RunDirectory(root);
    }
}
