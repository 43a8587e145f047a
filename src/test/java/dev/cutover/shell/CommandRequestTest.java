package dev.cutover.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandRequestTest {
    static final Path CWD = Path.of("/run");
    static final Path OUT = Path.of("/run/execution/s.stdout.log");
    static final Path ERR = Path.of("/run/execution/s.stderr.log");
    static final Map<String, String> ENV = Map.of("PATH", "/bin");

    @Test
    void kindMustBeALowercaseLabelBecauseItIsWrittenIntoFrames() {
        assertThatThrownBy(() -> new CommandRequest("true", CWD, ENV, OUT, ERR, "exec ute ====", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kind");
        assertThat(new CommandRequest("true", CWD, ENV, OUT, ERR, "resume-check", null).kind())
                .isEqualTo("resume-check");
    }

    @Test
    void bothStreamsCannotShareOneLogFile() {
        assertThatThrownBy(() -> new CommandRequest("true", CWD, ENV, OUT, OUT, "execute", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeoutMustBePositive() {
        assertThatThrownBy(() -> new CommandRequest("true", CWD, ENV, OUT, ERR, "poll", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidVariableIsNamedButItsValueIsNeverShown() {
        Map<String, String> env = Map.of("PATH", "/bin", "DB_PASSWORD", "hunter2\0x");

        assertThatThrownBy(() -> new CommandRequest("true", CWD, env, OUT, ERR, "execute", null))
                .hasMessageContaining("DB_PASSWORD")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void environmentIsCopiedSoLaterChangesDoNotLeakIn() {
        var env = new java.util.HashMap<>(ENV);
        CommandRequest request = new CommandRequest("true", CWD, env, OUT, ERR, "execute", null);

        env.put("LATE", "1");

        assertThat(request.environment()).doesNotContainKey("LATE");
    }
}
