package dev.cutover.cli;

import picocli.CommandLine;

/** Entry point: wires the command tree and is the only place that calls {@link System#exit}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        HangUps.endAtTheNextQuestion();
        CommandLine cli = CutoverCli.commandLine(args);
        cli.setOut(CutoverCli.consoleWriter(System.out, "sun.stdout.encoding"));
        cli.setErr(CutoverCli.consoleWriter(System.err, "sun.stderr.encoding"));
        int exitCode = cli.execute(args);
        // picocli's writers flush on println only; System.exit does not flush them, so output a command ended
        // with print (a graph, a prompt) would be lost.
        cli.getOut().flush();
        cli.getErr().flush();
        System.exit(exitCode);
    }
}
