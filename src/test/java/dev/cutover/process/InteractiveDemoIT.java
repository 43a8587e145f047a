package dev.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cutover demo} without {@code --answers}, at a real pseudo-terminal made by util-linux {@code script}:
 * an operator who reads each question before typing its answer takes the demo to completed.
 */
class InteractiveDemoIT {
    private static final Pattern ASKED = Pattern.compile("Answer \\(([a-z0-9/]+), or the full word\\): ");

    @TempDir
    Path tmp;

    @Test
    void anOperatorAtAPseudoTerminalApprovesEveryQuestionAndTheDemoCompletes() throws Exception {
        assumeTrue(onPath("script"), "util-linux `script` is not installed");
        Path dir = tmp.resolve("demo");
        String java = String.join(
                " ",
                CutoverProcess.command(List.of(), "demo", "--dir", dir.toString()).stream()
                        .map(w -> "'" + w + "'")
                        .toList());
        Process p = new ProcessBuilder("script", "-qec", java, "/dev/null")
                .redirectErrorStream(true)
                .start();
        Output output = new Output(p.getInputStream());
        int answered = 0;
        int goNoGo = 0;
        try {
            while (true) {
                String seen = output.awaitQuestionOrEnd(answered + 1, p);
                List<String> questions = questions(seen);
                if (questions.size() <= answered) {
                    break; // the child ended without asking again
                }
                String shortcuts = questions.get(answered);
                answered++;
                String key = shortcuts.startsWith("p/") ? "p" : "a";
                goNoGo += key.equals("p") ? 1 : 0;
                type(p.getOutputStream(), key + "\n");
            }
            assertThat(p.waitFor(CutoverProcess.PATIENCE_SECONDS, TimeUnit.SECONDS))
                    .isTrue();
            output.drain();
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }

        String all = output.text();
        assertThat(p.exitValue()).as(all).isZero();
        assertThat(all).contains("Verdict: completed");
        CutoverProcess.assertJournalValid(dir);
        assertThat(goNoGo).isEqualTo(1);
        // go/no-go + one question per step (the handoff's included) + the irreversible switch's re-confirmation
        // + the confirmation of crossing the point of no return + one signature per gate team (the demo's two
        // gates each have one team)
        int steps = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("execution-steps.json").toFile())
                .size();
        List<String> gateEntries = Files.readAllLines(dir.resolve("execution-log.jsonl")).stream()
                .filter(l -> l.contains("\"notes\":\"gate "))
                .toList();
        assertThat(gateEntries.stream().filter(l -> l.contains("): signed for team ")))
                .hasSize(2);
        assertThat(gateEntries.stream().filter(l -> l.contains("): signature asked for team ")))
                .as("each signature's question is journaled before it is put")
                .hasSize(2);
        assertThat(answered).as(all).isEqualTo(steps + 3 + 2);
        assertThat(Files.readSymbolicLink(dir.resolve("service/live"))).isEqualTo(Path.of("target", "demo-data"));
        assertThat(Files.readString(dir.resolve("execution-log.jsonl")))
                .contains("\"event\":\"approved\"")
                .doesNotContain("answers file");
    }

    /**
     * The operator's SSH session drops while the second question is open: the pseudo-terminal's master closes (its
     * {@code script} is killed), so Cutover gets SIGHUP and end of input. Every time, the run halts through its one
     * orderly path: the journal ends with the lock's release, the summary says halted, the lock file is gone.
     * (Before, SIGHUP shut the JVM down while the halt was being written, and how far it got varied.)
     */
    @Test
    void aHangUpAtAQuestionHaltsTheRunThroughTheOrderlyPathEveryTime() throws Exception {
        assumeTrue(onPath("script"), "util-linux `script` is not installed");
        for (int attempt = 1; attempt <= 3; attempt++) {
            Path dir = tmp.resolve("hangup-" + attempt);
            String java = String.join(
                    " ",
                    CutoverProcess.command(List.of(), "demo", "--dir", dir.toString()).stream()
                            .map(w -> "'" + w + "'")
                            .toList());
            Process p = new ProcessBuilder("script", "-qec", java, "/dev/null")
                    .redirectErrorStream(true)
                    .start();
            Output output = new Output(p.getInputStream());
            List<ProcessHandle> cutover;
            try {
                output.awaitQuestionOrEnd(1, p);
                type(p.getOutputStream(), "p\n"); // go/no-go: proceed
                output.awaitQuestionOrEnd(2, p);
                cutover = p.descendants().toList();
                p.destroyForcibly(); // the terminal goes away with the question open
                for (ProcessHandle h : cutover) {
                    h.onExit().get(CutoverProcess.PATIENCE_SECONDS, TimeUnit.SECONDS);
                }
            } finally {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }

            List<String> journal = Files.readAllLines(dir.resolve("execution-log.jsonl"));
            assertThat(journal.get(journal.size() - 1))
                    .as("attempt " + attempt)
                    .contains("\"event\":\"lock-released\"");
            assertThat(Files.readString(dir.resolve("execution-summary.json")))
                    .as("attempt " + attempt)
                    .contains("\"verdict\": \"halted\"")
                    .contains("nothing was decided, the run halts");
            assertThat(dir.resolve("RUNNING.lock")).as("attempt " + attempt).doesNotExist();
            CutoverProcess.assertJournalValid(dir);
        }
    }

    private static List<String> questions(String text) {
        Matcher m = ASKED.matcher(text);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static void type(OutputStream in, String keys) throws IOException {
        in.write(keys.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    /** The child's terminal output, collected in the background so the test can wait for each question. */
    private static final class Output {
        private final StringBuilder text = new StringBuilder();
        private final Thread pump;

        Output(InputStream in) {
            pump = new Thread(() -> collect(in), "pty-output");
            pump.setDaemon(true);
            pump.start();
        }

        /** Waits (bounded) until the {@code n}th question is shown or the child ended; returns the text so far. */
        String awaitQuestionOrEnd(int n, Process p) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CutoverProcess.PATIENCE_SECONDS);
            synchronized (text) {
                while (questions(text.toString()).size() < n) {
                    if (!p.isAlive() && !pump.isAlive()) {
                        break;
                    }
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        throw new AssertionError("question " + n + " never came; output:\n" + text);
                    }
                    text.wait(Math.min(left, 200));
                }
                return text.toString();
            }
        }

        void drain() throws InterruptedException {
            pump.join(TimeUnit.SECONDS.toMillis(CutoverProcess.PATIENCE_SECONDS));
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }

        private void collect(InputStream in) {
            byte[] buffer = new byte[4096];
            try (in) {
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                    synchronized (text) {
                        text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        text.notifyAll();
                    }
                }
            } catch (IOException e) {
                synchronized (text) {
                    text.append("\n[output read failed: ").append(e).append("]\n");
                    text.notifyAll();
                }
            }
        }
    }
}
