package dev.cutover.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A runner with a fixed clock and short kill grace, plus helpers to build requests and read logs in a temp folder. */
final class BashFixture {
    static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123456Z");
    static final String AT = "2026-11-21T10:15:30.123Z";

    final Path dir;
    final Path cwd;
    final Path stdoutLog;
    final Path stderrLog;
    final CommandRunner runner;

    BashFixture(Path dir) {
        this.dir = dir;
        this.cwd = dir.resolve("cwd");
        this.stdoutLog = dir.resolve("execution/step-1.stdout.log");
        this.stderrLog = dir.resolve("execution/step-1.stderr.log");
        this.runner = new CommandRunner(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(300));
        try {
            Files.createDirectories(cwd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The minimal environment: the JVM's PATH (bash needs coreutils) and a UTF-8 locale. */
    static Map<String, String> baseEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin"));
        env.put("LC_ALL", "C.UTF-8");
        return env;
    }

    CommandRequest request(String command) {
        return new CommandRequest(command, cwd, baseEnvironment(), stdoutLog, stderrLog, "execute", null);
    }

    CommandResult run(String command) {
        return runner.run(request(command));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code pid} is still running; a zombie left for a non-reaping PID 1 does not count. */
    static boolean running(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String text = read(stat);
        char state = text.charAt(text.lastIndexOf(')') + 2);
        return state != 'Z' && state != 'X';
    }
}
