package dev.cutover.cli;

import dev.cutover.engine.ApproverFactory;
import dev.cutover.engine.CutoverEngine;
import dev.cutover.engine.HostInfo;
import dev.cutover.engine.ProcessGitConfigReader;
import dev.cutover.engine.Sleeper;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/** The engine of the verbs that run steps (execute, rollback, rehearse): real clock, terminal, host and git. */
final class SystemEngine {
    private SystemEngine() {}

    static CutoverEngine create(PrintWriter out) {
        Map<String, String> env = System.getenv();
        return new CutoverEngine(
                Clock.systemUTC(),
                Sleeper.system(),
                out,
                ApproverFactory.system(out),
                HostInfo.system(env),
                ProcessGitConfigReader.withDefaultTimeout(env));
    }
}
