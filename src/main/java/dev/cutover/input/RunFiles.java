package dev.cutover.input;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What must hold of a path in the run directory before Cutover reads or writes it, checked before anything is
 * written: the operator can leave a folder where a file belongs, a file where a folder belongs, or a directory
 * that cannot be written, and that is a refusal naming the path and the fix (exit 3), never an I/O failure
 * halfway through a command. One check per condition, shared by every command that reads or writes the path.
 */
public final class RunFiles {
    private RunFiles() {}

    /**
     * A file Cutover reads when it is there ({@code execution-steps.json}, the journal): present, it must be a
     * regular file this process can read.
     *
     * @throws CutoverException {@link ErrorCode#RUN_FILE_IN_THE_WAY}
     */
    public static void requireReadableIfPresent(Path file) {
        kindProblem(file, "reads").ifPresent(RunFiles::inTheWay);
        if (Files.exists(file) && !Files.isReadable(file)) {
            inTheWay(file + " cannot be read by this user: make it readable (chmod u+r), then run again");
        }
    }

    /**
     * Files Cutover writes whole (a temp file beside each, then a rename), checked all before the first is written,
     * so a command writes all of them or none: none may be a folder or another non-file, and each one's folder must
     * exist and be writable.
     *
     * @throws CutoverException {@link ErrorCode#RUN_FILE_IN_THE_WAY} or {@link ErrorCode#RUN_DIR_NOT_WRITABLE}
     */
    public static void requireReplaceable(List<Path> files) {
        files.forEach(RunFiles::requireReplaceable);
    }

    /** {@link #requireReplaceable(List)} for one file. */
    public static void requireReplaceable(Path file) {
        replaceableProblem(file).ifPresent(RunFiles::inTheWay);
        requireWritableFolder(folderOf(file), file.getFileName().toString());
    }

    /**
     * A file Cutover opens in place to append to or lock (the journal, {@code .RUNNING.lock.flock}): present, a
     * regular file this process may read and write; absent, its folder must be writable to create it.
     *
     * @throws CutoverException {@link ErrorCode#RUN_FILE_IN_THE_WAY} or {@link ErrorCode#RUN_DIR_NOT_WRITABLE}
     */
    public static void requireAppendable(Path file) {
        requireReadableIfPresent(file);
        if (!Files.exists(file)) {
            requireWritableFolder(folderOf(file), file.getFileName().toString());
        } else if (!Files.isWritable(file)) {
            notWritable(file + " cannot be written by this user: make it writable (chmod u+w), then run again");
        }
    }

    /**
     * A folder Cutover creates and writes files into ({@code execution}, {@code execution-dry-run}): absent, or a
     * folder this process can write.
     *
     * @param what what the folder holds, for the message (e.g. "the per-step logs")
     * @throws CutoverException {@link ErrorCode#RUN_FILE_IN_THE_WAY} or {@link ErrorCode#RUN_DIR_NOT_WRITABLE}
     */
    public static void requireFolderOrAbsent(Path folder, String what) {
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder)) {
            inTheWay(folder + " exists and is not a folder (Cutover keeps " + what
                    + " there): remove or rename it, then run again");
        }
        if (Files.isDirectory(folder) && !Files.isWritable(folder)) {
            notWritable("the folder " + folder + " (" + what + ") is not writable: make it writable (chmod u+w) or"
                    + " remove it, then run again");
        }
    }

    /**
     * Why a file Cutover writes whole cannot be put at {@code file}, if it cannot: a folder, or something other
     * than a regular file, is in the way (a rename cannot replace either). Also what {@code --out} paths are
     * checked against.
     */
    public static Optional<String> replaceableProblem(Path file) {
        return kindProblem(file, "writes");
    }

    private static void requireWritableFolder(Path folder, String name) {
        if (!Files.isDirectory(folder)) {
            notWritable("the folder " + folder + " does not exist, so " + name + " cannot be written in it");
        }
        if (!Files.isWritable(folder)) {
            notWritable("the folder " + folder + " is not writable, and Cutover writes " + name + " there: make it"
                    + " writable (chmod u+w) or work in a writable copy of the run directory, then run again");
        }
    }

    private static Optional<String> kindProblem(Path file, String verb) {
        if (Files.isDirectory(file)) {
            return Optional.of(file + " is a folder, but Cutover " + verb + " a file there: remove or rename the"
                    + " folder, then run again");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            return Optional.of(file + " is not a regular file (a device, pipe or socket), but Cutover " + verb
                    + " a file there: remove or rename it, then run again");
        }
        return Optional.empty();
    }

    private static Path folderOf(Path file) {
        return file.toAbsolutePath().normalize().getParent();
    }

    private static void inTheWay(String message) {
        throw new CutoverException(ErrorCode.RUN_FILE_IN_THE_WAY, message);
    }

    private static void notWritable(String message) {
        throw new CutoverException(ErrorCode.RUN_DIR_NOT_WRITABLE, message);
    }
}
