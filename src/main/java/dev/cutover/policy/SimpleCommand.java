package dev.cutover.policy;

import java.util.List;

/** One {@code &&}-joined part of a command: a pipeline of one or more stages. */
public record SimpleCommand(List<Stage> stages) {
    public SimpleCommand {
        stages = List.copyOf(stages);
    }
}
