package dev.cutover.policy;

import java.util.List;
import java.util.Set;

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
    public AllowedPrograms {
        flat = Set.copyOf(flat);
        read = Set.copyOf(read);
        write = Set.copyOf(write);
    }

    /** The upstream executor's rule: aws, terraform, dig and true. */
    public static AllowedPrograms upstreamDefault() {
        return flat(List.of("aws", "terraform", "dig", "true"));
    }

    public static AllowedPrograms flat(List<String> programs) {
        return new AllowedPrograms(Set.copyOf(programs), Set.of(), Set.of(), false);
    }

    public static AllowedPrograms structured(List<String> read, List<String> write) {
        return new AllowedPrograms(Set.of(), Set.copyOf(read), Set.copyOf(write), true);
    }

    /** Whether {@code program} may be the first word of a simple command in {@code role}. */
    public boolean allows(String program, CommandRole role) {
        throw new UnsupportedOperationException("policy helper implements this");
    }

    /** Whether {@code aws} is allowed in any role (then profiles are required, FORMATS.md §1). */
    public boolean allowsAws() {
        throw new UnsupportedOperationException("policy helper implements this");
    }

    /** Go/no-go warnings about this configuration (shell-like programs listed, roles unenforced). */
    public List<String> warnings() {
        throw new UnsupportedOperationException("policy helper implements this");
    }
}
