package dev.cutover.app;

import dev.cutover.engine.PipelineGate;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.Plane;
import dev.cutover.input.RunDirectory;
import dev.cutover.rehearsal.RehearsalGate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The git side of {@code prepare-pipeline}: refuses unless the repository is a clean work tree with a commit and
 * the branch and folder are new; then writes the files in a temporary worktree on the new branch, commits them,
 * and removes the worktree. On any failure the new branch is deleted again. Nothing is ever pushed.
 */
final class PipelineCommit {
    private static final List<String> INPUTS = List.of(
            Plane.CP.jsonFile(),
            Plane.CP.markdownFile(),
            Plane.DP.jsonFile(),
            Plane.DP.markdownFile(),
            RunDirectory.DATA_MIGRATION_PLAN,
            RunDirectory.MIGRATION_PLAN,
            RunDirectory.DEPENDENCY_GRAPH,
            RunDirectory.HARDCODED_VALUES,
            RunDirectory.RESOURCE_OWNERSHIP,
            RunDirectory.CONFIG);

    private final GitRepository git;
    private final Path requested;
    private final String branch;
    private Path top;

    PipelineCommit(GitRepository git, Path repo, String branch) {
        this.git = git;
        this.requested = repo.toAbsolutePath().normalize();
        this.branch = branch;
    }

    /** The generated contents, and the run directory whose inputs are copied. */
    record Contents(
            RunDirectory runDir,
            byte[] stepsJson,
            String approvals,
            String rollbackApprovals,
            String change,
            String script,
            String workflow) {}

    void requireReady(PipelineJob.Change change) {
        if (!Files.isDirectory(requested)) {
            throw PreparePipelineService.refused(requested + " is not a directory");
        }
        GitRepository.Result inside = git.run(requested, "rev-parse", "--show-toplevel");
        if (!inside.ok()) {
            throw PreparePipelineService.refused(
                    requested + " is not a git work tree: " + inside.stderr().strip());
        }
        top = Path.of(inside.stdout().strip());
        String status = git.require(top, "status", "status", "--porcelain", "--untracked-files=all");
        if (!status.isEmpty()) {
            throw PreparePipelineService.refused(top + " has uncommitted changes (git status --porcelain: "
                    + status.lines().limit(3).toList() + "…); commit or stash them first");
        }
        if (!git.run(top, "rev-parse", "--verify", "--quiet", "HEAD").ok()) {
            throw PreparePipelineService.refused(top + " has no commit yet to branch from");
        }
        if (!git.run(top, "check-ref-format", "--branch", branch).ok()) {
            throw PreparePipelineService.refused("`" + branch + "` is not a valid branch name");
        }
        if (git.run(top, "show-ref", "--verify", "--quiet", "refs/heads/" + branch)
                .ok()) {
            throw PreparePipelineService.refused("branch " + branch + " already exists; pass --branch NAME");
        }
        for (String path : List.of(change.folder(), workflowPath(change))) {
            if (git.run(top, "cat-file", "-e", "HEAD:" + path).ok()) {
                throw PreparePipelineService.refused(path + " already exists in " + top + " at HEAD");
            }
        }
    }

    PreparedPipeline create(PipelineJob.Change change, Contents files) {
        Path temp = createTempDirectory();
        Path worktree = temp.resolve("worktree");
        git.require(top, "worktree", "worktree", "add", "--quiet", "-b", branch, worktree.toString(), "HEAD");
        try {
            List<String> written = write(worktree, change, files);
            git.require(worktree, "add", "add", "--", change.folder(), workflowPath(change));
            git.require(worktree, "commit", "commit", "--quiet", "-m", message(change, files));
            String commit = git.require(worktree, "rev-parse", "rev-parse", "HEAD");
            removeWorktree(worktree, temp);
            return new PreparedPipeline(
                    top.toString(), branch, commit, change.folder(), written, change.environment(), change.runId());
        } catch (RuntimeException e) {
            removeWorktree(worktree, temp);
            git.run(top, "branch", "-D", branch); // leave the repository as it was
            throw e;
        }
    }

