package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real git repository in a temp folder, driven with the real git program. */
final class GitFixture {
    private final Path dir;

    private GitFixture(Path dir) {
        this.dir = dir;
    }

    /** {@code git init} with one commit on {@code main} and a local identity. */
    static GitFixture init(Path dir) throws Exception {
        Files.createDirectories(dir);
        GitFixture git = new GitFixture(dir);
        git.ok("init", "-q", "-b", "main");
        git.ok("config", "user.email", "reviewer@example.com");
        git.ok("config", "user.name", "Reviewer");
        git.ok("config", "commit.gpgsign", "false");
        Files.writeString(dir.resolve("README.md"), "infrastructure changes\n");
        git.ok("add", "README.md");
        git.ok("commit", "-q", "-m", "initial");
        return git;
    }

    Path dir() {
        return dir;
    }

    /** Runs git in the repository and returns stdout; fails the test on a non-zero exit. */
    String ok(String... args) throws Exception {
        Result r = run(args);
        assertThat(r.exit()).as("git %s: %s", String.join(" ", args), r.err()).isZero();
        return r.out();
    }

    record Result(int exit, String out, String err) {}

    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        return new Result(
                p.waitFor(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
