package dev.cutover.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorIdentityTest {
    @TempDir
    Path home;

    @Test
    void userVariableWinsWithoutAskingGit() {
        AtomicInteger gitCalls = new AtomicInteger();
        GitConfigReader git = () -> {
            gitCalls.incrementAndGet();
            return Optional.of("git@example.com");
        };

        OperatorIdentity identity = OperatorIdentity.resolve(Map.of("USER", " alice "), git);

        assertThat(identity).isEqualTo(new OperatorIdentity("alice", OperatorIdentity.Source.USER_ENV));
        assertThat(identity.needsBannerWarning()).isFalse();
        assertThat(gitCalls).hasValue(0);
    }

    @Test
    void blankUserFallsBackToGitEmail() {
        OperatorIdentity identity =
                OperatorIdentity.resolve(Map.of("USER", "  "), () -> Optional.of("bob@example.com\n"));

        assertThat(identity)
                .isEqualTo(new OperatorIdentity("bob@example.com", OperatorIdentity.Source.GIT_GLOBAL_EMAIL));
        assertThat(identity.bannerWarning()).isEmpty();
    }

    @Test
    void neitherUserNorGitEmailIsUnknownWithABannerWarning() {
        OperatorIdentity identity = OperatorIdentity.resolve(Map.of(), () -> Optional.of("   "));

        assertThat(identity.name()).isEqualTo("unknown");
        assertThat(identity.needsBannerWarning()).isTrue();
        assertThat(identity.bannerWarning())
                .hasValueSatisfying(w -> assertThat(w).contains("journaled as \"unknown\""));
    }

    @Test
    void realGitReadsTheGlobalEmailFromHome() throws IOException {
        Files.writeString(home.resolve(".gitconfig"), "[user]\n\temail = carol@example.com\n");

        OperatorIdentity identity = OperatorIdentity.resolve(
                Map.of(), ProcessGitConfigReader.withDefaultTimeout(Map.of("HOME", home.toString(), "PATH", path())));

        assertThat(identity)
                .isEqualTo(new OperatorIdentity("carol@example.com", OperatorIdentity.Source.GIT_GLOBAL_EMAIL));
    }

    @Test
    void realGitWithoutAnEmailGivesNothing() {
        GitConfigReader git =
                ProcessGitConfigReader.withDefaultTimeout(Map.of("HOME", home.toString(), "PATH", path()));

        assertThat(git.globalUserEmail()).isEmpty();
    }

    @Test
    void missingGitGivesNothing() {
        GitConfigReader git = ProcessGitConfigReader.withDefaultTimeout(Map.of(
                "HOME", home.toString(), "PATH", home.resolve("no-such-dir").toString()));

        assertThat(git.globalUserEmail()).isEmpty();
    }

    @Test
    void hungGitIsKilledAfterTheTimeout() throws IOException {
        Path bin = Files.createDirectory(home.resolve("bin"));
        Path fakeGit = Files.writeString(bin.resolve("git"), "#!/bin/sh\necho late@example.com\nexec sleep 30\n");
        Files.setPosixFilePermissions(fakeGit, PosixFilePermissions.fromString("rwxr-xr-x"));
        GitConfigReader git = new ProcessGitConfigReader(
                Map.of("HOME", home.toString(), "PATH", bin + ":/bin:/usr/bin"), Duration.ofMillis(300));

        assertThat(git.globalUserEmail()).isEmpty();
    }

    private static String path() {
        return System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    }
}
