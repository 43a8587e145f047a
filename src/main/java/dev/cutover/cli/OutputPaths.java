package dev.cutover.cli;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a path the operator gave for output before any work starts, so a typo is a usage error naming the flag
 * and the path (exit 2), never an I/O failure after the work was done.
 */
final class OutputPaths {
    private OutputPaths() {}

    /** A file to write ({@code --out}): its folder must exist and be writable, and it must not be a folder. */
    static void requireWritableFile(String flag, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw refused(flag, file, absolute + " is a folder; name a file in it");
        }
        RunFiles.replaceableProblem(absolute).ifPresent(problem -> {
            throw refused(flag, file, problem);
        });
        if (folder == null || !Files.isDirectory(folder)) {
            throw refused(flag, file, "the folder " + folder + " does not exist; create it or choose another path");
        }
        if (!Files.isWritable(folder)) {
            throw refused(flag, file, "the folder " + folder + " is not writable");
        }
    }

    /**
     * A file written beside the one the flag names (the runbook's HTML beside {@code --out}'s Markdown), checked
     * with it so that neither is written when the other cannot be: nothing may be in its way.
     */
    static void requireWritableCompanion(String flag, Path given, Path companion) {
        RunFiles.replaceableProblem(companion.toAbsolutePath().normalize()).ifPresent(problem -> {
            throw refused(flag, given, problem);
        });
    }

    /**
     * A folder to create or fill ({@code --dir}): it must be a folder if it exists, and the nearest folder above it
     * that exists must be writable (the missing ones are created).
     */
    static void requireCreatableFolder(String flag, Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            if (!Files.isDirectory(absolute)) {
                throw refused(flag, folder, absolute + " exists and is not a folder");
            }
            return;
        }
        Path existing = absolute.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw refused(flag, folder, existing + " is not a folder, so nothing can be created under it");
        }
        if (!Files.isWritable(existing)) {
            throw refused(flag, folder, "the folder " + existing + " is not writable");
        }
    }

    private static CutoverException refused(String flag, Path given, String why) {
        return new CutoverException(ErrorCode.USAGE, flag + " " + given + ": " + why);
    }
}
