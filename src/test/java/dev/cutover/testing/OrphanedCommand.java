package dev.cutover.testing;

import dev.cutover.shell.CommandRunner;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * What a Cutover killed between starting a mutating command and naming its pid leaves behind: the command's
 * process, started exactly as the runner starts it, and a running marker without a pid.
 */
public final class OrphanedCommand {
    private OrphanedCommand() {}

    /** Starts {@code command} the way {@link CommandRunner} does: same arguments, cwd and (when given) logs. */
    public static Process start(String command, Path cwd, Path stdoutLog, Path stderrLog) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(CommandRunner.bashArguments(command)).directory(cwd.toFile());
        if (stdoutLog != null) {
            Files.createDirectories(stdoutLog.getParent());
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(stdoutLog.toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()));
        } else {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        return builder.start();
    }

    /**
     * A marker as written before bash starts (the on-disk format, spelled out here on purpose): no pid yet; the
     * SHA-256 of bash's arguments after argv[0], each ended by NUL as in /proc/PID/cmdline; cwd and logs
     * URL-encoded.
     */
    public static String markerWithoutPid(String command, Path cwd, Path stdoutLog, Path stderrLog) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String argument : CommandRunner.bashArguments(command).subList(1, 9)) {
            sha.update((argument + "\0").getBytes(StandardCharsets.UTF_8));
        }
        return "pid=? started=? kind=execute args=" + HexFormat.of().formatHex(sha.digest()) + " cwd=" + encoded(cwd)
                + " out=" + encoded(stdoutLog) + " err=" + encoded(stderrLog) + "\n";
    }

    private static String encoded(Path path) {
        return URLEncoder.encode(path.toAbsolutePath().toString(), StandardCharsets.UTF_8);
    }
}
