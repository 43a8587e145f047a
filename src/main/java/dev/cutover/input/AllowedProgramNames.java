package dev.cutover.input;

import java.util.List;

/**
 * The {@code allowed_programs} of {@code cutover.yaml} as written: a flat list (any role) or a structured
 * {@code {read, write}} pair. Interpreting the names is the policy's job; this record only carries them.
 *
 * @param structured whether the {read, write} form was used
 * @param flat the flat list (empty when structured)
 * @param read programs for read roles and pipe stages (structured form; empty otherwise)
 * @param write programs for write roles (structured form; empty otherwise)
 */
public record AllowedProgramNames(boolean structured, List<String> flat, List<String> read, List<String> write) {
    public AllowedProgramNames {
        flat = List.copyOf(flat);
        read = List.copyOf(read);
        write = List.copyOf(write);
    }

    public static AllowedProgramNames flat(List<String> programs) {
        return new AllowedProgramNames(false, programs, List.of(), List.of());
    }

    public static AllowedProgramNames structured(List<String> read, List<String> write) {
        return new AllowedProgramNames(true, List.of(), read, write);
    }
}
