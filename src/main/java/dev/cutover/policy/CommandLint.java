package dev.cutover.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether a command string is executable in a role (FORMATS.md §4.3 "Executable"): allowed
 * programs, {@code &&} and single {@code |} only, balanced quotes, no redirection, substitution, globbing,
 * elision or unknown variables, built-in read/write classes for {@code aws} and {@code terraform},
 * exactly one {@code --profile $MIGRATION_*_PROFILE} on every {@code aws} command, and free pipe filters
 * ({@link StdinFilters}) that read only their standard input. A stage whose program is a wrapper ({@code
 * timeout}, {@code env}, {@code sudo}, …) is never executable, listed or not: the rules above would see the
 * wrapper, not the program it runs.
 */
public final class CommandLint {
    private final AllowedPrograms allowed;

    public CommandLint(AllowedPrograms allowed) {
        this.allowed = Objects.requireNonNull(allowed, "allowed");
    }

    /** Lints {@code command}; open placeholders ({@code {name}}) count as plain words. */
    public LintResult check(String command, CommandRole role) {
        Objects.requireNonNull(role, "role");
        ParsedCommand parsed = CommandParser.parse(command);
        List<String> reasons = new ArrayList<>(parsed.syntaxProblems());
        List<String> programs = new ArrayList<>();
        List<String> notAllowed = new ArrayList<>();
        for (SimpleCommand simple : parsed.commands()) {
            for (int i = 0; i < simple.stages().size(); i++) {
                Stage stage = simple.stages().get(i);
                String program = stage.program().orElseThrow();
                programs.add(program);
                checkStage(stage, program, role, i > 0, reasons, notAllowed);
            }
        }
        return new LintResult(reasons.isEmpty(), reasons, programs, notAllowed);
    }

    private void checkStage(
            Stage stage,
            String program,
            CommandRole role,
            boolean pipeStage,
            List<String> reasons,
            List<String> notAllowed) {
        if (program.contains("=") && !program.startsWith("=")) {
            reasons.add("`" + program + "` sets an environment variable before the program; that is not allowed");
        } else if (!AllowedPrograms.NAME.matcher(program).matches()) {
            reasons.add("`" + program + "` is not a bare program name; list bare names in allowed_programs");
        } else if (AllowedPrograms.isWrapper(program)) {
            reasons.add("`" + program + "` runs another program, which the lint cannot check; run the program"
                    + " directly: Cutover checks aws/terraform commands only when they are the stage's program");
        } else if (pipeStage && StdinFilters.isFilter(program) && !allowed.allowsStage(program, role, true)) {
            StdinFilters.check(stage, reasons);
        } else if (!programAllowed(program, role, pipeStage)) {
            notAllowed.add(program);
            reasons.add("program `" + program + "` is not allowed " + where(role, pipeStage)
                    + " (allowed_programs in cutover.yaml)");
        } else if (program.equals("aws")) {
            AwsRules.check(stage, role, reasons);
        } else if (program.equals("terraform")) {
            TerraformRules.check(stage, role, reasons);
        }
    }

    private boolean programAllowed(String program, CommandRole role, boolean pipeStage) {
        return program.equals("true") || allowed.allowsStage(program, role, pipeStage);
    }

    private static String where(CommandRole role, boolean pipeStage) {
        String roleText = role == CommandRole.READ
                ? "in a read command (preview, verify, poll, probe)"
                : "in a write command (execute, rollback)";
        return pipeStage ? "as a pipe stage " + roleText : roleText;
    }
}
