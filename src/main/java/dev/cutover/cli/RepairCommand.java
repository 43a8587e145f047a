package dev.cutover.cli;

import dev.cutover.app.RepairService;
import dev.cutover.engine.HostInfo;
import dev.cutover.engine.ProcessGitConfigReader;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code cutover repair}: set a torn last journal line aside so the run can be resumed. */
@Command(
        name = "repair",
        mixinStandardHelpOptions = true,
        header = "Set a torn last journal line aside after a crash.",
        description = "When the journal's last line is torn (the process died while appending it), copy exactly those "
                + "bytes to execution-log.torn-<n>.bin, cut them off and record the repair in the journal. "
                + "Changes nothing else; refuses any other damage (see cutover verify-journal) and any live "
                + "run.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:repaired, or nothing to repair",
            "2:no journal",
            "3:refused: the journal or a lock file is a folder, or cannot be read or written",
            "4:a live run holds the lock",
            "6:the damage is not a torn last line; nothing changed",
            "70:internal error (bug)"
        })
final class RepairCommand implements Callable<Integer> {
    @Mixin
    RunDirOptions runDir;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, String> env = System.getenv();
        PrintWriter out = spec.commandLine().getOut();
        new RepairService(Clock.systemUTC(), HostInfo.system(env), ProcessGitConfigReader.withDefaultTimeout(env))
                .repair(runDir.resolve(), env)
                .ifPresentOrElse(
                        r -> out.println("repaired: line " + r.torn().lineNumber() + " ("
                                + r.torn().bytes().length + " bytes) moved to " + r.sideFile() + "; recorded as "
                                + r.entry().entryId()),
                        () -> out.println("nothing to repair: the journal's last line is complete"));
        return 0;
    }
}
