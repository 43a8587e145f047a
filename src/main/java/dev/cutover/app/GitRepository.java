package dev.cutover.app;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operator's git repository, driven with the real {@code git} program (ProcessBuilder, no shell). Only the
 * commands {@code prepare-pipeline} needs exist here; there is deliberately no way to push.
 */
final class GitRepository {
    private static final long TIMEOUT_SECONDS = 120;

    private final Map<String, String> environment;

    /** @param environment git's complete environment (HOME decides which global config it reads) */
    GitRepository(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** What one git command printed and how it exited. */
    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs {@code git -C dir args…}; never throws for a non-zero exit. */
    Result run(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("cutover-git-", ".out");
            err = Files.createTempFile("cutover-git-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(environment);
            builder.environment().put("GIT_TERMINAL_PROMPT", "0"); // never wait for credentials
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw failure("`" + String.join(" ", command) + "` did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failure("cannot run git (is it installed?): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while running git");
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** Runs git and returns its trimmed stdout; a non-zero exit refuses with git's own message. */
    String require(Path dir, String what, String... args) {
        Result r = run(dir, args);
        if (!r.ok()) {
            throw failure(what + ": `git " + String.join(" ", args) + "` exited " + r.exitCode() + ": "
                    + r.stderr().strip());
        }
        return r.stdout().strip();
    }

    private static CutoverException failure(String message) {
        return new CutoverException(ErrorCode.PIPELINE_REFUSED, "prepare-pipeline: " + message);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind costs nothing
            }
        }
    }
}