    private static List<String> write(Path worktree, PipelineJob.Change change, Contents files) {
        List<String> written = new ArrayList<>();
        Path folder = worktree.resolve(change.folder());
        try {
            for (String input : INPUTS) {
                Path from = files.runDir().file(input);
                if (Files.exists(from)) {
                    written.add(copy(from, folder.resolve(input), worktree));
                }
            }
            written.addAll(copyEvidence(files.runDir(), folder, worktree));
            Path terraform = files.runDir().terraformRoot();
            if (Files.isDirectory(terraform)) {
                written.addAll(
                        copyTerraform(terraform, folder.resolve("terraform").resolve("root"), worktree));
            }
            written.add(put(worktree, folder.resolve(RunDirectory.STEPS), files.stepsJson()));
            written.add(
                    put(worktree, folder.resolve(PipelineGate.Purpose.EXECUTE.fileName()), bytes(files.approvals())));
            written.add(put(
                    worktree,
                    folder.resolve(PipelineGate.Purpose.ROLLBACK.fileName()),
                    bytes(files.rollbackApprovals())));
            written.add(put(worktree, folder.resolve("CHANGE.md"), bytes(files.change())));
            Path script = folder.resolve("pipeline").resolve("run-cutover.sh");
            written.add(put(worktree, script, bytes(files.script())));
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            written.add(put(worktree, worktree.resolve(workflowPath(change)), bytes(files.workflow())));
        } catch (IOException e) {
            throw new CutoverException(ErrorCode.IO_FAILURE, "prepare-pipeline: cannot write the files: " + e, e);
        }
        return written;
    }

    /**
     * The rehearsal evidence travels with the plan: the pipeline's production run is gated on it exactly like a
     * run at a terminal (docs/rehearsal.md), and reviewers of the change can verify it.
     */
    private static List<String> copyEvidence(RunDirectory runDir, Path folder, Path worktree) throws IOException {
        List<String> written = new ArrayList<>();
        for (Path evidence : RehearsalGate.candidates(runDir.root())) {
            written.add(copy(evidence, folder.resolve(runDir.root().relativize(evidence)), worktree));
        }
        return written;
    }

    /** Terraform sources only: no provider caches, no state (which can hold secrets). */
    private static List<String> copyTerraform(Path from, Path to, Path worktree) throws IOException {
        List<String> written = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = from.relativize(p).toString();
                if (rel.startsWith(".terraform/") || rel.contains("/.terraform/") || rel.contains(".tfstate")) {
                    continue;
                }
                written.add(copy(p, to.resolve(rel), worktree));
            }
        }
        return written;
    }

    private static String copy(Path from, Path to, Path worktree) throws IOException {
        return put(worktree, to, Files.readAllBytes(from));
    }

    private static String put(Path worktree, Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return worktree.relativize(file).toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String workflowPath(PipelineJob.Change change) {
        return ".github/workflows/cutover-" + change.name() + ".yml";
    }

    private static String message(PipelineJob.Change change, Contents files) {
        return "cutover: pipeline change for run " + change.runId() + " (" + change.environment() + ")\n\n"
                + "- " + change.folder() + ": the signed inputs, execution-steps.json (sha256 "
                + PipelineGate.stepsSha256(files.stepsJson()) + "), pipeline-approvals.txt,"
                + " pipeline-rollback-approvals.txt and CHANGE.md\n"
                + "- " + change.folder() + "/pipeline/run-cutover.sh and " + workflowPath(change) + ": run it"
                + " non-interactively, only after the CI approval gate of environment " + change.environment() + "\n\n"
                + "Requires: review of CHANGE.md and approval through the " + change.environment()
                + " environment gate before it runs. Generated by cutover prepare-pipeline; not pushed.\n";
    }

    private void removeWorktree(Path worktree, Path temp) {
        if (Files.exists(worktree)) {
            git.run(top, "worktree", "remove", "--force", worktree.toString());
        }
        git.run(top, "worktree", "prune");
        try (Stream<Path> walk = Files.walk(temp)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind costs nothing
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("cutover-pipeline-");
        } catch (IOException e) {
            throw new CutoverException(ErrorCode.IO_FAILURE, "prepare-pipeline: cannot create a temp folder: " + e, e);
        }
    }
}
