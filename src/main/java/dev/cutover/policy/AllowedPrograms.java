package dev.cutover.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which programs commands may invoke, from {@code cutover.yaml} {@code allowed_programs} (FORMATS.md §1,
 * §4.3): a flat list (any role) or a structured {@code {read, write}} pair. Absent ⇒ the upstream set
 * {@code [aws, terraform, dig, true]}.
 *
 * @param flat programs allowed in any role (empty when structured)
 * @param read programs allowed in read roles and as pipe stages (structured form only)
 * @param write programs allowed in write roles (structured form only)
 * @param structured whether the configuration used the {read, write} form
 */
public record AllowedPrograms(Set<String> flat, Set<String> read, Set<String> write, boolean structured) {
    /** What a program name in {@code allowed_programs} must look like. */
    public static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._+-]*$");

    private static final Set<String> UPSTREAM = Set.of("aws", "terraform", "dig", "true");
    private static final Set<String> BUILT_IN_CLASSES = Set.of("aws", "terraform");
    // shells, interpreters and remote shells: allowed when listed, but their arguments are code the lint cannot read
    private static final List<String> OPAQUE = List.of(
            "bash", "sh", "dash", "zsh", "ksh", "find", "source", "awk", "perl", "python", "python3", "ruby", "node",
            "ssh");
    // programs that run their arguments as another program: a stage starting with one is never executable,
    // since the aws/terraform rules apply only to a stage's own program
    private static final List<String> WRAPPERS = List.of(
            "time",
            "timeout",
            "nice",
            "nohup",
            "command",
            "builtin",
            "exec",
            "eval",
            "setsid",
            "stdbuf",
            "ionice",
            "chrt",
            "taskset",
            "flock",
            "env",
            "xargs",
            "sudo",
            "doas",
            "su",
            "runuser",
            "chroot",
            "unshare",
            "nsenter",
            "unbuffer",
            "watch",
            "parallel",
            "strace");

    public AllowedPrograms {
        flat = Set.copyOf(flat);
        read = Set.copyOf(read);
        write = Set.copyOf(write);
        if (structured ? !flat.isEmpty() : !(read.isEmpty() && write.isEmpty())) {
            throw new IllegalArgumentException("allowed_programs is either a flat list or {read, write}, not both");
        }
        requireNames(flat);
        requireNames(read);
        requireNames(write);
    }

    /** The upstream executor's rule: aws, terraform, dig and true. */
    public static AllowedPrograms upstreamDefault() {
        return flat(List.of("aws", "terraform", "dig", "true"));
    }

    /** A flat list; throws {@link IllegalArgumentException} naming any entry that is not a bare name. */
    public static AllowedPrograms flat(List<String> programs) {
        return new AllowedPrograms(Set.copyOf(programs), Set.of(), Set.of(), false);
    }

    /** A {read, write} pair; throws {@link IllegalArgumentException} naming any entry not a bare name. */
    public static AllowedPrograms structured(List<String> read, List<String> write) {
        return new AllowedPrograms(Set.of(), Set.copyOf(read), Set.copyOf(write), true);
    }

    private static void requireNames(Set<String> programs) {
        for (String program : new TreeSet<>(programs)) {
            if (!NAME.matcher(program).matches()) {
                throw new IllegalArgumentException("allowed_programs entry `" + program
                        + "` is not a bare program name matching " + NAME.pattern());
            }
        }
    }

    /** Whether {@code program} may be the first word of a simple command in {@code role}. */
    public boolean allows(String program, CommandRole role) {
        return allowsStage(program, role, false);
    }

    /**
     * Whether {@code program} may start a stage in {@code role}; a pipe stage (not the first of its simple
     * command) may also use structured {@code read} entries. The lint's own rules ({@code true}, {@code
     * grep}/{@code wc}/{@code tail} pipe stages) are not applied here.
     */
    public boolean allowsStage(String program, CommandRole role, boolean pipeStage) {
        if (!structured) {
            return flat.contains(program);
        }
        if (BUILT_IN_CLASSES.contains(program)) {
            // listed aws/terraform serve every role; the lint's built-in classes restrict them
            return read.contains(program) || write.contains(program);
        }
        boolean readable = (role == CommandRole.READ || pipeStage) && read.contains(program);
        return readable || (role == CommandRole.WRITE && write.contains(program));
    }

    /** Whether {@code program} runs its arguments as another program ({@code timeout}, {@code env}, …). */
    static boolean isWrapper(String program) {
        return WRAPPERS.contains(program);
    }

    /** Whether {@code aws} is allowed in any role (then profiles are required, FORMATS.md §1). */
    public boolean allowsAws() {
        return flat.contains("aws") || read.contains("aws") || write.contains("aws");
    }

    /** Whether {@code terraform} is allowed in any role (then pre-flight check 7 applies). */
    public boolean allowsTerraform() {
        return flat.contains("terraform") || read.contains("terraform") || write.contains("terraform");
    }

    /** Go/no-go warnings about this configuration (shell-like programs or wrappers listed, roles unenforced). */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (!structured && !UPSTREAM.containsAll(flat)) {
            warnings.add("roles are not enforced for a flat allowed_programs list; use {read, write} to restrict");
        }
        for (String program : OPAQUE) {
            if (listed(program)) {
                warnings.add("`" + program + "` is allowed: the lint cannot see into its arguments");
            }
        }
        for (String program : WRAPPERS) {
            if (listed(program)) {
                warnings.add("`" + program + "` is listed, but a stage that starts with it is refused: it runs another"
                        + " program, which Cutover cannot check; run the program directly");
            }
        }
        return warnings;
    }

    private boolean listed(String program) {
        return flat.contains(program) || read.contains(program) || write.contains(program);
    }
}
