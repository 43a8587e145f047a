package dev.cutover.cli;

/** Entry point: wires the command tree and is the only place that calls {@link System#exit}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(CutoverCli.commandLine(args).execute(args));
    }
}
