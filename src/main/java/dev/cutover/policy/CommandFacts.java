package dev.cutover.policy;

import java.util.Optional;

/** Facts about a command string that the compiler and the engine need besides the lint verdict. */
public final class CommandFacts {
    private CommandFacts() {}

    /**
     * The profile variable ({@code $MIGRATION_SOURCE_PROFILE} or {@code $MIGRATION_TARGET_PROFILE}, without
     * quotes) given to {@code --profile} in the first {@code aws} stage, if that stage has one of them.
     */
    public static Optional<String> firstAwsProfile(String command) {
        return CommandParser.parse(command).stages().stream()
                .filter(stage -> stage.program().filter("aws"::equals).isPresent())
                .findFirst()
                .flatMap(AwsRules::profileVariable);
    }

    /** The first program of {@code command}, if it has any word at all. */
    public static Optional<String> firstProgram(String command) {
        return CommandParser.parse(command).firstProgram();
    }
}
