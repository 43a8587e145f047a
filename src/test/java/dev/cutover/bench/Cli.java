package dev.cutover.bench;

import dev.cutover.cli.CutoverCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The CLI in-process with captured writers, for the generators' tests (test support, not a benchmark). */
final class Cli {
    private Cli() {}

    record Result(int exit, String out, String err) {
        String both() {
            return out + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = CutoverCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
