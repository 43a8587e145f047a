package dev.cutover.policy;

import java.util.List;
import java.util.Optional;

/**
 * A command string parsed quote-aware into {@code &&}-joined parts and pipe stages. Placeholder tokens
 * ({@code {name}}, {@code <name>}) are plain word characters. Parsing never fails: text outside the
 * executable subset is reported in {@link #syntaxProblems()}.
 */
public record ParsedCommand(String text, List<SimpleCommand> commands, List<String> syntaxProblems) {
    public ParsedCommand {
        commands = List.copyOf(commands);
        syntaxProblems = List.copyOf(syntaxProblems);
    }

    /** The first program of the command (first word of its first stage). */
    public Optional<String> firstProgram() {
        return commands.isEmpty()
                ? Optional.empty()
                : commands.get(0).stages().get(0).program();
    }

    /** Every stage of every part, in order. */
    public List<Stage> stages() {
        return commands.stream().flatMap(c -> c.stages().stream()).toList();
    }

    /** Whether the text is inside the executable shell subset (programs not yet considered). */
    public boolean wellFormed() {
        return syntaxProblems.isEmpty();
    }
}
