package dev.cutover.cli;

import dev.cutover.approval.VisibleTextWriter;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.error.Problem;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code cutover} command and the mapping from failures to exit codes (DESIGN.md §4). */
@Command(
        name = "cutover",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Compiles two signed cutover checklists into deterministic steps and executes them one at a time "
                + "with per-step human approval, an append-only journal and crash-safe resume.",
        exitCodeListHeading = "%nExit codes (every command; each command's --help says which it uses):%n",
        exitCodeList = {
            "0:completed",
            "1:halted, or a step failed",
            "2:invalid input or usage; nothing executed",
            "3:refused by pre-flight or policy",
            "4:another live run holds the lock (or its command still runs)",
            "5:aborted by the operator",
            "6:journal or plan conflict",
            "70:internal error (a bug)"
        })
// The verbs are registered from VERBS below, not by a `subcommands` attribute, so that a run builds only its own.
// A verb's `header` is its line in this command's list (the first line of a description is cut mid-sentence there);
// descriptions are one string per paragraph, wrapped to the width by picocli, never by hand.
public final class CutoverCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Every verb, in the order {@code cutover --help} lists them (picocli's help verb last). */
    static final List<Class<?>> VERBS = List.of(
            CompileCommand.class,
            PlanCommand.class,
            PreflightCommand.class,
            ExecuteCommand.class,
            PreparePipelineCommand.class,
            RollbackCommand.class,
            RehearseCommand.class,
            StatusCommand.class,
            VerifyJournalCommand.class,
            VerifyEvidenceCommand.class,
            RepairCommand.class,
            ReportCommand.class,
            RunbookCommand.class,
            ReviewCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class);

    /** A fully configured command line with every verb; tests use it with their own writers. */
    public static CommandLine commandLine() {
        return configured(VERBS);
    }

    /**
     * The command line {@code args} need: when they start with a verb's name, only that verb is built (picocli
     * builds each verb's model by reflection, a large part of a cold start); otherwise — no verb, an option, an
     * unknown word, {@code help} — every verb, so help, errors and suggestions are the full tree's.
     */
    public static CommandLine commandLine(String... args) {
        if (args.length > 0 && !"help".equals(args[0])) {
            for (Class<?> verb : VERBS) {
                if (args[0].equals(verb.getAnnotation(Command.class).name())) {
                    return configured(List.of(verb));
                }
            }
        }
        return commandLine();
    }

    /**
     * The writer for the process's standard output or error: what picocli would make (the JVM's encoding for the
     * stream, autoflush on println), but showing control and invisible formatting characters as escapes, so that
     * text from inputs or command output can never act on the operator's terminal ({@link VisibleTextWriter}).
     */
    static PrintWriter consoleWriter(OutputStream stream, String encodingProperty) {
        String encoding = System.getProperty(encodingProperty);
        Charset charset = encoding != null && Charset.isSupported(encoding)
                ? Charset.forName(encoding)
                : Charset.defaultCharset();
        return new PrintWriter(new VisibleTextWriter(new OutputStreamWriter(stream, charset)), true);
    }

    private static CommandLine configured(List<Class<?>> verbs) {
        CommandLine cl = new CommandLine(new CutoverCli());
        for (Class<?> verb : verbs) {
            cl.addSubcommand(verb);
        }
        // No colours in help (set after the verbs, so they have it too): the console writer would show their
        // escape sequences as text.
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        ExitCodes exitCodes = new ExitCodes();
        cl.setExecutionExceptionHandler(exitCodes);
        cl.setParameterExceptionHandler(exitCodes);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Maps failures to exit codes (DESIGN.md §4). A named class, not method references, and no lambda anywhere
     * whose type mentions picocli: picocli is compiled for Java 5, and the JDK leaves a Java 5 class out of the
     * class-data sharing archive once a lambda's linkage has linked it while the archive is made ("Old class has
     * been linked") — method references here kept picocli.CommandLine, 72 KB of bytecode, out of the archive.
     */
    private static final class ExitCodes
            implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
            PrintWriter err = cl.getErr();
            if (ex instanceof CutoverException ce) {
                err.println("error: " + ce.getMessage());
                for (Problem p : ce.problems()) {
                    err.println("  " + p.render().replace(System.lineSeparator(), System.lineSeparator() + "  "));
                }
                err.println("next: " + ce.code().fix());
                err.flush();
                return ce.exitCode();
            }
            err.println("internal error (a bug in Cutover, please report it): " + ex);
            ex.printStackTrace(err);
            err.flush();
            return ErrorCode.INTERNAL.exitCode();
        }

        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            PrintWriter err = cl.getErr();
            // Some of picocli's own messages already start with "Error: ".
            err.println("error: " + ex.getMessage().replaceFirst("^Error: ", ""));
            err.println("next: run `" + cl.getCommandSpec().qualifiedName() + " --help` for usage.");
            err.flush();
            return ErrorCode.USAGE.exitCode();
        }
    }
}
